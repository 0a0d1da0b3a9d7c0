using Analytics.Model.Analysis;
using Analytics.Model.Frame;

namespace Analytics.Model.Scoring;

/// <summary>
/// The tenant score 0–100: six pillars, each a raw figure mapped linearly between the value that scores 0 and the
/// value that scores 100 (settings), then a weighted mean over the pillars the tenant has data for.
/// </summary>
internal static class TenantScorer
{
    public static IReadOnlyList<TenantScore> Score(
        IReadOnlyList<TenantFrame> frames, IReadOnlyDictionary<string, double> expected3m, IReadOnlyDictionary<string, double> risk, AnalysisSettings settings,
        DataAvailability? availability = null)
    {
        var s = settings.Score;
        var scores = new List<TenantScore>(frames.Count);
        foreach (var f in frames)
        {
            var m = f.Metrics;
            double? expected = expected3m.TryGetValue(f.Key, out var e) ? e : null;
            double? expectedRatio = expected is > 0 && f.Density3m is { } d3 ? d3 / expected.Value : null;

            var productivity = Mean(Band(f.DensityRatio3m, s.ProductivityWorst, s.ProductivityBest), Band(expectedRatio, s.ProductivityWorst, s.ProductivityBest));
            var trend = Mean(Band(f.RelYoy, s.TrendWorst, s.TrendBest), Band(f.RelMomentum, s.TrendWorst, s.TrendBest));
            var band = settings.BandOf(m.Category);
            var affordability = m.OcrTtm is { } ocr ? Band(ocr, band.High * s.OcrZeroAtMultipleOfHigh, band.High) : null;
            // A dataset the mall never sent is no data, not a clean record: without rent bills, complaints or patrol
            // findings every tenant would score 100 on that pillar, so the pillar is left out and the weights re-spread.
            var payment = availability is { Rent: false } ? null : Mean(Band(m.ArrearsDays, s.ArrearsDaysWorst, 0), Band(m.LateShare12m, s.LateShareWorst, 0));
            var customer = availability is { Complaints: false } ? null : Band(f.ComplaintRate3m, s.ComplaintRateWorst, 0);
            var compliance = availability is { Inspections: false } ? null : Band(f.Violations3m, s.ViolationsWorst, 0);

            var pillars = new List<PillarScore>
            {
                new("productivity", productivity, f.Density3m, f.Density3mPeerMedian, s.WeightProductivity),
                new("trend", trend, m.Yoy ?? f.Momentum, m.Yoy is null ? f.MomentumPeerMedian : f.YoyPeerMedian, s.WeightTrend),
                new("affordability", affordability, m.OcrTtm, f.OcrTtmPeerMedian, s.WeightAffordability),
                new("payment", payment, m.LateShare12m, f.LateSharePeerMedian, s.WeightPayment),
                new("customer", customer, f.ComplaintRate3m, f.ComplaintRate3mPeerMedian, s.WeightCustomer),
                new("compliance", compliance, f.Violations3m, f.Violations3mPeerMedian, s.WeightCompliance),
            };
            var weighted = pillars.Where(p => p.Score is not null).ToList();
            var weight = weighted.Sum(p => p.Weight);
            double? total = weight > 0 ? Math.Round(weighted.Sum(p => p.Score!.Value * p.Weight) / weight, 1) : null;
            scores.Add(new TenantScore(f, total, pillars, expected, expectedRatio, risk.TryGetValue(f.Key, out var r) ? r : null));
        }

        return scores;
    }

    /// <summary>0 at <paramref name="worst"/>, 100 at <paramref name="best"/>, linear between, clamped; works in either direction.</summary>
    internal static double? Band(double? value, double worst, double best)
    {
        if (value is not { } v || !double.IsFinite(v) || worst == best)
        {
            return null;
        }

        var t = (v - worst) / (best - worst);
        return Math.Round(100 * Math.Clamp(t, 0, 1), 1);
    }

    private static double? Mean(params double?[] values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return known.Count == 0 ? null : Math.Round(known.Average(), 1);
    }
}

/// <summary>One pillar of a tenant's score: its 0–100 score, the raw figure it rests on and the peers' median of that figure.</summary>
public sealed record PillarScore(string Name, double? Score, double? Raw, double? PeerMedian, double Weight);

/// <summary>A tenant's score for the month: the total and its pillars, plus the model outputs that fed it.</summary>
public sealed record TenantScore(TenantFrame Frame, double? Total, IReadOnlyList<PillarScore> Pillars, double? ExpectedDensity3m, double? ExpectedRatio, double? Risk)
{
    public static IReadOnlyList<string> PillarNames { get; } = ["productivity", "trend", "affordability", "payment", "customer", "compliance"];

    public static IReadOnlyList<string> Columns { get; } =
    [
        "mall_id", "tenant_id", "tenant_name", "category", "total",
        .. PillarNames.SelectMany(p => new[] { p + "_score", p + "_raw", p + "_peer_median" }),
        "expected_density_3m", "expected_ratio", "risk",
    ];

    public object?[] Values() =>
    [
        Frame.Metrics.MallId, Frame.Metrics.TenantId, Frame.Metrics.TenantName, Frame.Metrics.Category, Total,
        .. Pillars.SelectMany(p => new object?[] { p.Score, p.Raw, p.PeerMedian }),
        ExpectedDensity3m, ExpectedRatio, Risk,
    ];
}
