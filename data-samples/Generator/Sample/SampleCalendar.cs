namespace Analytics.SampleData.Sample;

/// <summary>
/// The sample's time frame and the calendar effects on trade: weekday rhythm, months, Chinese holidays and
/// shopping festivals, category seasons, and the mall-wide renovation dip of July 2026.
/// </summary>
internal static class SampleCalendar
{
    /// <summary>First day of data (36 months ending <see cref="End"/>).</summary>
    public static readonly DateOnly Start = new(2023, 11, 1);

    /// <summary>Last day of data and the as-of day (D) of the planted situations: period 2026-10.</summary>
    public static readonly DateOnly End = new(2026, 10, 31);

    /// <summary>Mall-wide dip: every tenant and the footfall lose 20 % during a renovation of the atrium.</summary>
    public static readonly DateOnly DipStart = new(2026, 7, 1);
    public static readonly DateOnly DipEnd = new(2026, 7, 31);
    public const double DipFactor = 0.80;

    /// <summary>Yearly growth of the whole mall.</summary>
    public const double MallGrowthPerYear = 0.03;

    private static readonly DateOnly[] SpringFestivals = [new(2024, 2, 10), new(2025, 1, 29), new(2026, 2, 17)];

    // Month index 1..12; a calm mall-wide profile, the holidays below carry the peaks.
    private static readonly double[] Months = [0, 1.00, 0.95, 0.88, 0.92, 1.00, 0.97, 1.02, 1.03, 0.93, 1.00, 0.98, 1.10];

    public static DateOnly MonthStart(DateOnly d) => new(d.Year, d.Month, 1);

    public static DateOnly MonthEnd(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));

    public static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var n = first.DayNumber; n <= last.DayNumber; n++)
        {
            yield return DateOnly.FromDayNumber(n);
        }
    }

    public static IEnumerable<DateOnly> MonthsBetween(DateOnly first, DateOnly last)
    {
        for (var m = MonthStart(first); m <= last; m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    public static double MallTrend(DateOnly d) => Math.Pow(1 + MallGrowthPerYear, (d.DayNumber - Start.DayNumber) / 365.0);

    public static double MallEvent(DateOnly d) => d >= DipStart && d <= DipEnd ? DipFactor : 1.0;

    public static double Weekly(DayOfWeek day, WeekRhythm rhythm) => rhythm switch
    {
        WeekRhythm.Leisure => day switch
        {
            DayOfWeek.Monday => 0.80, DayOfWeek.Tuesday => 0.78, DayOfWeek.Wednesday => 0.82, DayOfWeek.Thursday => 0.88,
            DayOfWeek.Friday => 1.08, DayOfWeek.Saturday => 1.42, _ => 1.32,
        },
        WeekRhythm.Daily => day switch
        {
            DayOfWeek.Saturday => 1.15, DayOfWeek.Sunday => 1.12, DayOfWeek.Friday => 1.02, _ => 0.93,
        },
        _ => day switch
        {
            DayOfWeek.Monday => 0.87, DayOfWeek.Tuesday => 0.85, DayOfWeek.Wednesday => 0.88, DayOfWeek.Thursday => 0.92,
            DayOfWeek.Friday => 1.03, DayOfWeek.Saturday => 1.30, _ => 1.24,
        },
    };

    /// <summary>Month profile times holidays times the category's own season, for one day.</summary>
    public static double Season(DateOnly d, CategoryProfile category) =>
        Months[d.Month] * Holiday(d, category.Name) * CategorySeason(d, category.Name);

    /// <summary>Footfall follows the general calendar (no category season).</summary>
    public static double FootfallSeason(DateOnly d) => Months[d.Month] * Holiday(d, "");

    private static double Holiday(DateOnly d, string category)
    {
        foreach (var sf in SpringFestivals)
        {
            var offset = d.DayNumber - sf.DayNumber;
            if (offset is >= -14 and <= -2)
            {
                // New-year shopping: gifts, clothes, groceries.
                return category switch
                {
                    "supermarket" or "jewelry" => 1.55, "fashion" or "beauty" or "kids" => 1.30, "services" => 1.05, _ => 1.15,
                };
            }
            if (offset == -1)
            {
                return category is "f&b" ? 1.25 : 0.70; // New Year's Eve: families eat out or at home
            }
            if (offset is >= 0 and <= 6)
            {
                return category switch
                {
                    "entertainment" => 1.85, "f&b" => 1.50, "supermarket" => 0.80, "services" => 0.50, _ => 1.30,
                };
            }
        }
        var (m, day) = (d.Month, d.Day);
        var leisure = category is "entertainment" or "f&b";
        if (m == 5 && day <= 5)
        {
            return leisure ? 1.55 : 1.35; // Labour Day
        }
        if (m == 10 && day <= 7)
        {
            return leisure ? 1.60 : 1.40; // National Day Golden Week
        }
        if (m == 6 && day is >= 14 and <= 18)
        {
            return category is "fashion" or "beauty" or "electronics" or "sports" ? 1.20 : 1.03; // 618
        }
        if (m == 11 && day is >= 9 and <= 11)
        {
            return category is "beauty" or "electronics" or "fashion" ? 1.25 : category == "jewelry" ? 1.15 : 1.03; // Double 11
        }
        if ((m == 12 && day is 24 or 25 or 31) || (m == 1 && day == 1))
        {
            return 1.20;
        }
        return 1.0;
    }

    private static double CategorySeason(DateOnly d, string category) => category switch
    {
        // School holidays drive kids: summer peak, winter break, quiet after school starts.
        "kids" => d.Month switch
        {
            7 or 8 => 1.45,
            9 or 10 or 11 => 0.85,
            1 when d.Day >= 15 => 1.20,
            2 when d.Day <= 25 => 1.20,
            _ => 1.0,
        },
        "sports" => d.Month is 6 or 7 or 8 ? 1.15 : d.Month is 12 or 1 ? 0.92 : 1.0,
        "f&b" => d.Month is 7 or 8 ? 1.08 : 1.0, // tea drinks and desserts in summer
        _ => 1.0,
    };
}
