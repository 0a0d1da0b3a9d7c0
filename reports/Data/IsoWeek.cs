using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Ingest;

namespace Analytics.Reports.Data;

/// <summary>An ISO 8601 week (Monday to Sunday) as users type it: <c>2026-W44</c>.</summary>
public sealed partial record IsoWeek(int Year, int Week)
{
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    public IsoWeek Previous => Of(Monday.AddDays(-7));

    /// <summary>The week 52 weeks earlier: same weekdays, so a Saturday is compared with a Saturday.</summary>
    public IsoWeek SameWeekLastYear => Of(Monday.AddDays(-364));

    public static IsoWeek Of(DateOnly day)
    {
        var dt = day.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt));
    }

    /// <summary>The last week that is complete on <paramref name="lastDay"/> (the week ending on it, or the one before).</summary>
    public static IsoWeek LastCompleteOn(DateOnly lastDay) =>
        lastDay.DayOfWeek == DayOfWeek.Sunday ? Of(lastDay) : Of(lastDay).Previous;

    public static IsoWeek Parse(string text)
    {
        var m = Pattern().Match(text.Trim());
        if (m.Success)
        {
            var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var week = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
                return new IsoWeek(year, week);
        }
        throw new UserError($"The week '{text}' is not an ISO week in the form YYYY-Www (e.g. 2026-W44).");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Week:00}");

    [GeneratedRegex(@"^(\d{4})-[Ww](\d{2})$")]
    private static partial Regex Pattern();
}
