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
        var buckets = new (string Label, decimal Amount)[]
        {
            ("aging_1_30", rows.Sum(r => r.Aging1To30)),
            ("aging_31_60", rows.Sum(r => r.Aging31To60)),
            ("aging_61_90", rows.Sum(r => r.Aging61To90)),
            ("aging_over_90", rows.Sum(r => r.AgingOver90)),
        };
        var total = Arrears(rows);
        var aged = buckets.Sum(b => b.Amount);
        content.Paragraph(Label("monthly_arrears_summary", Language.Date(Data.AsOf), Money(total), rows.Count(r => r.Arrears > 0), Money(total - aged)));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Label("monthly_days_overdue"), 1.5f))
                .Column(TableColumn.Number(Label("monthly_amount"), 1.5f))
                .Column(TableColumn.Number(Label("monthly_share_of_overdue"), 1.2f))
                .Column(TableColumn.Number(Label("tenants_count"), 1f));
            var counts = new[]
            {
                rows.Count(r => r.Aging1To30 > 0), rows.Count(r => r.Aging31To60 > 0), rows.Count(r => r.Aging61To90 > 0), rows.Count(r => r.AgingOver90 > 0),
            };
            for (var i = 0; i < buckets.Length; i++)
            {
                t.Row(new TableCell(Label(buckets[i].Label)), new TableCell(Money(buckets[i].Amount), i >= 2 && buckets[i].Amount > 0 ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(Percent(aged > 0 ? (double)(buckets[i].Amount / aged) : null)), new TableCell(Count(counts[i])));
            }
        });
        var top = rows.Where(r => r.Arrears > 0).OrderByDescending(r => r.Arrears).ThenBy(r => r.TenantId, StringComparer.Ordinal).ToList();
        if (top.Count == 0)
            return;
        content.Heading2(Label("monthly_largest_arrears"));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.9f))
                .Column(TableColumn.Number(Language.Label("arrears"), 1.2f))
                .Column(TableColumn.Number(Label("oldest_days"), 1f))
                .Column(TableColumn.Number(Label("aging_1_30_short"), 1f))
                .Column(TableColumn.Number(Label("aging_31_60_short"), 1f))
                .Column(TableColumn.Number(Label("aging_61_90_short"), 1f))
                .Column(TableColumn.Number(Label("aging_over_90_short"), 1f));
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
