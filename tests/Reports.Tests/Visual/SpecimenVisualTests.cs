using Analytics.Reports.Briefs;
using Analytics.Reports.Language;
using Analytics.Reports.Layout;
using Analytics.Reports.Tests.Support;
using ScottPlot;

namespace Analytics.Reports.Tests.Visual;

public sealed class SpecimenVisualTests
{
    [Theory]
    [InlineData("en", 1)]
    [InlineData("zh", 1)]
    [InlineData("zh", 2)]
    public void Render_Specimen_PageLooksLikeTheReference(string language, int page)
    {
        var pdf = TestReports.Render(new LayoutSpecimen(ReportLanguage.Parse(language)));

        VisualComparison.AssertPageMatches(pdf, page, $"specimen-{language}-page{page}.png");
    }

    [Fact]
    public void Render_SmallChineseCharts_LookLikeTheReference()
    {
        // Small charts are where Noto's tall bounding box clipped the first legend entry and the rotated
        // Y label; the reference shows them whole.
        var pdf = TestReports.Render(new TestDocument(c =>
        {
            c.Chart(SmallChart("销售额（万元）", "本年", "去年同期"), height: 150);
            c.Chart(SmallChart("租售比（%）", "商户甲", "业态中位数"), height: 110);
        }));

        VisualComparison.AssertPageMatches(pdf, 1, "small-charts-zh.png");
    }

    [Fact]
    public void AssertPageMatches_DifferentPage_Fails()
    {
        // The comparison itself must catch a changed page: the Chinese first page is not the English one.
        if (Environment.GetEnvironmentVariable("UPDATE_VISUALS") == "1")
            return; // it would overwrite the English reference
        var pdf = TestReports.Render(new LayoutSpecimen(ReportLanguage.Chinese));

        var act = () => VisualComparison.AssertPageMatches(pdf, 1, "specimen-en-page1.png");

        act.Should().Throw<Exception>().WithMessage("*changed pixels*");
    }

    private static Plot SmallChart(string yLabel, string first, string second)
    {
        var plot = new Plot();
        double[] xs = [1, 2, 3, 4, 5, 6];
        plot.Add.Scatter(xs, [3, 5, 4, 6, 7, 8]).LegendText = first;
        plot.Add.Scatter(xs, [2, 3, 3, 4, 5, 4]).LegendText = second;
        plot.YLabel(yLabel);
        plot.XLabel("月份");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
