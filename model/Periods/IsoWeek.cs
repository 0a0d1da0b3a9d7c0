using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Ingest;

namespace Analytics.Model.Periods;

/// <summary>An ISO 8601 week (Monday to Sunday) as users type it: <c>2026-W44</c>.</summary>
public sealed partial record IsoWeek(int Year, int Week) : IParsable<IsoWeek>
{
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    public IsoWeek Previous => Of(Monday.AddDays(-7));

    /// <summary>The week 52 weeks earlier: same weekdays, so a Saturday is compared with a Saturday.</summary>
    public IsoWeek SameWeekLastYear => Of(Monday.AddDays(-364));

    /// <summary>
    /// The month whose analysis gives this week's brief its flags: the month the week ends in when the warehouse holds
    /// its sales to the month's end (<paramref name="lastSalesDay"/>), else the month before (a month is analysed once
    /// it is complete). The one home of this rule: the brief and the server's document renderer both ask here.
    /// </summary>
    public Month FlagMonth(DateOnly? lastSalesDay)
    {
        var month = Month.Of(Sunday);
        return lastSalesDay is { } d && d >= month.Last ? month : month.AddMonths(-1);
    }

    public static IsoWeek Of(DateOnly day)
    {
        var dt = day.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt));
    }

    /// <summary>The last week that is complete on <paramref name="lastDay"/> (the week ending on it, or the one before).</summary>
    public static IsoWeek LastCompleteOn(DateOnly lastDay) =>
        lastDay.DayOfWeek == DayOfWeek.Sunday ? Of(lastDay) : Of(lastDay).Previous;

    public static IsoWeek Parse(string text) =>
        TryParse(text.Trim(), out var week) ? week
            : throw new UserError($"The week '{Printable.Of(text)}' is not an ISO week in the form YYYY-Www (e.g. 2026-W44).");

    /// <summary>Exactly YYYY-Www in ASCII digits, year 0001 to 9998 (whose weeks all fit in the calendar), a week the year has.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out IsoWeek week)
    {
        week = null;
        var m = text is null ? null : Pattern().Match(text);
        if (m is not { Success: true })
        {
            return false;
        }

        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year is < 1 or > 9998 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    static IsoWeek IParsable<IsoWeek>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>
    /// The form minimal-API binding calls for a route or query value: the canonical text only, upper-case W, as a week's
    /// folder and file names are written (the provider is not used).
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, IFormatProvider? provider, [MaybeNullWhen(false)] out IsoWeek week)
    {
        if (TryParse(text, out week) && text[5] == 'W')
        {
            return true;
        }

        week = null;
        return false;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Week:00}");

    [GeneratedRegex(@"^([0-9]{4})-[Ww]([0-9]{2})\z")]
    private static partial Regex Pattern();
}
