using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>Each floor's tenants, area, sales, share, sales per m², YoY and OCR.</summary>
internal sealed class FloorsSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_floors");

    public override void Compose(ContentBuilder content)
    {
        if (NoData(content, Data.Analysis.Availability.Floor, "data_floor"))
            return;
        var rows = GroupFigures.Of(Data.Current, Data.YearBefore, r => r.Floor).OrderBy(r => FloorOrder.Of(r.Group)).ToList();
        var total = rows.Sum(r => r.Sales);
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("floor"), 0.8f))
                .Column(TableColumn.Number(Label("tenants_count"), 0.8f))
                .Column(TableColumn.Number(Language.Label("area_sqm"), 1.1f))
                .Column(TableColumn.Number(Language.Label("net_sales"), 1.6f))
                .Column(TableColumn.Number(Label("share"), 0.8f))
                .Column(TableColumn.Number(Language.Label("sales_density"), 1.1f))
                .Column(TableColumn.Number(Label("yoy"), 0.9f))
                .Column(TableColumn.Number(Language.Label("ocr"), 1.1f));
            foreach (var r in rows)
            {
                t.Row(new TableCell(r.Group), new TableCell(Count(r.Tenants)), new TableCell(Number((double)r.Area)), new TableCell(Money(r.Sales)),
                    new TableCell(Percent(total > 0 ? (double)(r.Sales / total) : null)), new TableCell(Money(r.Density)),
                    new TableCell(Change(r.Yoy), Tone(r.Yoy, true)), new TableCell(Percent(r.Ocr)));
            }
        });
    }
}
