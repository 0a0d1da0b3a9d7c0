using Analytics.Reports.Fonts;
using Analytics.Reports.Layout;
using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>
/// Gives a ScottPlot plot the report's typeface and text sizes. Applied when the chart is drawn, so a document
/// builds plots with ScottPlot's own API and never thinks about fonts. The typeface is the report's CJK face
/// loaded by path: ScottPlot's own lookup would pick a system font without Chinese and draw boxes.
/// </summary>
internal static class ChartStyle
{
    public static void Apply(Plot plot, ReportFonts fonts)
    {
        fonts.RegisterWithCharts();
        plot.Font.Set(ReportFonts.ChartFontName);
        plot.Legend.FontName = ReportFonts.ChartFontName;
        plot.Legend.FontSize = Typography.ChartLegendSize;
        plot.Axes.Title.Label.FontSize = Typography.ChartTitleSize;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = Typography.ChartAxisLabelSize;
            axis.TickLabelStyle.FontSize = Typography.ChartTickLabelSize;
        }
    }
}
