using Analytics.Model.Analysis;
using Analytics.Model.Scoring;

namespace Analytics.Model.Flags;

/// <summary>A sustained top performer paying well under its floor near the end of its lease: a case for a higher rent at renewal. docs/analysis.md, "Flags", row <c>rent_review_up</c>.</summary>
internal sealed class RentReviewUpRule : FlagRule
{
    public override string Code => FlagCodes.RentReviewUp;

    public override (string En, string Zh) Name => ("Rent review up", "租金上调评估");

    public override (string En, string Zh) ListTitle => ("Rent to review upwards", "建议评估租金上调");

    public override (string En, string Zh)? BriefCount => ("{0} for a rent review up", "租金上调评估 {0} 家");

    public override IReadOnlyDictionary<string, (string En, string Zh)> Reasons { get; } = new Dictionary<string, (string En, string Zh)>(StringComparer.Ordinal)
    {
        ["top_performer"] = (
            "Sales density is {ratio:pct0} of the peer median, among the best of its category.",
            "坪效为同行中位数的 {ratio:pct0}，位居该业态前列。"),
        ["rent_below_floor"] = (
            "It pays {rent:n1} per m² a month, {ratio:pct0} of the median of {peer:n1} on its floor.",
            "每月租金 {rent:n1} 元/㎡，为同楼层中位数 {peer:n1} 的 {ratio:pct0}。"),
    };

    internal override TenantFlag? Evaluate(TenantScore s, AnalysisSettings settings, FlagContext context)
    {
        var c = settings.Flags;
        var f = s.Frame;
        var m = f.Metrics;
        if (f.DensityRatio3m is not { } ratio || f.BaseRentPsm is not { } rent || f.FloorRentPsmPeerMedian is not { } peer || peer <= 0)
        {
            return null;
        }

        // A top performer: well above the peer median and in the category's top quartile now, and above its peers
        // over 12 months too (three good months are not a case for a higher rent).
        var conditions = new List<Condition>
        {
            new("top_performer", ratio, c.ReviewUpMinPeerRatio, c.ReviewUpMinPeerRatio + 0.3),
            new("rent_below_floor", rent / peer, c.ReviewUpRentRatio, c.ReviewUpRentRatio - 0.2),
            new("expiry_near", m.MonthsToExpiry, c.ReviewUpExpiryMonths, c.ReviewUpExpiryMonths / 2.0),
        };
        if (f.Density3mPeerP75 is { } p75 && p75 > 0)
        {
            conditions.Add(new Condition("top_quartile", (f.Density3m ?? 0) / p75, 1.0, 1.2));
        }

        if (f.DensityTtmPeerMedian is { } ttmPeer && ttmPeer > 0 && m.SalesDensityTtm is { } ttm)
        {
            conditions.Add(new Condition("sustained", ttm / ttmPeer, c.ReviewUpMinTtmRatio, c.ReviewUpMinTtmRatio + 0.3));
        }

        if (!All([.. conditions]))
        {
            return null;
        }

        return new TenantFlag(s, Code, m.MonthsToExpiry <= 6 ? Priority.High : Priority.Medium, (peer - rent) * (double)(m.AreaSqm ?? 0),
        [
            Reason.Of("top_performer", ("ratio", ratio)),
            Reason.Of("rent_below_floor", ("rent", rent), ("ratio", rent / peer), ("peer", peer)),
            Reason.Of("lease_expiry", ("date", m.LeaseEnd), ("months", m.MonthsToExpiry)),
        ]) { Conditions = conditions };
    }
}
