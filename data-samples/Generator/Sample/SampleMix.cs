using System.Globalization;

namespace Analytics.SampleData.Sample;

/// <summary>
/// How many tenants of each planted situation the mall gets, and how hard the rent-relief story squeezes: the
/// default is the committed sample (its draws, and so its bytes, are unchanged); another mix makes a second mall
/// with other shares to try the flags on data they were not tuned on. Written as
/// <c>replace=8,rent_relief=8,relief_quality=0.95-1.05,busy=4</c>; a name left out keeps its default.
/// </summary>
public sealed record SampleMix
{
    public int Replace { get; init; } = 5;
    public int RentRelief { get; init; } = 4;
    public int RentReviewUp { get; init; } = 4;
    public int ImprovementPlan { get; init; } = 4;
    public int SalesAudit { get; init; } = 3;
    public int Watch { get; init; } = 3;

    /// <summary>
    /// Controls that serve many more customers than their peers and got busier still: complaints rise with the
    /// receipts, not per receipt (none in the committed sample).
    /// </summary>
    public int Busy { get; init; }

    /// <summary>Sales of a rent-relief tenant as a multiple of the category norm (the committed sample: 1.15-1.3).</summary>
    public double ReliefQualityLow { get; init; } = 1.15;
    public double ReliefQualityHigh { get; init; } = 1.3;

    public static SampleMix Default { get; } = new();

    public static SampleMix Parse(string? text)
    {
        var mix = new SampleMix();
        if (string.IsNullOrWhiteSpace(text))
        {
            return mix;
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"--mix: expected name=value, got '{part}'");
            }

            var name = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            mix = name switch
            {
                "replace" => mix with { Replace = Count(name, value) },
                "rent_relief" => mix with { RentRelief = Count(name, value) },
                "rent_review_up" => mix with { RentReviewUp = Count(name, value) },
                "improvement_plan" => mix with { ImprovementPlan = Count(name, value) },
                "sales_audit" => mix with { SalesAudit = Count(name, value) },
                "watch" => mix with { Watch = Count(name, value) },
                "busy" => mix with { Busy = Count(name, value) },
                "relief_quality" => Range(mix, value),
                _ => throw new ArgumentException($"--mix: unknown name '{name}' (replace, rent_relief, rent_review_up, improvement_plan, sales_audit, watch, busy, relief_quality)"),
            };
        }

        return mix;
    }

    private static int Count(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 12
            ? n
            : throw new ArgumentException($"--mix: {name} takes a whole number from 0 to 12, not '{value}'");

    private static SampleMix Range(SampleMix mix, string value)
    {
        var parts = value.Split('-');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
            && low > 0.5 && low <= high && high < 2)
        {
            return mix with { ReliefQualityLow = low, ReliefQualityHigh = high };
        }

        throw new ArgumentException($"--mix: relief_quality takes LOW-HIGH between 0.5 and 2 (e.g. 0.95-1.05), not '{value}'");
    }

    /// <summary><paramref name="n"/> category specs: the default list, repeated as far as needed.</summary>
    internal static string[] Specs(int n, params string[] defaults) =>
        Enumerable.Range(0, n).Select(i => defaults[i % defaults.Length]).ToArray();
}
