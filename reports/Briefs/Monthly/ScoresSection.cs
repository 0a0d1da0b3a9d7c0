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
        content.Paragraph(T(
            $"{scores.Count} tenants have a score; the median is {Number(median, 1)}. {scores.Count(s => s < 40)} score under 40 and {scores.Count(s => s >= 70)} score 70 or more. A score weighs six pillars (productivity, trend, affordability, payment, customers, compliance) against the tenant's category peers.",
            $"共 {scores.Count} 家商户有评分，中位数 {Number(median, 1)}；低于40分的 {scores.Count(s => s < 40)} 家，70分及以上的 {scores.Count(s => s >= 70)} 家。评分综合坪效、增长、租金负担、缴费、顾客评价、经营合规六个维度，均与同业态同行比较。"));
        content.Chart(BriefCharts.Bars(T("Tenants by score band", "各分数段商户数"),
            bands.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture) + "–" + (b + 9 + (b == 90 ? 1 : 0)).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), counts), height: 150);
    }
}
