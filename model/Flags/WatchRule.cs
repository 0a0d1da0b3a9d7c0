using Analytics.Model.Analysis;
using Analytics.Model.Scoring;

namespace Analytics.Model.Flags;

/// <summary>A risk of an early exit or serious arrears (risk model or early-warning rules), raised only when no other flag explains the tenant. docs/analysis.md, "Flags", row <c>watch</c>.</summary>
internal sealed class WatchRule : FlagRule
{
    public override string Code => FlagCodes.Watch;

    public override (string En, string Zh) Name => ("Watch", "重点关注");

    public override (string En, string Zh) ListTitle => ("Watch list", "重点关注名单");

    public override (string En, string Zh)? BriefCount => null;

    public override bool OnlyWhenNoOther => true;

    public override IReadOnlyDictionary<string, (string En, string Zh)> Reasons { get; } = new Dictionary<string, (string En, string Zh)>(StringComparer.Ordinal)
    {
        ["risk_high"] = (
            "The risk model gives a {p:pct0} chance of leaving early or falling 60 days into arrears within 6 months (base rate {base:pct0}).",
            "风险模型预测其6个月内提前撤场或欠费超过60天的概率为 {p:pct0}（平均水平 {base:pct0}）。"),
        ["risk_rule_arrears"] = (
            "The oldest unpaid bill is {days:n0} days overdue (early-warning rule).",
            "最早一笔欠费已逾期 {days:n0} 天（预警规则）。"),
        ["risk_rule_late"] = (
            "Payments are slipping: {late:pct0} of bills were paid late in 12 months and a bill is {days:n0} days overdue now, while sales fell {slip:pct0} behind the category (early-warning rule).",
            "缴费出现恶化：近12个月 {late:pct0} 的账单逾期缴纳，目前有一笔已逾期 {days:n0} 天，同时销售落后同业态 {slip:pct0}（预警规则）。"),
    };

    internal override TenantFlag? Evaluate(TenantScore s, AnalysisSettings settings, FlagContext context)
    {
        var c = settings.Flags;
        var m = s.Frame.Metrics;
        var slipping = Math.Min(s.Frame.RelYoy ?? 0, s.Frame.RelMomentum ?? 0);
        if (context.RiskModelUsed && s.Risk is { } p)
        {
            var risk = new Condition("risk", p, c.WatchMinRisk, (1 + c.WatchMinRisk) / 2);
            // A probability that clearly holds (at its full point) stands alone. One only just over the threshold is a
            // knife edge that moves with any change to the training history: it needs a sign in the tenant's own record
            // (a bill overdue, a late payment in 12 months, or sales slipping against the category).
            var sign = m.ArrearsDays > 0 || (m.LateShare12m ?? 0) > 0 || slipping <= c.WatchRuleSalesSlip;
            if (risk.Holds && (risk.Strength >= 1 || sign))
            {
                return new TenantFlag(s, Code, risk.Strength >= 1 ? Priority.Medium : Priority.Low, p,
                    [Reason.Of("risk_high", ("p", p), ("base", context.RiskBaseRate))]) { Conditions = [risk] };
            }
        }

        // Early-warning rules, applied with or without a model (a model trained on past exits can miss a pattern
        // that has not ended in an exit yet): a long-unpaid bill, or payments slipping (late bills, one overdue now)
        // while sales slip against the category. A chronic late payer whose sales hold is not a new risk.
        var overdue = new Condition("long_overdue", m.ArrearsDays, c.WatchRuleArrearsDays, 2 * c.WatchRuleArrearsDays);
        if (overdue.Holds)
        {
            return new TenantFlag(s, Code, Priority.Medium, m.ArrearsDays, [Reason.Of("risk_rule_arrears", ("days", m.ArrearsDays))]) { Conditions = [overdue] };
        }

        if (m.LateShare12m is not { } late)
        {
            return null;
        }

        Condition[] conditions =
        [
            new("often_late", late, c.WatchRuleLateShare, 1.5 * c.WatchRuleLateShare),
            new("overdue_now", m.ArrearsDays, c.WatchRuleOverdueDays + 1, 3 * c.WatchRuleOverdueDays),
            new("sales_slipping", slipping, c.WatchRuleSalesSlip, 2 * c.WatchRuleSalesSlip),
        ];
        return All(conditions)
            ? new TenantFlag(s, Code, Priority.Low, late, [Reason.Of("risk_rule_late", ("late", late), ("days", m.ArrearsDays), ("slip", -slipping))]) { Conditions = conditions }
            : null;
    }
}
