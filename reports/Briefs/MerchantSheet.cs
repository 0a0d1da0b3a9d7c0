using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Model.Scoring;
using Analytics.Reports.Data;
using Analytics.Reports.Documents;
using Analytics.Reports.Language;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs;

/// <summary>
/// One tenant's sheet for the month, to hand to the merchant: its sales against its own last year and its category,
/// its rank, rent burden, payments, complaints and patrol findings, its score and a few suggestions. It names no other
/// tenant and shows no other tenant's figure: benchmarks are leave-one-out medians over at least the minimum of peers
/// (metrics.md "Peers"), and the rank is a percentile only when there are that many peers.
/// </summary>
internal sealed class MerchantSheet(ReportData data, TenantScore score, ReportLanguage language, ReportSettings settings, DateOnly generatedOn)
    : BriefDocument(language, settings, generatedOn)
{
    private TenantMetricsRow M => score.Frame.Metrics;

    private string MonthText => Language.Month(data.Period.Year, data.Period.Month);

    private int MinPeers => data.Analysis.Settings.MinPeers;

    public override DocumentMetadata Metadata => new(
        Title: T($"Merchant sheet — {M.TenantName}", $"商户经营报告 — {M.TenantName}"),
        Author: T("Operations analytics", "运营分析组"),
        Subject: T($"{M.TenantName} ({M.TenantId}), {MonthText}", $"{M.TenantName}（{M.TenantId}），{MonthText}"),
        Keywords: $"merchant, {M.TenantId}, {Month.Format(data.Period)}");

    protected override string BandTitle => Metadata.Title;

    protected override string BandPeriod => MonthText;

    // The sheet is handed to the merchant: not "internal".
    protected override string Audience => data.MallInfo?.NameIn(!Language.IsChinese) is { } mall
        ? T($"Prepared for {M.TenantName} by the operations team of {mall}", $"{mall}运营部为{M.TenantName}编制")
        : T($"Prepared for {M.TenantName} by the mall's operations team", $"商场运营部为{M.TenantName}编制");

    public IReadOnlyList<string> Sections =>
    [
        T("Sales", "销售表现"),
        T("Rent and payments", "租金与缴费"),
        T("Customers and floor patrols", "顾客投诉与巡场"),
        T("Your score", "综合评分"),
        T("Suggestions", "建议"),
    ];

    protected override void ComposeContent(ContentBuilder content)
    {
        content.Paragraph(M.TenantName, Typography.Title);
        content.Paragraph(T(
            $"{M.TenantId} · {Name(M.Category)} · floor {M.Floor} · unit {M.UnitId} · {Number((double?)M.AreaSqm)} m² · lease ends {Language.Date(M.LeaseEnd)}",
            $"{M.TenantId} · {Name(M.Category)} · {M.Floor} · 铺位 {M.UnitId} · {Number((double?)M.AreaSqm)} ㎡ · 租约到期 {Language.Date(M.LeaseEnd)}"), Typography.Note);
        ComposeKeyFigures(content);
        ComposeSales(content);
        ComposeRent(content);
        ComposeCustomers(content);
        ComposeScore(content);
        ComposeSuggestions(content);
    }

    private void ComposeKeyFigures(ContentBuilder content)
    {
        var rank = DensityRank();
        var band = data.Analysis.Settings.BandOf(M.Category);
        content.Kpis(
            new KpiTile(Language.Label("net_sales"), Money(M.NetSales), Delta(M.Yoy, Language.Label("vs_last_year")), Tone(M.Yoy, true)),
            new KpiTile(Language.Label("sales_density"), Money(M.SalesDensity),
                rank is { } r ? RankText(r) : null,
                rank is { } r2 ? (r2.Ahead >= 0.5 ? KpiTone.Good : KpiTone.Bad) : KpiTone.Neutral),
            new KpiTile(T("Rent-to-sales (12 m)", "租售比（近12月）"), Percent(M.OcrTtm),
                T($"band {Language.Percent(band.Low, 0)}–{Language.Percent(band.High, 0)}", $"健康区间 {Language.Percent(band.Low, 0)}–{Language.Percent(band.High, 0)}"),
                M.OcrTtm > band.High ? KpiTone.Bad : M.OcrTtm is null ? KpiTone.Neutral : KpiTone.Good),
            new KpiTile(T("Score (0–100)", "综合评分（0–100）"), Number(score.Total, 1), null));
    }

    /// <summary>
    /// The tenant's percentile in its category by sales per m² of the month: the share of its peers (the other tenants
    /// of the category in force on D) below it. Null with fewer peers than the minimum, like any benchmark.
    /// </summary>
    internal (double Ahead, int Peers)? DensityRank()
    {
        if (M.SalesDensity is not { } own)
            return null;
        var peers = data.Current.Where(r => r.Category == M.Category && r.TenantId != M.TenantId && r.SalesDensity is not null).ToList();
        if (peers.Count < MinPeers)
            return null;
        return ((double)peers.Count(r => r.SalesDensity < own) / peers.Count, peers.Count);
    }

    private string RankText((double Ahead, int Peers) rank) => T(
        $"ahead of {Language.Percent(rank.Ahead, 0)} of {Name(M.Category)} peers",
        $"超过 {Language.Percent(rank.Ahead, 0)} 的同业态商户");

    private void ComposeSales(ContentBuilder content)
    {
        content.Heading1(Sections[0]);
        var history = data.History.GetValueOrDefault(M.TenantId) ?? [];
        var months = Enumerable.Range(0, 12).Select(i => data.Period.AddMonths(i - 11)).ToList();
        double? Sales(DateOnly m) => history.FirstOrDefault(r => r.Period == m) is { } r ? (double)r.NetSales / 1000 : null;
        double? Density(DateOnly m) => history.FirstOrDefault(r => r.Period == m)?.SalesDensity;
        var medians = months.Select(m => data.PeerDensityMedian.TryGetValue((M.TenantId, m), out var v) ? v : null).ToList();
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
        var rank = DensityRank();
        var median = medians[^1];
        var text = T(
            $"In {MonthText} net sales were {Money(M.NetSales)} ({Change(M.Yoy)} on last year), {Money(M.SalesDensity)} per m².",
            $"{MonthText}销售额 {Money(M.NetSales)}（同比 {Change(M.Yoy)}），坪效 {Money(M.SalesDensity)}/㎡。");
        text += median is { } md
            ? T($" The median of other {Name(M.Category)} tenants was {Money(md)} per m².", $"同业态其他商户坪效中位数为 {Money(md)}/㎡。")
            : T(" The category has too few other tenants for a benchmark.", "同业态商户过少，不提供对比基准。");
        if (rank is { } r)
            text += T($" Your sales per m² are {RankText(r)} ({r.Peers} peers).", $"您的坪效{RankText(r)}（同业态 {r.Peers} 家）。");
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
        var wins = data.Contest.WinsOf(M.MallId, M.TenantId);
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
        if (M.SalesBudget is not { } target || data.Budget?.Tenants.FirstOrDefault(b => b.TenantId == M.TenantId) is not { } own)
            return;
        content.Heading2(Language.Label("merchant_target"));
        content.Paragraph(Language.Label("merchant_target_line", MonthText, Money(target), Money(M.NetSales), Change(M.SalesVsBudget),
            Money(own.Ytd.NetSales), Money(own.Ytd.SalesBudget), Change(own.Ytd.SalesVsBudget)));
    }

    private void ComposeRent(ContentBuilder content)
    {
        content.Heading1(Sections[1]);
        if (NoData(content, data.Analysis.Availability.Rent, "data_rent"))
            return;
        var band = data.Analysis.Settings.BandOf(M.Category);
        var peerOcr = score.Frame.OcrTtmPeerMedian;
        content.Table(t =>
        {
            t.Column(TableColumn.Text(T("Item", "项目"), 2.2f)).Column(TableColumn.Number(T("This tenant", "本店"), 1.2f)).Column(TableColumn.Number(T("Benchmark", "参照"), 1.4f));
            t.Row(T("Occupancy cost this month (rent + service charge)", "本月租金及物业费"), Money(M.OccupancyCost is { } c ? (double)c : null), "");
            t.Row(new TableCell(T("Rent-to-sales, this month", "本月租售比")), new TableCell(Percent(M.Ocr), M.Ocr > band.High ? KpiTone.Bad : KpiTone.Neutral),
                new TableCell(T("band ", "健康区间 ") + $"{Language.Percent(band.Low, 0)}–{Language.Percent(band.High, 0)}"));
            t.Row(new TableCell(T("Rent-to-sales, 12 months", "近12月租售比")), new TableCell(Percent(M.OcrTtm), M.OcrTtm > band.High ? KpiTone.Bad : KpiTone.Neutral),
                new TableCell(peerOcr is { } p ? T("category median ", "业态中位数 ") + Language.Percent(p) : Missing));
            t.Row(new TableCell(T("Unpaid on " + Language.Date(data.AsOf), "截至" + Language.Date(data.AsOf) + "欠费")), new TableCell(Money(M.Arrears), M.Arrears > 0 ? KpiTone.Bad : KpiTone.Good), new TableCell(""));
            t.Row(new TableCell(T("Oldest unpaid bill (days overdue)", "最早欠费逾期天数")), new TableCell(Count(M.ArrearsDays), M.ArrearsDays > 30 ? KpiTone.Bad : KpiTone.Neutral), new TableCell(""));
            t.Row(new TableCell(T("Bills paid late, 12 months", "近12月逾期缴费比例")), new TableCell(Percent(M.LateShare12m)),
                new TableCell(score.Frame.LateSharePeerMedian is { } l ? T("category median ", "业态中位数 ") + Language.Percent(l) : Missing));
        });
        if (M.Arrears > 0)
        {
            content.Paragraph(T(
                $"Overdue by age: 1–30 days {Money(M.Aging1To30)}, 31–60 days {Money(M.Aging31To60)}, 61–90 days {Money(M.Aging61To90)}, over 90 days {Money(M.AgingOver90)}.",
                $"按逾期天数：1–30天 {Money(M.Aging1To30)}，31–60天 {Money(M.Aging31To60)}，61–90天 {Money(M.Aging61To90)}，90天以上 {Money(M.AgingOver90)}。"), Typography.Note);
        }
    }

    private void ComposeCustomers(ContentBuilder content)
    {
        content.Heading1(Sections[2]);
        var complaints = data.Complaints.New.Concat(data.Complaints.StillOpen).Where(c => c.TenantId == M.TenantId).OrderBy(c => c.ReceivedAt).ToList();
        var findings = data.Findings.Where(f => f.TenantId == M.TenantId).ToList();
        content.Paragraph(T(
            $"{M.Complaints} complaints in {MonthText} ({Number(score.Frame.ComplaintRate3m, 1)} per 10,000 receipts over 3 months) and {M.Violations} patrol findings.",
            $"{MonthText}投诉 {M.Complaints} 宗（近3个月每万笔交易 {Number(score.Frame.ComplaintRate3m, 1)} 宗），巡场问题 {M.Violations} 项。"));
        if (complaints.Count > 0)
        {
            content.Table(t =>
            {
                t.Column(TableColumn.Text(T("Received", "受理日期"), 1.2f)).Column(TableColumn.Text(T("Kind", "类别"), 1f))
                    .Column(TableColumn.Number(T("Severity", "严重程度"), 0.8f)).Column(TableColumn.Text(T("Status on " + Language.Date(data.AsOf), "月末状态"), 1.4f));
                foreach (var c in complaints)
                {
                    var open = c.ResolvedAt is null || DateOnly.FromDateTime(c.ResolvedAt.Value) > data.AsOf;
                    t.Row(new TableCell(Language.Date(DateOnly.FromDateTime(c.ReceivedAt))), new TableCell(Name(c.Category)), new TableCell(Count(c.Severity)),
                        new TableCell(open ? Name("open") : Name("resolved"), open ? KpiTone.Bad : KpiTone.Neutral));
                }
            });
        }
        if (findings.Count > 0)
        {
            content.Table(t =>
            {
                t.Column(TableColumn.Text(T("Patrol date", "巡场日期"), 1.2f)).Column(TableColumn.Text(T("Finding", "问题"), 1.6f)).Column(TableColumn.Number(T("Minutes", "分钟"), 0.8f));
                foreach (var f in findings)
                    t.Row(Language.Date(f.Date), Name(f.Type), f.Minutes is { } m ? Count(m) : "");
            });
        }
        ComposeRequests(content);
        ComposeCredit(content);
    }

    /// <summary>The tenant's own credit grade, and what would raise it: the points to the next grade and its largest deductions.</summary>
    private void ComposeCredit(ContentBuilder content)
    {
        if (!data.Credit.TryGetValue(M.TenantId, out var credit))
            return;
        var rules = data.Analysis.Settings.Credit;
        content.Heading2(Language.Label("merchant_credit"));
        content.Paragraph(Language.Label("merchant_credit_line", credit.Grade, Count(credit.Points), MonthText));
        if (rules.NextGradeFloor(credit.Grade) is not { } floor)
        {
            content.Paragraph(Language.Label("merchant_credit_top"), Typography.Note);
            return;
        }
        var next = rules.GradeOf(floor);
        content.Paragraph(Language.Label("merchant_credit_raise", Count(floor - credit.Points), next));
        content.Bullets(credit.Deductions.Take(3).Select(d => $"-{d.Points} {Name(d.Rule)} · {Language.Date(d.Date)}").ToArray());
    }

    /// <summary>The tenant's own requests still open with the operations desk on D.</summary>
    private void ComposeRequests(ContentBuilder content)
    {
        var open = data.OpenRequests.Where(r => r.TenantId == M.TenantId).ToList();
        content.Heading2(Language.Label("merchant_requests"));
        if (open.Count == 0)
        {
            content.Paragraph(Language.Label("merchant_requests_none"), Typography.Note);
            return;
        }
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("requests_raised_on"), 1.2f)).Column(TableColumn.Text(Language.Label("category"), 1f))
                .Column(TableColumn.Text(Language.Label("status"), 1f)).Column(TableColumn.Number(Language.Label("requests_days_open"), 0.9f));
            foreach (var r in open)
            {
                t.Row(new TableCell(Language.Date(DateOnly.FromDateTime(r.RaisedAt))), new TableCell(Name(r.Category)), new TableCell(Name(r.Status)),
                    new TableCell(Count(r.AgeDays), r.Overdue ? KpiTone.Bad : KpiTone.Neutral));
            }
        });
    }

    private void ComposeScore(ContentBuilder content)
    {
        content.Heading1(Sections[3]);
        content.Paragraph(T(
            $"Your score is {Number(score.Total, 1)} of 100: six pillars, each scored 0–100 against what is normal for your category.",
            $"您的综合评分为 {Number(score.Total, 1)}（满分100），由六个维度组成，每项均与同业态正常水平比较，得分0–100。"));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(T("Pillar", "维度"), 1.3f)).Column(TableColumn.Number(T("Weight", "权重"), 0.7f))
                .Column(TableColumn.Number(T("Score", "得分"), 0.7f)).Column(TableColumn.Text(T("Measured by", "衡量指标"), 2.4f))
                .Column(TableColumn.Number(T("Yours", "本店"), 0.9f)).Column(TableColumn.Number(T("Category median", "业态中位数"), 1.1f));
            foreach (var p in score.Pillars)
            {
                t.Row(new TableCell(Name(p.Name)), new TableCell(Language.Percent(p.Weight, 0)),
                    new TableCell(Number(p.Score, 0), p.Score is { } s ? (s < Settings.WeakPillarScore ? KpiTone.Bad : s >= 80 ? KpiTone.Good : KpiTone.Neutral) : KpiTone.Neutral),
                    new TableCell(Measure(p.Name)), new TableCell(Raw(p.Name, p.Raw)), new TableCell(Raw(p.Name, p.PeerMedian)));
            }
        });
    }

    private string Measure(string pillar) => pillar switch
    {
        "productivity" => T("sales per m², 3-month median", "坪效（近3月中位数）"),
        "trend" => M.Yoy is null ? T("last 3 months against the 3 before", "近3月较前3月增长") : T("growth on last year", "同比增长"),
        "affordability" => T("rent-to-sales, 12 months", "近12月租售比"),
        "payment" => T("share of bills paid late", "逾期缴费比例"),
        "customer" => T("complaints per 10,000 receipts, 3 months", "近3月每万笔交易投诉数"),
        "compliance" => T("patrol findings, 3 months", "近3月巡场问题数"),
        _ => pillar,
    };

    private string Raw(string pillar, double? value) => pillar switch
    {
        "productivity" => Money(value),
        "trend" => Change(value),
        "affordability" or "payment" => Percent(value),
        "customer" => Number(value, 1),
        _ => Number(value, 1),
    };

    private void ComposeSuggestions(ContentBuilder content)
    {
        content.Heading1(Sections[4]);
        content.Bullets(Suggestions().Take(Settings.MerchantSuggestions).ToArray());
    }

    /// <summary>Concrete next steps, most pressing first: money owed, then the weakest pillars, then what is going well.</summary>
    internal IEnumerable<string> Suggestions()
    {
        if (M.Arrears > 0 && M.ArrearsDays > 0)
        {
            yield return T($"Settle the {Money(M.Arrears)} outstanding (oldest bill {M.ArrearsDays} days overdue), or agree a payment plan with the leasing team this month.",
                $"请结清欠费 {Money(M.Arrears)}（最早一笔已逾期 {M.ArrearsDays} 天），或于本月内与招商部商定分期还款计划。");
        }
        foreach (var p in score.Pillars.Where(p => p.Score is { } s && s < Settings.WeakPillarScore).OrderBy(p => p.Score))
        {
            var text = p.Name switch
            {
                "productivity" when p.PeerMedian is null => T("Sales per m² are below what a unit like yours is expected to achieve: review the product range and window display with the operations team, and join the mall's next promotion.",
                    "坪效低于同类铺位的预期水平：建议与运营部一起检视商品结构与橱窗陈列，并参加商场下一档营销活动。"),
                "productivity" => T("Sales per m² are below your category: review the product range and window display with the operations team, and join the mall's next promotion.",
                    "坪效低于同业态水平：建议与运营部一起检视商品结构与橱窗陈列，并参加商场下一档营销活动。"),
                "trend" => T("Sales are growing more slowly than your category: compare your best-selling months with this year's and plan a campaign for the coming season.",
                    "销售增长慢于同业态：建议对比往年旺季表现，为下一季制定促销计划。"),
                "affordability" => T("Rent takes a large share of your sales: talk to the leasing team about turnover-linked terms or a smaller unit at renewal.",
                    "租金占销售比例偏高：可与招商部沟通提成租金方案或续约时调整面积。"),
                "payment" => T("Pay bills by their due date: set up an automatic transfer so that no bill runs late.",
                    "请按期缴费：建议设置自动转账，避免逾期。"),
                "customer" => T("Customers complain often for the number of receipts: brief the staff on service and refunds and answer complaints within a day.",
                    "按交易笔数计投诉偏多：建议加强员工服务与退换货培训，并在一天内回复顾客投诉。"),
                "compliance" => T("Patrols found several issues: keep the mall's opening hours and check hygiene and fire safety daily.",
                    "巡场发现问题较多：请严格遵守商场营业时间，并每日自查卫生与消防安全。"),
                _ => null,
            };
            if (text is not null)
                yield return text;
        }
        if (score.Pillars.FirstOrDefault(p => p.Name == "productivity") is { Score: >= 80 })
        {
            yield return T("Your sales per m² are among the best of your category: keep the current range and staffing through the next season.",
                "您的坪效位居同业态前列：建议在下一季保持现有商品结构与人员配置。");
        }
        var next = data.Period.AddMonths(1);
        yield return T($"Agree your promotions for {Language.Month(next.Year, next.Month)} with the operations team, so they run with the mall's own campaigns.",
            $"请与运营部商定{Language.Month(next.Year, next.Month)}的促销安排，与商场营销活动同步开展。");
        yield return T("Share your monthly sales and receipts on time: the figures on this sheet are only as good as the data reported.",
            "请按时报送每月销售额与交易笔数：本报告的数据质量取决于报送数据。");
    }
}
