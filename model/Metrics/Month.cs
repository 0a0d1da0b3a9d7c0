using System.Globalization;
using Analytics.Ingest;

namespace Analytics.Model.Metrics;

/// <summary>Calendar months as their first day, and the YYYY-MM text users type.</summary>
public static class Month
{
    public static DateOnly First(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The as-of day D of a month: its last day.</summary>
    public static DateOnly LastDay(DateOnly period) => First(period).AddMonths(1).AddDays(-1);

    /// <summary>A month typed on the command line (spaces around are forgiven).</summary>
    public static DateOnly Parse(string text) =>
        TryParse(text.Trim(), out var d) ? d : throw new UserError($"The period '{Printable.Of(text)}' is not a month in the form YYYY-MM.");

    /// <summary>
    /// Exactly YYYY-MM in ASCII digits, year 0001 to 9999, nothing before or after: the one check for a period in a
    /// route or a query (a regex's \d takes Arabic-Indic digits and its $ a trailing line break).
    /// </summary>
    public static bool TryParse(string? text, out DateOnly firstDay)
    {
        firstDay = default;
        return text is { Length: 7 } && text[4] == '-' && text.AsSpan(0, 4).IndexOfAnyExceptInRange('0', '9') < 0
            && text.AsSpan(5).IndexOfAnyExceptInRange('0', '9') < 0
            && DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out firstDay);
    }

    public static string Format(DateOnly period) => period.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
