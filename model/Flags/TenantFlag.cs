using Analytics.Model.Scoring;

namespace Analytics.Model.Flags;

/// <summary>
/// The flag codes other code names (tests, drop shapes, the backtest); <see cref="All"/> is every rule's code in
/// <see cref="FlagRules.All"/> order, so a new flag needs no constant here.
/// </summary>
public static class FlagCodes
{
    public const string Replace = "replace";
    public const string RentRelief = "rent_relief";
    public const string RentReviewUp = "rent_review_up";
    public const string ImprovementPlan = "improvement_plan";
    public const string SalesAudit = "sales_audit";
    public const string Watch = "watch";

    public static readonly string[] All = FlagRules.All.Select(r => r.Code).ToArray();
}

public enum Priority
{
    High = 1,
    Medium = 2,
    Low = 3,
}

/// <summary>One flag on one tenant: its code, priority, the figure it is ranked by, reasons as data and the evidence.</summary>
public sealed record TenantFlag(TenantScore Score, string Code, Priority Priority, double RankValue, IReadOnlyList<Reason> Reasons)
{
    /// <summary>replace only: yearly sales a tenant at the unit's expected level would add.</summary>
    public double? Opportunity { get; init; }

    /// <summary>replace only: arrears plus up to 12 months of occupancy cost until expiry.</summary>
    public double? RentAtRisk { get; init; }

    /// <summary>The rule's conditions with how strongly each holds (0 at its edge, 1 well inside its margin).</summary>
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    public string ReasonsText(string language) => string.Join(" ", Reasons.Select(r => r.Render(language)));

    public static IReadOnlyList<string> Columns { get; } =
    [
        "mall_id", "tenant_id", "tenant_name", "flag", "priority", "reasons", "reasons_zh", "reason_codes",
        "score", "density_3m", "peer_median_density_3m", "peer_ratio", "months_under_peers", "expected_density_3m", "expected_ratio",
        "arrears", "arrears_days", "late_share_12m", "ocr_ttm", "ocr_band_high", "base_rent_psm", "floor_peer_base_rent_psm",
        "complaints_3m", "violations_3m", "sales_change", "receipts_change", "ticket_z", "risk",
        "months_open", "months_to_expiry", "lease_end", "opportunity", "rent_at_risk", "evidence",
    ];

    public object?[] Values(Analysis.AnalysisSettings settings)
    {
        var f = Score.Frame;
        var m = f.Metrics;
        return
        [
            m.MallId, m.TenantId, m.TenantName, Code, Priority.ToString().ToLowerInvariant(), ReasonsText("en"), ReasonsText("zh"),
            string.Join(";", Reasons.Select(r => r.Code)),
            Score.Total, f.Density3m, f.Density3mPeerMedian, f.DensityRatio3m, f.MonthsUnder, Score.ExpectedDensity3m, Score.ExpectedRatio,
            m.Arrears, m.ArrearsDays, m.LateShare12m, m.OcrTtm, settings.BandOf(m.Category).High, f.BaseRentPsm, f.FloorRentPsmPeerMedian,
            f.Complaints3m, f.Violations3m, f.SalesChange, f.ReceiptsChange, f.TicketZ, Score.Risk,
            m.MonthsOpen, m.MonthsToExpiry, m.LeaseEnd, Opportunity, RentAtRisk, Condition.Describe(Conditions),
        ];
    }
}
