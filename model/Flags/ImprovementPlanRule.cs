using Analytics.Model.Analysis;
using Analytics.Model.Scoring;

namespace Analytics.Model.Flags;

/// <summary>Sales hold but complaints or patrol findings rose well above its own earlier rate and its peers' rate. docs/analysis.md, "Flags", row <c>improvement_plan</c>.</summary>
internal sealed class ImprovementPlanRule : FlagRule
{
    public override string Code => FlagCodes.ImprovementPlan;

    public override (string En, string Zh) Name => ("Improvement plan", "整改计划");

    public override (string En, string Zh) ListTitle => ("Improvement plans", "建议整改计划");

    public override (string En, string Zh)? BriefCount => ("{0} improvement plans", "整改计划 {0} 家");

    public override IReadOnlyDictionary<string, (string En, string Zh)> Reasons { get; } = new Dictionary<string, (string En, string Zh)>(StringComparer.Ordinal)
    {
        ["complaints_up"] = (
            "{count:n0} complaints in the last 3 months: {own:n1} times its own earlier rate and {peers:n1} times the peer median.",
            "近3个月投诉 {count:n0} 宗，为自身以往水平的 {own:n1} 倍、同行中位数的 {peers:n1} 倍。"),
        ["violations_up"] = (
            "{count:n0} patrol findings in the last 3 months: {own:n1} times its own earlier rate and {peers:n1} times the peer median.",
            "近3个月巡场问题 {count:n0} 项，为自身以往水平的 {own:n1} 倍、同行中位数的 {peers:n1} 倍。"),
        ["sales_hold"] = (
            "Sales hold: they moved {change:pct0} against the category's own movement.",
            "销售保持稳定：相对同业态整体走势变动 {change:pct0}。"),
    };

    internal override TenantFlag? Evaluate(TenantScore s, AnalysisSettings settings, FlagContext context)
    {
        var c = settings.Flags;
        var f = s.Frame;
        // Sales hold: the tenant's own sales keep pace with its category (a falling shop is a replace or watch case).
        var movement = f.RelMomentum ?? f.RelYoy;
        if (f.PriorMonths < 3 || movement is not { } mv || f.MonthsUnder >= c.ReplacePersistMonths)
        {
            return null;
        }

        var salesHold = new Condition("sales_hold", mv, c.ImprovementMinSalesMovement, 0);
        var reasons = new List<Reason>();
        var conditions = new List<Condition> { salesHold };
        // Complaints per 10,000 receipts where the till reports receipts: a shop serving twice the customers may
        // draw twice the complaints without serving anyone worse. Raw counts only where receipts are unknown.
        var complaints = f is { Receipts3m: > 0, ReceiptsPrior: > 0, ComplaintsPer10k3mPeerMedian: not null }
            ? WellAbove(f.Complaints3m, f.ComplaintsPrior / f.ReceiptsPrior.Value * f.Receipts3m.Value,
                f.ComplaintsPer10k3mPeerMedian.Value / 10000 * f.Receipts3m.Value, c)
            : WellAbove(f.Complaints3m, f.ComplaintsPriorAvg * 3, f.Complaints3mPeerMedian, c);
        if (complaints is { } cx)
        {
            reasons.Add(Reason.Of("complaints_up", ("count", f.Complaints3m), ("own", cx.Own.Value), ("peers", cx.Peers.Value)));
            conditions.Add(cx.Own);
            conditions.Add(cx.Peers);
        }

        var violations = WellAbove(f.Violations3m, f.ViolationsPriorAvg * 3, f.Violations3mPeerMedian, c);
        if (violations is { } vx)
        {
            reasons.Add(Reason.Of("violations_up", ("count", f.Violations3m), ("own", vx.Own.Value), ("peers", vx.Peers.Value)));
            conditions.Add(vx.Own with { Name = "findings_over_own" });
            conditions.Add(vx.Peers with { Name = "findings_over_peers" });
        }

        if (reasons.Count == 0 || !salesHold.Holds)
        {
            return null;
        }

        reasons.Add(Reason.Of("sales_hold", ("change", mv)));
        return new TenantFlag(s, Code, reasons.Count > 2 ? Priority.High : Priority.Medium,
            (complaints?.Own.Value ?? 0) + (violations?.Own.Value ?? 0), reasons) { Conditions = conditions };
    }

    /// <summary>
    /// A 3-month count well above what the tenant's own earlier rate and its peers' rate would give over the same
    /// 3 months (factors as multiples), or null when either does not hold.
    /// </summary>
    private static (Condition Own, Condition Peers)? WellAbove(long count3m, double? expectedAtOwnRate, double? expectedAtPeerRate, FlagSettings c)
    {
        if (count3m < c.ImprovementMinCount || expectedAtOwnRate is not { } prior)
        {
            return null;
        }

        // A floor of one event per 3 months keeps a clean record from turning any single event into "infinitely more".
        var own = new Condition("over_own", count3m / Math.Max(prior, 1), c.ImprovementOwnFactor, 1.5 * c.ImprovementOwnFactor);
        var peers = new Condition("over_peers", count3m / Math.Max(expectedAtPeerRate ?? 0, 1), c.ImprovementPeerFactor, 1.5 * c.ImprovementPeerFactor);
        return own.Holds && (expectedAtPeerRate is null || peers.Holds) ? (own, peers) : null;
    }
}
