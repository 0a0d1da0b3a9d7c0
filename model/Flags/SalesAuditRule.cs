using Analytics.Model.Analysis;
using Analytics.Model.Scoring;

namespace Analytics.Model.Flags;

/// <summary>Reported sales fell while receipts, peers and footfall held and the average ticket left its range: sales may be under-reported. docs/analysis.md, "Flags", row <c>sales_audit</c>.</summary>
internal sealed class SalesAuditRule : FlagRule
{
    public override string Code => FlagCodes.SalesAudit;

    public override (string En, string Zh) Name => ("Sales audit", "销售核查");

    public override (string En, string Zh) ListTitle => ("Sales audits", "建议销售核查");

    public override (string En, string Zh)? BriefCount => ("{0} sales audits", "销售核查 {0} 家");

    public override IReadOnlyDictionary<string, (string En, string Zh)> Reasons { get; } = new Dictionary<string, (string En, string Zh)>(StringComparer.Ordinal)
    {
        ["sales_drop"] = (
            "Reported sales fell {change:pct0} against the tenant's own previous 6 months, net of the market's movement.",
            "扣除市场整体变动后，申报销售额较其前6个月下降 {change:pct0}。"),
        ["receipts_hold"] = (
            "Receipts, net of the market, changed by only {change:pct0}.",
            "扣除市场变动后，交易笔数仅变动 {change:pct0}。"),
        ["peers_hold"] = (
            "Its category peers changed by {change:pct0}.",
            "同业态同行变动 {change:pct0}。"),
        ["footfall_hold"] = (
            "Mall footfall changed by {change:pct0}.",
            "商场客流变动 {change:pct0}。"),
        ["ticket_outlier"] = (
            "The average ticket is {z:n1} robust standard deviations from its own history.",
            "客单价偏离自身历史 {z:n1} 个稳健标准差。"),
    };

    internal override TenantFlag? Evaluate(TenantScore s, AnalysisSettings settings, FlagContext context)
    {
        var c = settings.Flags;
        var f = s.Frame;
        // Against its own previous months and net of the market (the category's peers, or without peers the mall):
        // reported sales fell, receipts did not, and the average ticket left its own robust range.
        var market = f.SalesChangePeerMedian ?? f.MallSalesChange ?? 0;
        if (f.SalesChange is not { } change || f.ReceiptsChange is not { } receipts || f.TicketZ is not { } z || market <= -1)
        {
            return null;
        }

        var salesVsMarket = (1 + change) / (1 + market) - 1;
        var receiptsVsMarket = (1 + receipts) / (1 + market) - 1;
        var conditions = new List<Condition>
        {
            new("sales_drop", salesVsMarket, c.AuditSalesDrop, c.AuditSalesDrop - 0.1),
            new("receipts_hold", receiptsVsMarket, c.AuditMaxReceiptsDrop, 0),
            new("ticket_outlier", z, c.AuditTicketZ, c.AuditTicketZ - 2),
        };
        if (f.FootfallChange is { } ff)
        {
            conditions.Add(new Condition("footfall_hold", ff, c.AuditMaxFootfallDrop, 0));
        }

        if (!All([.. conditions]))
        {
            return null;
        }

        var reasons = new List<Reason>
        {
            Reason.Of("sales_drop", ("change", -salesVsMarket)),
            Reason.Of("receipts_hold", ("change", receiptsVsMarket)),
            Reason.Of("peers_hold", ("change", market)),
        };
        if (f.FootfallChange is { } foot)
        {
            reasons.Add(Reason.Of("footfall_hold", ("change", foot)));
        }

        reasons.Add(Reason.Of("ticket_outlier", ("z", z)));
        return new TenantFlag(s, Code, Priority.High, -salesVsMarket, reasons) { Conditions = conditions };
    }
}
