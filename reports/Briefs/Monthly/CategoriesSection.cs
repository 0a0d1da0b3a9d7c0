using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>Each category's sales, share, sales per m², YoY and OCR against its healthy band.</summary>
internal sealed class CategoriesSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_categories");

    public override void Compose(ContentBuilder content)
    {
        var rows = Brief.Categories;
        var total = rows.Sum(r => r.Sales);
        content.Chart(BriefCharts.Bars(Label("monthly_category_share_chart"), rows.Select(r => Name(r.Group)).ToList(),
            rows.Select(r => total > 0 ? (double)(r.Sales / total) * 100 : 0).ToList()), height: 150);
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("category"), 1.3f))
                .Column(TableColumn.Number(Label("tenants_count"), 0.8f))
                .Column(TableColumn.Number(Language.Label("net_sales"), 1.6f))
                .Column(TableColumn.Number(Label("share"), 0.8f))
                .Column(TableColumn.Number(Language.Label("sales_density"), 1.1f))
                .Column(TableColumn.Number(Label("yoy"), 0.9f))
                .Column(TableColumn.Number(Language.Label("ocr"), 1.1f))
                .Column(TableColumn.Number(Label("monthly_healthy_band"), 1.1f));
            foreach (var r in rows)
            {
                var band = Data.Analysis.Settings.BandOf(r.Group);
                t.Row(new TableCell(Name(r.Group)), new TableCell(Count(r.Tenants)), new TableCell(Money(r.Sales)),
                    new TableCell(Percent(total > 0 ? (double)(r.Sales / total) : null)), new TableCell(Money(r.Density)),
                    new TableCell(Change(r.Yoy), Tone(r.Yoy, true)),
                    new TableCell(Percent(r.Ocr), r.Ocr > band.High ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell($"{Language.Percent(band.Low, 0)}–{Language.Percent(band.High, 0)}"));
            }
        });
    }
}
