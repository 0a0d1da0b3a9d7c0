using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>Arrears by age and the largest debtors.</summary>
internal sealed class ArrearsSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_arrears");

    public override void Compose(ContentBuilder content)
    {
        if (NoData(content, Data.Analysis.Availability.Rent, "data_rent"))
            return;
        var rows = Data.Current;
        var buckets = new (string En, string Zh, decimal Amount)[]
        {
            ("1–30 days", "1–30天", rows.Sum(r => r.Aging1To30)),
            ("31–60 days", "31–60天", rows.Sum(r => r.Aging31To60)),
            ("61–90 days", "61–90天", rows.Sum(r => r.Aging61To90)),
            ("Over 90 days", "90天以上", rows.Sum(r => r.AgingOver90)),
        };
        var total = Arrears(rows);
        var aged = buckets.Sum(b => b.Amount);
        content.Paragraph(T(
            $"Arrears on {Language.Date(Data.AsOf)}: {Money(total)} owed by {rows.Count(r => r.Arrears > 0)} tenants. Bills due on that day are owed but not yet overdue ({Money(total - aged)}), so they are in no bucket.",
            $"截至 {Language.Date(Data.AsOf)} 欠费合计 {Money(total)}，涉及 {rows.Count(r => r.Arrears > 0)} 家商户。当日到期的账单计入欠费但尚未逾期（{Money(total - aged)}），不计入任何账龄段。"));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(T("Days overdue", "逾期天数"), 1.5f))
                .Column(TableColumn.Number(T("Amount", "金额"), 1.5f))
                .Column(TableColumn.Number(T("Share of overdue", "占逾期比例"), 1.2f))
                .Column(TableColumn.Number(T("Tenants", "商户数"), 1f));
            var counts = new[]
            {
                rows.Count(r => r.Aging1To30 > 0), rows.Count(r => r.Aging31To60 > 0), rows.Count(r => r.Aging61To90 > 0), rows.Count(r => r.AgingOver90 > 0),
            };
            for (var i = 0; i < buckets.Length; i++)
            {
                t.Row(new TableCell(T(buckets[i].En, buckets[i].Zh)), new TableCell(Money(buckets[i].Amount), i >= 2 && buckets[i].Amount > 0 ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(Percent(aged > 0 ? (double)(buckets[i].Amount / aged) : null)), new TableCell(Count(counts[i])));
            }
        });
        var top = rows.Where(r => r.Arrears > 0).OrderByDescending(r => r.Arrears).ThenBy(r => r.TenantId, StringComparer.Ordinal).ToList();
        if (top.Count == 0)
            return;
        content.Heading2(T("Largest arrears", "欠费金额最大的商户"));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.9f))
                .Column(TableColumn.Number(Language.Label("arrears"), 1.2f))
                .Column(TableColumn.Number(T("Oldest (days)", "最长逾期（天）"), 1f))
                .Column(TableColumn.Number(T("1–30", "1–30天"), 1f))
                .Column(TableColumn.Number(T("31–60", "31–60天"), 1f))
                .Column(TableColumn.Number(T("61–90", "61–90天"), 1f))
                .Column(TableColumn.Number(T("> 90", "90天以上"), 1f));
            foreach (var r in top.Take(Settings.ArrearsListRows))
            {
                t.Row(new TableCell(r.TenantName + " (" + r.TenantId + ")"), new TableCell(Money(r.Arrears)),
                    new TableCell(Count(r.ArrearsDays), r.ArrearsDays > 60 ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(Money(r.Aging1To30)), new TableCell(Money(r.Aging31To60)), new TableCell(Money(r.Aging61To90)), new TableCell(Money(r.AgingOver90)));
            }
        });
        More(content, top.Count, Settings.ArrearsListRows);
    }
}
