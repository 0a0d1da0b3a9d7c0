namespace Analytics.Reports.Documents;

/// <summary>
/// What the documents show and how long their lists run. Defaults are the documented ones (docs/reports.md); the
/// flag and score thresholds themselves are the analysis settings (model/), not repeated here.
/// </summary>
public sealed record ReportSettings
{
    /// <summary>Currency symbol printed before money.</summary>
    public string Currency { get; init; } = "¥";

    /// <summary>Months of history in the trend charts (13: the month and the same month a year before).</summary>
    public int TrendMonths { get; init; } = 13;

    /// <summary>Tenants listed as top and as bottom movers of the week.</summary>
    public int Movers { get; init; } = 5;

    /// <summary>Tenants whose week sales (this or last week) are below this do not rank as movers: a tiny base makes a huge percentage.</summary>
    public decimal MoverMinWeekSales { get; init; } = 5_000m;

    /// <summary>Rows at most in a weekly list (complaints, findings, arrears); the rest are counted in a note, so the brief stays within 4 pages.</summary>
    public int WeeklyListRows { get; init; } = 12;

    /// <summary>Arrears growth below this in a week is noise (a bill falling due and paid the next day), not listed.</summary>
    public decimal ArrearsGrowthMin { get; init; } = 1_000m;

    /// <summary>Tenants listed in the monthly arrears table (largest first).</summary>
    public int ArrearsListRows { get; init; } = 15;

    /// <summary>Months ahead in the lease expiry profile.</summary>
    public int ExpiryMonths { get; init; } = 12;

    /// <summary>Days-to-expiry cut-offs of the expiry list (90/60/30).</summary>
    public int[] ExpiryNoticeDays { get; init; } = [90, 60, 30];

    /// <summary>Suggestions at most on a merchant sheet.</summary>
    public int MerchantSuggestions { get; init; } = 3;

    /// <summary>Pillar score under which a merchant sheet suggests working on that pillar.</summary>
    public double WeakPillarScore { get; init; } = 60;

    public static ReportSettings Default { get; } = new();
}
