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
        content.Paragraph(Label("monthly_contest_rules"), Typography.Note);
        if (contest.Categories.Count == 0)
        {
            None(content, "monthly_contest_none");
            return;
        }

        string Winners(IEnumerable<ContestWinner> wins) => string.Join(Label("list_separator"), wins.Select(w => $"{w.TenantName} ({w.TenantId})"));
        string Ratio(double score) => Language.Number(score, 2) + "×";
        string Ahead(double score) => Label("monthly_contest_ahead", (score >= 0 ? "+" : "") + Language.Number(score * 100, 1));
        var categoryWins = contest.Winners.Where(w => w.Scope == ContestWinner.CategoryScope).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("category"), 1f))
                .Column(TableColumn.Text(Label("monthly_contest_best"), 1.8f))
                .Column(TableColumn.Number(Language.Label("sales_density"), 0.9f))
                .Column(TableColumn.Number(Label("monthly_contest_times_median"), 0.8f))
                .Column(TableColumn.Text(Label("monthly_contest_improved"), 1.8f))
                .Column(TableColumn.Number(Label("yoy"), 0.7f))
                .Column(TableColumn.Number(Label("monthly_contest_ahead_of"), 0.9f));
            foreach (var c in contest.Categories.OrderBy(c => c.Category, StringComparer.Ordinal))
            {
                var mine = categoryWins.Where(w => w.MallId == c.MallId && w.Category == c.Category).ToList();
                var density = mine.Where(w => w.Award == ContestWinner.BestDensity).ToList();
                var improved = mine.Where(w => w.Award == ContestWinner.MostImproved).ToList();
                t.Row(new TableCell(Name(c.Category)),
                    new TableCell(density.Count > 0 ? Winners(density) : Label("monthly_contest_not_held")),
                    new TableCell(density.Count > 0 ? Money(density[0].Value) : Missing),
                    new TableCell(density.Count > 0 ? Ratio(density[0].Score) : Missing),
                    new TableCell(improved.Count > 0 ? Winners(improved) : c.ImprovementContestants > 0 ? Label("monthly_contest_none_ahead") : Label("monthly_contest_not_held")),
                    new TableCell(improved.Count > 0 ? Change(improved[0].Value) : Missing),
                    new TableCell(improved.Count > 0 ? Ahead(improved[0].Score) : Missing, improved.Count > 0 ? KpiTone.Good : KpiTone.Neutral));
            }
        });
        // Mall-wide: one line per winner (scores within the tie margin share the award, each with its own figures).
        var lines = contest.Winners.Where(w => w.Scope == ContestWinner.MallScope).Select(w => w.Award == ContestWinner.BestDensity
            ? Label("monthly_contest_mall_best", Winners([w]), Name(w.Category), Ratio(w.Score))
            : Label("monthly_contest_mall_improved", Winners([w]), Name(w.Category), Change(w.Value), Ahead(w.Score))).ToList();
        if (lines.Count > 0)
        {
            content.Bullets(lines.ToArray());
        }
    }
}
