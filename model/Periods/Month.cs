using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Analytics.Ingest;

namespace Analytics.Model.Periods;

/// <summary>
/// A calendar month, the period every figure, brief and sheet is computed for. Parsed once where a user types it (the
/// command line, a route or query) and passed typed from there: a month cannot be mid-month, so nothing downstream
/// normalises it again. Its text is YYYY-MM.
/// </summary>
public readonly record struct Month : IComparable<Month>, ISpanFormattable, IParsable<Month>
{
    public Month(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 12);
        Year = year;
        Number = number;
    }

    public int Year { get; }

    /// <summary>1 (January) to 12.</summary>
    public int Number { get; }

    public DateOnly First => new(Year, Number, 1);

    /// <summary>The as-of day D of a month: its last day.</summary>
    public DateOnly Last => new(Year, Number, DateTime.DaysInMonth(Year, Number));

    /// <summary>The month a day falls in.</summary>
    public static Month Of(DateOnly day) => new(day.Year, day.Month);

    public Month AddMonths(int months) => Of(First.AddMonths(months));

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Number;

    public int CompareTo(Month other) => Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public static bool operator <(Month left, Month right) => left.CompareTo(right) < 0;

    public static bool operator >(Month left, Month right) => left.CompareTo(right) > 0;

    public static bool operator <=(Month left, Month right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Month left, Month right) => left.CompareTo(right) >= 0;

    /// <summary>A month typed on the command line (spaces around are forgiven).</summary>
    public static Month Parse(string text) =>
        TryParse(text.Trim(), out var month) ? month : throw new UserError($"The period '{Printable.Of(text)}' is not a month in the form YYYY-MM.");

    static Month IParsable<Month>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>
    /// Exactly YYYY-MM in ASCII digits, year 0001 to 9999, nothing before or after: the one check for a period in a
    /// route or a query (a regex's \d takes Arabic-Indic digits and its $ a trailing line break).
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Month month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-' || text.AsSpan(0, 4).IndexOfAnyExceptInRange('0', '9') >= 0
            || text.AsSpan(5).IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        var year = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        var number = int.Parse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture);
        if (year is < 1 or > 9999 || number is < 1 or > 12)
        {
            return false;
        }

        month = new Month(year, number);
        return true;
    }

    /// <summary>The form minimal-API binding calls for a route or query value (the provider is not used: YYYY-MM is invariant).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, IFormatProvider? provider, out Month month) => TryParse(text, out month);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Number:00}");

    /// <summary>Only the one form, YYYY-MM: a format meant for a day (yyyy-MM-dd) is a mistake, not a request.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => string.IsNullOrEmpty(format) || format == "yyyy-MM"
        ? ToString()
        : throw new FormatException($"A month is written YYYY-MM only, not '{format}'.");

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (!format.IsEmpty && !format.SequenceEqual("yyyy-MM"))
        {
            throw new FormatException($"A month is written YYYY-MM only, not '{format}'.");
        }

        return destination.TryWrite(CultureInfo.InvariantCulture, $"{Year:0000}-{Number:00}", out charsWritten);
    }
}
