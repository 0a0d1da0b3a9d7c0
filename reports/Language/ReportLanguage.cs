using System.Globalization;
using Analytics.Ingest;

namespace Analytics.Reports.Language;

/// <summary>
/// The language a report is written in: its labels and how it writes numbers, money, percentages and dates.
/// Formats are spelled out here with the invariant culture (the process runs with invariant globalization), so
/// a report reads the same on every machine. Money is written the same way in both languages, with the
/// currency symbol first and thousands separators: ¥1,234,567 (the symbol is part of the report settings).
/// </summary>
public sealed class ReportLanguage
{
    public static readonly ReportLanguage English = new("en");
    public static readonly ReportLanguage Chinese = new("zh");

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private ReportLanguage(string code) => Code = code;

    /// <summary>"en" or "zh", as written in configuration.</summary>
    public string Code { get; }

    public bool IsChinese => Code == "zh";

    public static ReportLanguage Parse(string code) => code.Trim().ToLowerInvariant() switch
    {
        "en" => English,
        "zh" => Chinese,
        _ => throw new UserError($"The report language '{code}' is not known: use en or zh."),
    };

    /// <summary>The label for a key from <see cref="Labels"/>; an unknown key is a programming error.</summary>
    public string Label(string key) => Labels.Lookup(key, this);

    /// <summary>A label with placeholders ({0}, {1}) filled in.</summary>
    public string Label(string key, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, Labels.Lookup(key, this), args);

    /// <summary>
    /// A text that model/ carries in both languages with the rule it belongs to (a flag's list title and count phrase),
    /// in this language.
    /// </summary>
    public string Pick((string En, string Zh) text) => IsChinese ? text.Zh : text.En;

    /// <summary>Money rounded to whole units (half away from zero), e.g. ¥1,234,567 or -¥2,500.</summary>
    public string Money(decimal amount, string currencySymbol = "¥", int decimals = 0)
    {
        var rounded = Math.Round(amount, decimals, MidpointRounding.AwayFromZero);
        var digits = Math.Abs(rounded).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return (rounded < 0 ? "-" : "") + currencySymbol + digits;
    }

    /// <summary>
    /// Money short enough for a KPI tile: up to ten million in full, above it in millions (¥119.4m) or, in Chinese, in
    /// 万 (¥11,941万), the unit Chinese finance teams read.
    /// </summary>
    public string BigMoney(decimal amount, string currencySymbol)
    {
        if (Math.Abs(amount) < 10_000_000m)
            return Money(amount, currencySymbol);
        return IsChinese
            ? Money(amount / 10_000m, currencySymbol) + "万"
            : Money(amount / 1_000_000m, currencySymbol, decimals: 1) + "m";
    }

    /// <summary>A count or measure with thousands separators, e.g. 12,480 or 3.5.</summary>
    public string Number(decimal value, int decimals = 0) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero)
            .ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public string Number(double value, int decimals = 0) => Number((decimal)value, decimals);

    public string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A ratio as a percentage: 0.1234 is 12.3%.</summary>
    public string Percent(double ratio, int decimals = 1)
    {
        var value = Math.Round(ratio * 100, decimals, MidpointRounding.AwayFromZero);
        if (value == 0)
            value = 0; // a tiny negative ratio rounds to -0, which would print as "-0.0%"
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>A change as a signed percentage: +4.5%, -2.0%, 0.0%.</summary>
    public string SignedPercent(double ratio, int decimals = 1)
    {
        var text = Percent(ratio, decimals);
        var isZero = Math.Round(ratio * 100, decimals, MidpointRounding.AwayFromZero) == 0;
        return isZero || text.StartsWith('-') ? text : "+" + text;
    }

    /// <summary>27 Nov 2026 / 2026年11月27日.</summary>
    public string Date(DateOnly date) => IsChinese
        ? string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日")
        : string.Create(CultureInfo.InvariantCulture, $"{date.Day} {MonthNames[date.Month - 1][..3]} {date.Year}");

    /// <summary>November 2026 / 2026年11月.</summary>
    public string Month(int year, int month) => IsChinese
        ? string.Create(CultureInfo.InvariantCulture, $"{year}年{month}月")
        : string.Create(CultureInfo.InvariantCulture, $"{MonthNames[month - 1]} {year}");

    /// <summary>A month as a short chart label: Oct / 10月, with a two-digit year when asked (Jan 26 / 26年1月).</summary>
    public string MonthTick(DateOnly month, bool withYear)
    {
        var yy = (month.Year % 100).ToString("00", CultureInfo.InvariantCulture);
        var name = MonthNames[month.Month - 1][..3];
        if (IsChinese)
            return withYear ? string.Create(CultureInfo.InvariantCulture, $"{yy}年{month.Month}月") : string.Create(CultureInfo.InvariantCulture, $"{month.Month}月");
        return withYear ? $"{name} {yy}" : name;
    }

    /// <summary>A section's number as a heading writes it: 6 / 六 (1 to 99).</summary>
    public string SectionNumber(int number)
    {
        if (!IsChinese)
            return number.ToString(CultureInfo.InvariantCulture);
        const string Digits = "零一二三四五六七八九";
        if (number is < 1 or > 99)
            throw new ArgumentOutOfRangeException(nameof(number), number, "A brief has 1 to 99 sections.");
        var tens = number / 10;
        var units = number % 10;
        return (tens switch { 0 => "", 1 => "十", _ => Digits[tens] + "十" }) + (units == 0 ? "" : Digits[units].ToString());
    }

    /// <summary>Page 2 of 5 / 第 2 页，共 5 页.</summary>
    public string PageOf(int number, int total) => Label("page_of", number, total);

    public override string ToString() => Code;
}
