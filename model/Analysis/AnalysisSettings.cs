using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Ingest;

namespace Analytics.Model.Analysis;

/// <summary>
/// Every threshold, weight, band and benchmark of the analysis, with documented defaults (docs/analysis.md
/// explains each and cites where the default comes from). A JSON file may override any subset.
/// </summary>
public sealed record AnalysisSettings
{
    /// <summary>A benchmark shown to a merchant needs at least this many peers besides the merchant (metrics.md).</summary>
    public int MinPeers { get; init; } = 3;

    /// <summary>Months of history read for trends, persistence and model training (the month analysed included).</summary>
    public int HistoryMonths { get; init; } = 36;

    /// <summary>Healthy occupancy-cost-ratio band per tenant category (lower case); see docs/analysis.md for sources.</summary>
    public Dictionary<string, OcrBand> OcrBands { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["f&b"] = new(0.10, 0.15),
        ["fashion"] = new(0.12, 0.18),
        ["jewelry"] = new(0.06, 0.10),
        ["supermarket"] = new(0.03, 0.06),
        ["entertainment"] = new(0.10, 0.15),
        ["kids"] = new(0.10, 0.15),
        ["beauty"] = new(0.10, 0.15),
        ["services"] = new(0.08, 0.14),
        ["electronics"] = new(0.04, 0.08),
        ["sports"] = new(0.08, 0.13),
        ["home"] = new(0.08, 0.12),
    };

    /// <summary>The band of a category the table above does not name.</summary>
    public OcrBand DefaultOcrBand { get; init; } = new(0.08, 0.15);

    public ScoreSettings Score { get; init; } = new();
    public FlagSettings Flags { get; init; } = new();
    public ModelSettings Models { get; init; } = new();
    public Requests.RequestSettings Requests { get; init; } = new();
    public Credit.CreditSettings Credit { get; init; } = new();
    public Contest.ContestSettings Contest { get; init; } = new();

    public OcrBand BandOf(string category) =>
        OcrBands.TryGetValue(category.Trim(), out var band) ? band : DefaultOcrBand;

