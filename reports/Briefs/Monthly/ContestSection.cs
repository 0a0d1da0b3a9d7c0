using Analytics.Model.Contest;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>
/// The month's sales contest (营业竞赛; model/Contest/SalesContest.cs, docs/analysis.md): per category the best sales
/// per m² against the other contestants' median and the most improved against the category's own movement over the
/// year, then the mall-wide winners. Reads only <see cref="Data.ReportData.Contest"/>.
/// </summary>
internal sealed class ContestSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_contest");

    public override void Compose(ContentBuilder content)
    {
        var contest = Data.Contest;
        content.Paragraph(T(
            "Tenants open at least 3 months with sales reported compete within their category (at least 3 contestants). Best sales per m²: against the median of the category's other contestants. Most improved: change of sales per m² on the same month last year, minus the other contestants' median change; given only when ahead by at least 5 points.",
            "开业满3个月且报送了销售的商户在本业态内参赛（至少3家）。坪效冠军：与本业态其他参赛商户坪效中位数相比；进步最快：坪效同比变化减去本业态其他参赛商户的同比变化中位数，领先不足5个百分点则本月不评。"), Typography.Note);
        if (contest.Categories.Count == 0)
        {
            None(content, "No category had enough contestants this month.", "本月没有业态达到参赛商户数。");
            return;
        }

        string Winners(IEnumerable<ContestWinner> wins) => string.Join(T(", ", "、"), wins.Select(w => $"{w.TenantName} ({w.TenantId})"));
        string Ratio(double score) => Language.Number(score, 2) + "×";
        string Ahead(double score) => (score >= 0 ? "+" : "") + Language.Number(score * 100, 1) + T(" pts", "个百分点");
        var categoryWins = contest.Winners.Where(w => w.Scope == ContestWinner.CategoryScope).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("category"), 1f))
                .Column(TableColumn.Text(T("Best sales per m²", "坪效冠军"), 1.8f))
                .Column(TableColumn.Number(Language.Label("sales_density"), 0.9f))
                .Column(TableColumn.Number(T("× median", "为中位数倍数"), 0.8f))
                .Column(TableColumn.Text(T("Most improved", "进步最快"), 1.8f))
                .Column(TableColumn.Number(T("YoY", "同比"), 0.7f))
                .Column(TableColumn.Number(T("Ahead of category", "领先业态"), 0.9f));
            foreach (var c in contest.Categories.OrderBy(c => c.Category, StringComparer.Ordinal))
            {
                var mine = categoryWins.Where(w => w.MallId == c.MallId && w.Category == c.Category).ToList();
                var density = mine.Where(w => w.Award == ContestWinner.BestDensity).ToList();
                var improved = mine.Where(w => w.Award == ContestWinner.MostImproved).ToList();
                t.Row(new TableCell(Name(c.Category)),
                    new TableCell(density.Count > 0 ? Winners(density) : T("not held", "未评")),
                    new TableCell(density.Count > 0 ? Money(density[0].Value) : Missing),
                    new TableCell(density.Count > 0 ? Ratio(density[0].Score) : Missing),
                    new TableCell(improved.Count > 0 ? Winners(improved) : c.ImprovementContestants > 0 ? T("none ahead by 5 pts", "无领先5个百分点者") : T("not held", "未评")),
                    new TableCell(improved.Count > 0 ? Change(improved[0].Value) : Missing),
                    new TableCell(improved.Count > 0 ? Ahead(improved[0].Score) : Missing, improved.Count > 0 ? KpiTone.Good : KpiTone.Neutral));
            }
        });
        // Mall-wide: one line per winner (scores within the tie margin share the award, each with its own figures).
        var lines = contest.Winners.Where(w => w.Scope == ContestWinner.MallScope).Select(w => w.Award == ContestWinner.BestDensity
            ? T($"Mall-wide best sales per m²: {Winners([w])}, {Name(w.Category)}, {Ratio(w.Score)} its category's median.",
                $"全场坪效冠军：{Winners([w])}（{Name(w.Category)}），为本业态中位数的 {Ratio(w.Score)}。")
            : T($"Mall-wide most improved: {Winners([w])}, {Name(w.Category)}, {Change(w.Value)} year on year, {Ahead(w.Score)} ahead of its category.",
                $"全场进步最快：{Winners([w])}（{Name(w.Category)}），坪效同比 {Change(w.Value)}，领先本业态 {Ahead(w.Score)}。")).ToList();
        if (lines.Count > 0)
        {
            content.Bullets(lines.ToArray());
        }
    }
}
