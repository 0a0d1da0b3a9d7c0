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
            BriefCharts.Lines(T("Net sales (¥ thousand)", "月销售额（千元）"), months, Language,
                (Language.Label("this_year"), months.Select(Sales).ToList(), BriefCharts.Primary),
                (Language.Label("last_year"), months.Select(m => Sales(m.AddMonths(-12))).ToList(), BriefCharts.Secondary)),
        };
        var hasMedian = medians.Any(v => v is not null);
        plots.Add(BriefCharts.Lines(T("Sales per m² (¥)", "坪效（元/㎡）"), months, Language,
            hasMedian
                ? [(M.TenantName, months.Select(Density).ToList(), BriefCharts.Primary), (T("Category median", "业态中位数"), medians, BriefCharts.Benchmark)]
                : [(M.TenantName, months.Select(Density).ToList(), BriefCharts.Primary)]));
        content.Charts(195, plots.ToArray());
        var rank = Brief.Rank;
        var median = medians[^1];
        var text = T(
            $"In {MonthText} net sales were {Money(M.NetSales)} ({Change(M.Yoy)} on last year), {Money(M.SalesDensity)} per m².",
            $"{MonthText}销售额 {Money(M.NetSales)}（同比 {Change(M.Yoy)}），坪效 {Money(M.SalesDensity)}/㎡。");
        text += median is { } md
            ? T($" The median of other {Name(M.Category)} tenants was {Money(md)} per m².", $"同业态其他商户坪效中位数为 {Money(md)}/㎡。")
            : T(" The category has too few other tenants for a benchmark.", "同业态商户过少，不提供对比基准。");
        if (rank is { } r)
            text += T($" Your sales per m² are {Brief.RankText(r)} ({r.Peers} peers).", $"您的坪效{Brief.RankText(r)}（同业态 {r.Peers} 家）。");
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
                ? T($"best sales per m² of {Name(M.Category)} ({Money(w.Value)} per m²){(mallWide ? ", the best of the whole mall" : "")}",
                    $"{Name(M.Category)}坪效冠军（{Money(w.Value)}/㎡）{(mallWide ? "，并为全场第一" : "")}")
                : T($"most improved of {Name(M.Category)} (sales per m² {Change(w.Value)} on last year){(mallWide ? ", the most of the whole mall" : "")}",
                    $"{Name(M.Category)}进步最快奖（坪效同比 {Change(w.Value)}）{(mallWide ? "，并为全场进步最快" : "")}");
        }).ToList();
        content.Paragraph(T($"Sales contest: in {MonthText} your shop won the {string.Join(" and the ", awards)}. Congratulations!",
            $"营业竞赛：{MonthText}您的店铺获得{string.Join("、", awards)}，特此祝贺！"));
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
