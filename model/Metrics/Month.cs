using System.Globalization;
using Analytics.Ingest;

namespace Analytics.Model.Metrics;

/// <summary>Calendar months as their first day, and the YYYY-MM text users type.</summary>
public static class Month
{
    public static DateOnly First(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The as-of day D of a month: its last day.</summary>
    public static DateOnly LastDay(DateOnly period) => First(period).AddMonths(1).AddDays(-1);

    public static DateOnly Parse(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UserError($"The period '{text}' is not a month in the form YYYY-MM.");

    public static string Format(DateOnly period) => period.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
