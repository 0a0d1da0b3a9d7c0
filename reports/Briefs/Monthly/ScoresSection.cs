using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>How the tenants' scores spread.</summary>
internal sealed class ScoresSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_scores");

    public override void Compose(ContentBuilder content)
    {
        var scores = Data.Analysis.Scores.Where(s => s.Total is not null).Select(s => s.Total!.Value).ToList();
        var bands = Enumerable.Range(0, 10).Select(i => i * 10).ToList();
        var counts = bands.Select(b => (double)scores.Count(s => s >= b && (s < b + 10 || (b == 90 && s <= 100)))).ToList();
        var median = scores.Count == 0 ? (double?)null : Median.Of(scores);
        content.Paragraph(Label("monthly_scores_summary", scores.Count, Number(median, 1), scores.Count(s => s < 40), scores.Count(s => s >= 70)));
        content.Chart(BriefCharts.Bars(Label("monthly_scores_chart"),
            bands.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture) + "–" + (b + 9 + (b == 90 ? 1 : 0)).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), counts), height: 150);
    }
}
