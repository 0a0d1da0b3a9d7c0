using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>The mall's 13 months: sales, footfall and rates, as charts and a table.</summary>
internal sealed class TrendsSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_trends");

    public override void Compose(ContentBuilder content)
    {
        var months = Data.MallSeries.Select(m => m.Period).ToList();
        content.Chart(BriefCharts.MonthBars(Label("monthly_sales_chart"), months,
            Data.MallSeries.Select(m => (double)m.MallSales / 1_000_000).ToList(), Language), height: 180);
        content.Charts(185,
            BriefCharts.Lines(Label("monthly_footfall_chart"), months, Language,
                (Language.Label("footfall"), Data.MallSeries.Select(m => m.Footfall is { } f ? f / 1000.0 : (double?)null).ToList(), BriefCharts.Primary)),
            BriefCharts.Lines(Label("monthly_rates_chart"), months, Language,
                (Language.Label("occupancy_rate"), Data.MallSeries.Select(m => m.OccupancyRate * 100).ToList(), BriefCharts.Primary),
                (Language.Label("collection_rate"), Data.MallSeries.Select(m => m.CollectionRate * 100).ToList(), BriefCharts.Benchmark),
                (Label("conversion"), Data.MallSeries.Select(m => m.Conversion * 100).ToList(), BriefCharts.Secondary)));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("month"), 1.2f))
                .Column(TableColumn.Number(Language.Label("net_sales"), 1.6f))
                .Column(TableColumn.Number(Language.Label("sales_density"), 1.1f))
                .Column(TableColumn.Number(Language.Label("occupancy_rate"), 1f))
                .Column(TableColumn.Number(Language.Label("collection_rate"), 1f))
                .Column(TableColumn.Number(Language.Label("footfall"), 1.2f))
                .Column(TableColumn.Number(Label("conversion"), 1f));
            foreach (var m in Data.MallSeries)
            {
                t.Row(Language.Month(m.Period.Year, m.Period.Month), Money(m.MallSales), Money(m.MallDensity), Percent(m.OccupancyRate),
                    Percent(m.CollectionRate), Number(m.Footfall), Percent(m.Conversion));
            }
        });
    }
}