    public static AnalysisSettings Default { get; } = new();

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>The defaults, overridden by the JSON file when one is given.</summary>
    public static AnalysisSettings Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return Default;
        }

        if (!File.Exists(path))
        {
            throw new UserError($"The settings file {path} does not exist.");
        }

        try
        {
            var loaded = JsonSerializer.Deserialize<AnalysisSettings>(File.ReadAllText(path), Json) ?? Default;
            return loaded with { OcrBands = new Dictionary<string, OcrBand>(loaded.OcrBands, StringComparer.OrdinalIgnoreCase) };
        }
        catch (JsonException ex)
        {
            throw new UserError($"The settings file {path} is not valid JSON for the analysis settings: {ex.Message}");
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>A healthy occupancy cost ratio range (0.12 = 12 % of net sales).</summary>
public sealed record OcrBand(double Low, double High);

/// <summary>Pillar weights (renormalised over the pillars a tenant has data for) and the raw values scoring 0 and 100.</summary>
public sealed record ScoreSettings
{
    public double WeightProductivity { get; init; } = 0.30;
    public double WeightTrend { get; init; } = 0.15;
    public double WeightAffordability { get; init; } = 0.15;
    public double WeightPayment { get; init; } = 0.20;
    public double WeightCustomer { get; init; } = 0.10;
    public double WeightCompliance { get; init; } = 0.10;

    /// <summary>Sales density over the peer median (and over the unit's expected density): 0.5 scores 0, 1.5 scores 100.</summary>
    public double ProductivityWorst { get; init; } = 0.5;
    public double ProductivityBest { get; init; } = 1.5;

    /// <summary>Growth relative to the category's own movement: −30 % scores 0, +30 % scores 100.</summary>
    public double TrendWorst { get; init; } = -0.30;
    public double TrendBest { get; init; } = 0.30;

    /// <summary>OCR at or under the band's top scores 100; at this multiple of the band's top it scores 0.</summary>
    public double OcrZeroAtMultipleOfHigh { get; init; } = 2.0;

    /// <summary>Days of the oldest unpaid bill scoring 0 (0 days scores 100).</summary>
    public double ArrearsDaysWorst { get; init; } = 90;

    /// <summary>Share of bills paid late in 12 months scoring 0.</summary>
    public double LateShareWorst { get; init; } = 0.5;

    /// <summary>Severity-weighted complaints per 10,000 receipts over 3 months scoring 0.</summary>
    public double ComplaintRateWorst { get; init; } = 20;

    /// <summary>Patrol findings over 3 months scoring 0.</summary>
    public double ViolationsWorst { get; init; } = 6;
}

/// <summary>Thresholds of the flag rules (docs/analysis.md, "Flags").</summary>
public sealed record FlagSettings
{
    public int ReplaceMinMonthsOpen { get; init; } = 6;
    public double ReplacePeerRatio { get; init; } = 0.75;
    public int ReplacePersistMonths { get; init; } = 4;
    public int ReplaceWindowMonths { get; init; } = 6;
    public double ReplaceExpectedRatio { get; init; } = 0.80;
    public int ReplaceArrearsDays { get; init; } = 30;
    public double ReplaceComplaintsRising { get; init; } = 1.5;
    public int ReplaceMinComplaints { get; init; } = 3;
    public int ReplaceSoonMonths { get; init; } = 12;

    /// <summary>Sales density at least this share of the peer median or of the unit's expected density ("at or near").</summary>
    public double ReliefMinPeerRatio { get; init; } = 0.90;
    public double ReliefMaxLateShare { get; init; } = 0.10;
    public int ReliefMaxArrearsDays { get; init; } = 15;
    public double ReliefOcrOverBand { get; init; } = 1.3;

    public double ReviewUpMinPeerRatio { get; init; } = 1.3;
    public double ReviewUpRentRatio { get; init; } = 0.75;

    /// <summary>12-month sales density at least this multiple of the peers' (sustained, not three good months).</summary>
    public double ReviewUpMinTtmRatio { get; init; } = 1.2;
    public int ReviewUpExpiryMonths { get; init; } = 12;

    public double ImprovementOwnFactor { get; init; } = 2.0;
    public double ImprovementPeerFactor { get; init; } = 2.0;
    public int ImprovementMinCount { get; init; } = 4;
    public double ImprovementMinSalesMovement { get; init; } = -0.10;

    public double AuditSalesDrop { get; init; } = -0.25;
    public double AuditMaxReceiptsDrop { get; init; } = -0.10;
    public double AuditMaxFootfallDrop { get; init; } = -0.10;
    public double AuditTicketZ { get; init; } = -3.0;
    public double AuditTicketMadFloor { get; init; } = 0.05;

    public double WatchMinRisk { get; init; } = 0.50;
    public int WatchRuleArrearsDays { get; init; } = 45;
    public double WatchRuleLateShare { get; init; } = 0.2;
    public int WatchRuleOverdueDays { get; init; } = 5;
    public double WatchRuleSalesSlip { get; init; } = -0.05;
}

/// <summary>Microsoft.ML settings: seeded, small, fast; and when the history is too thin to trust a model.</summary>
public sealed record ModelSettings
{
    public int Seed { get; init; } = 20240601;
    public int Folds { get; init; } = 3;
    public int Trees { get; init; } = 60;
    public int Leaves { get; init; } = 8;
    public int MinRowsPerLeaf { get; init; } = 50;
    public int MaxTrainingRows { get; init; } = 20_000;
    public int MinExpectedTrainingRows { get; init; } = 200;

    /// <summary>Pseudo-tenants at factor 1 each unit factor of the expected performance is pulled toward.</summary>
    public double ExpectedShrinkage { get; init; } = 5;

    /// <summary>The expected-performance estimate is used only when its MAE is at least this share below the category median's.</summary>
    public double ExpectedMinGain { get; init; } = 0.10;
    public int RiskHorizonMonths { get; init; } = 6;
    public int RiskValidationMonths { get; init; } = 6;
    public int ArrearsEpisodeDays { get; init; } = 60;
    public int RiskMinPositives { get; init; } = 15;
    public int RiskMinValidationPositives { get; init; } = 5;
    public double RiskMinAuc { get; init; } = 0.60;
}
