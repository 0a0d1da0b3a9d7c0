using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Merchant;

/// <summary>Its sales against its own last year and its category, its rank and its sales target.</summary>
internal sealed class SalesSection(MerchantSheet brief) : MerchantSection(brief)
{
    public override string Title => Label("merchant_sales");

    public override void Compose(ContentBuilder content)
    {
        var history = Data.History.GetValueOrDefault(M.TenantId) ?? [];
        var months = Enumerable.Range(0, 12).Select(i => Data.Period.AddMonths(i - 11).First).ToList();
        double? Sales(DateOnly m) => history.FirstOrDefault(r => r.Period == m) is { } r ? (double)r.NetSales / 1000 : null;
        double? Density(DateOnly m) => history.FirstOrDefault(r => r.Period == m)?.SalesDensity;
        var medians = months.Select(m => Data.PeerDensityMedian.TryGetValue((M.TenantId, m), out var v) ? v : null).ToList();
        var plots = new List<ScottPlot.Plot>
        {
            BriefCharts.Lines(Label("merchant_sales_chart"), months, Language,
                (Language.Label("this_year"), months.Select(Sales).ToList(), BriefCharts.Primary),
                (Language.Label("last_year"), months.Select(m => Sales(m.AddMonths(-12))).ToList(), BriefCharts.Secondary)),
        };
        var hasMedian = medians.Any(v => v is not null);
        plots.Add(BriefCharts.Lines(Label("merchant_density_chart"), months, Language,
            hasMedian
                ? [(M.TenantName, months.Select(Density).ToList(), BriefCharts.Primary), (Label("category_median"), medians, BriefCharts.Benchmark)]
                : [(M.TenantName, months.Select(Density).ToList(), BriefCharts.Primary)]));
        content.Charts(195, plots.ToArray());
        var rank = Brief.Rank;
        var median = medians[^1];
        var text = Label("merchant_sales_line", MonthText, Money(M.NetSales), Change(M.Yoy), Money(M.SalesDensity));
        text += median is { } md
            ? Label("merchant_peer_median", Name(M.Category), Money(md))
            : Label("merchant_no_benchmark");
        if (rank is { } r)
            text += Label("merchant_rank_line", Brief.RankText(r), r.Peers);
        content.Paragraph(text);
        ComposeContestWin(content);
        ComposeTarget(content);
    }

    /// <summary>
    /// One line when the tenant won the month's sales contest (营业竞赛): its own award and figure only, never the
    /// benchmark (a median of as few as two neighbours) nor another contestant.
    /// </summary>
    private void ComposeContestWin(ContentBuilder content)
    {
        var wins = Data.Contest.WinsOf(M.MallId, M.TenantId);
        if (wins.Count == 0)
            return;
        var awards = wins.Where(w => w.Scope == Analytics.Model.Contest.ContestWinner.CategoryScope).Select(w =>
        {
            var mallWide = wins.Any(m => m.Scope == Analytics.Model.Contest.ContestWinner.MallScope && m.Award == w.Award);
            return w.Award == Analytics.Model.Contest.ContestWinner.BestDensity
                ? Label("merchant_award_best", Name(M.Category), Money(w.Value), mallWide ? Label("merchant_award_best_mall") : "")
                : Label("merchant_award_improved", Name(M.Category), Change(w.Value), mallWide ? Label("merchant_award_improved_mall") : "");
        }).ToList();
        content.Paragraph(Label("merchant_contest_line", MonthText, string.Join(Label("merchant_award_separator"), awards)));
    }

    /// <summary>The tenant's own sales target, when the mall set one for the month (its own figures only).</summary>
    private void ComposeTarget(ContentBuilder content)
    {
        if (M.SalesBudget is not { } target || Data.Budget?.Tenants.FirstOrDefault(b => b.TenantId == M.TenantId) is not { } own)
            return;
        content.Heading2(Language.Label("merchant_target"));
        content.Paragraph(Language.Label("merchant_target_line", MonthText, Money(target), Money(M.NetSales), Change(M.SalesVsBudget),
            Money(own.Ytd.NetSales), Money(own.Ytd.SalesBudget), Change(own.Ytd.SalesVsBudget)));
    }
}
