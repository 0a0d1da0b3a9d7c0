using Analytics.Model.Analysis;
using Analytics.Model.Scoring;

namespace Analytics.Model.Flags;

/// <summary>A tenant that under-performs its peers and its unit persistently, with arrears or rising complaints: a candidate to replace at re-letting. docs/analysis.md, "Flags", row <c>replace</c>.</summary>
internal sealed class ReplaceRule : FlagRule
{
    public override string Code => FlagCodes.Replace;

    public override (string En, string Zh) Name => ("Replacement candidate", "建议更替");

    public override (string En, string Zh) ListTitle => ("Replacement shortlist", "建议更替名单");

    public override (string En, string Zh)? BriefCount => ("{0} replacement candidates", "建议更替 {0} 家");

    public override IReadOnlyDictionary<string, (string En, string Zh)> Reasons { get; } = new Dictionary<string, (string En, string Zh)>(StringComparer.Ordinal)
    {
        ["under_peers"] = (
            "Sales density over the last 3 months is {density:n0} per m², {ratio:pct0} of the peer median of {peer:n0}; it was below {threshold:pct0} of peers in {months:n0} of the last {window:n0} months.",
            "近3个月坪效 {density:n0} 元/㎡，为同业态同行中位数 {peer:n0} 的 {ratio:pct0}；近 {window:n0} 个月中有 {months:n0} 个月低于同行的 {threshold:pct0}。"),
        ["under_expected"] = (
            "Sales are {ratio:pct0} of what this unit is expected to achieve ({expected:n0} per m² a month).",
            "销售仅为该铺位预期水平（每月 {expected:n0} 元/㎡）的 {ratio:pct0}。"),
        ["arrears"] = (
            "{arrears:money} is unpaid; the oldest bill is {days:n0} days overdue.",
            "欠缴 {arrears:money} 元，最早一笔已逾期 {days:n0} 天。"),
        ["complaints_rising"] = (
            "{count:n0} complaints in the last 3 months, {factor:n1} times its own earlier monthly rate.",
            "近3个月投诉 {count:n0} 宗，为其以往月均水平的 {factor:n1} 倍。"),
        ["relet_opportunity"] = (
            "Re-letting at the expected level would add about {gain:money} of sales a year; {rent:money} of rent is at risk.",
            "若按预期水平重新招商，每年可增加约 {gain:money} 元销售额；面临风险的租金为 {rent:money} 元。"),
    };

    internal override TenantFlag? Evaluate(TenantScore s, AnalysisSettings settings, FlagContext context)
    {
        var c = settings.Flags;
        var f = s.Frame;
        var m = f.Metrics;
        // A tenant ramping up is never a replace candidate: months open is a gate, not evidence to be outweighed.
        if (m.MonthsOpen < c.ReplaceMinMonthsOpen || f.DensityRatio3m is not { } ratio)
        {
            return null;
        }

        var conditions = new List<Condition>
        {
            new("under_peers", ratio, c.ReplacePeerRatio, c.ReplacePeerRatio - 0.15),
            new("persistently_under", f.MonthsUnder, c.ReplacePersistMonths, c.ReplaceWindowMonths),
        };
        // Without an expected-performance model the peer test stands alone (the model card says why).
        if (s.ExpectedRatio is { } er)
        {
            conditions.Add(new Condition("under_expected", er, c.ReplaceExpectedRatio, c.ReplaceExpectedRatio - 0.2));
        }

        var priorRate = f.ComplaintsPriorAvg ?? 0;
        var recentRate = f.Complaints3m / 3.0;
        var risingFactor = f.PriorMonths >= 3 && f.Complaints3m >= c.ReplaceMinComplaints ? recentRate / Math.Max(priorRate, 1.0 / 3) : 0;
        var arrears = new Condition("arrears", m.ArrearsDays, c.ReplaceArrearsDays, 2 * c.ReplaceArrearsDays);
        var rising = new Condition("complaints_rising", risingFactor, c.ReplaceComplaintsRising, 2 * c.ReplaceComplaintsRising);
        conditions.Add(Condition.Either(arrears, rising));
        if (!All([.. conditions]))
        {
            return null;
        }

        var reasons = new List<Reason>
        {
            Reason.Of("under_peers", ("density", f.Density3m ?? 0), ("ratio", ratio), ("peer", f.Density3mPeerMedian ?? 0),
                ("threshold", c.ReplacePeerRatio), ("months", f.MonthsUnder), ("window", c.ReplaceWindowMonths)),
        };
        if (s.ExpectedRatio is { } e)
        {
            reasons.Add(Reason.Of("under_expected", ("ratio", e), ("expected", s.ExpectedDensity3m ?? 0)));
        }

        if (arrears.Holds)
        {
            reasons.Add(Reason.Of("arrears", ("arrears", m.Arrears), ("days", m.ArrearsDays)));
        }

        if (rising.Holds)
        {
            reasons.Add(Reason.Of("complaints_rising", ("count", f.Complaints3m), ("factor", risingFactor)));
        }

        var area = (double)(m.AreaSqm ?? 0);
        var target = s.ExpectedDensity3m ?? f.Density3mPeerMedian ?? 0;
        var gain = Math.Max(0, (target - (f.Density3m ?? 0)) * area * 12);
        var rentAtRisk = (double)m.Arrears + (double)(m.OccupancyCost ?? m.BaseRent) * Math.Min(m.MonthsToExpiry, 12);
        reasons.Add(Reason.Of("lease_expiry", ("date", m.LeaseEnd), ("months", m.MonthsToExpiry)));
        reasons.Add(Reason.Of("relet_opportunity", ("gain", gain), ("rent", rentAtRisk)));
        var priority = m.MonthsToExpiry <= c.ReplaceSoonMonths ? Priority.High : m.MonthsToExpiry <= 2 * c.ReplaceSoonMonths ? Priority.Medium : Priority.Low;
        return new TenantFlag(s, Code, priority, gain + rentAtRisk, reasons) { Opportunity = gain, RentAtRisk = rentAtRisk, Conditions = conditions };
    }
}
