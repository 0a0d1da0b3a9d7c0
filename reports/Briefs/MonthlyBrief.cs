using Analytics.Model.Contest;
using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Model.Scoring;
using Analytics.Reports.Data;
using Analytics.Reports.Documents;
using Analytics.Reports.Language;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs;

/// <summary>
/// The GM's monthly brief: key figures and what changed, 13-month trends, categories, floors, scores, the
/// replacement shortlist and adjustment lists, lease expiries with WALE, arrears aging and complaints.
/// </summary>
internal sealed class MonthlyBrief(ReportData data, string mallName, ReportLanguage language, ReportSettings settings, DateOnly generatedOn)
    : BriefDocument(language, settings, generatedOn)
{
    private DateOnly Period => data.Period;

    private string MonthText => Language.Month(Period.Year, Period.Month);

    public override DocumentMetadata Metadata => new(
        Title: T($"Monthly brief — {MonthText}", $"月度经营简报 — {MonthText}"),
        Author: T("Operations analytics", "运营分析组"),
        Subject: T($"{mallName}: sales, occupancy, rent, scores and flags", $"{mallName}：销售、出租、租金、评分与预警"),
        Keywords: $"monthly, {mallName}, {Month.Format(Period)}");

    protected override string BandTitle => Metadata.Title;

    protected override string BandPeriod => mallName;

    /// <summary>The section headings, in order (tests check the document against this list).</summary>
    public IReadOnlyList<string> Sections =>
    [
        T("1. Executive summary", "一、经营摘要"),
        T("2. Trends over 13 months", "二、近13个月走势"),
        T("3. Categories", "三、业态表现"),
        T("4. Floors", "四、楼层表现"),
        T("5. Tenant scores", "五、商户评分分布"),
        T("6. Replacement shortlist", "六、建议更替名单"),
        T("7. Rent and operating adjustments", "七、租金与经营调整"),
        T("8. Lease expiries", "八、租约到期"),
        T("9. Arrears aging", "九、欠费账龄"),
        T("10. Complaints", "十、顾客投诉"),
        Language.Label("monthly_audit"),
        Language.Label("monthly_budget"),
        Language.Label("monthly_requests"),
        T("14. Sales contest", "十四、营业竞赛"),
        T("15. Merchant sheets by mail", "十五、商户报告邮件发送"),
    ];

    protected override void ComposeContent(ContentBuilder content)
    {
        content.Paragraph(Metadata.Title, Typography.Title);
        content.Paragraph(T($"{mallName} · as of {Language.Date(data.AsOf)} · {data.Current.Count} tenants in force",
            $"{mallName} · 截至 {Language.Date(data.AsOf)} · 在营商户 {data.Current.Count} 家"), Typography.Note);
        ComposeSummary(content);
        ComposeTrends(content);
        ComposeCategories(content);
        ComposeFloors(content);
        ComposeScores(content);
        ComposeShortlist(content);
        ComposeAdjustments(content);
        ComposeExpiries(content);
        ComposeArrears(content);
        ComposeComplaints(content);
        ComposeAudit(content);
        ComposeBudget(content);
        ComposeRequests(content);
        ComposeContest(content);
        ComposeSheetDeliveries(content);
    }

    // ---- 1. Summary -------------------------------------------------------------------------------------------

    private decimal Arrears(IEnumerable<TenantMetricsRow> rows) => rows.Sum(r => r.Arrears);

    private IReadOnlyList<TenantMetricsRow> PreviousMonth =>
        data.History.Values.SelectMany(h => h).Where(r => r.Period == Period.AddMonths(-1)).ToList();

    internal long TenantComplaints => data.Current.Sum(r => r.Complaints);

    private void ComposeSummary(ContentBuilder content)
    {
        content.Heading1(Sections[0]);
        var mall = data.Mall;
        var ly = data.MallYearBefore;
        var prev = data.MallSeries.Count > 1 ? data.MallSeries[^2] : null;
        var vsLy = Language.Label("vs_last_year");
        var vsLm = T("vs last month", "环比");
        var arrearsNow = Arrears(data.Current);
        var arrearsPrev = Arrears(PreviousMonth);
        var complaintsPrev = PreviousMonth.Sum(r => r.Complaints);
        var salesYoy = ly is null ? null : Growth(mall.MallSales, ly.MallSales);
        var densityYoy = Growth(mall.MallDensity, ly?.MallDensity);
        var footfallYoy = Growth(mall.Footfall, ly?.Footfall);
        var conversionYoy = Growth(mall.Conversion, ly?.Conversion);
        var arrearsChange = Growth(arrearsNow, arrearsPrev);
        var complaintsChange = Growth((decimal)TenantComplaints, complaintsPrev);
        content.Kpis(
            new KpiTile(Language.Label("net_sales"), BigMoney(mall.MallSales), Delta(salesYoy, vsLy), Tone(salesYoy, true)),
            new KpiTile(Language.Label("sales_density"), Money(mall.MallDensity), Delta(densityYoy, vsLy), Tone(densityYoy, true)),
            new KpiTile(Language.Label("occupancy_rate"), Percent(mall.OccupancyRate), Points(mall.OccupancyRate, ly?.OccupancyRate, vsLy), PointsTone(mall.OccupancyRate, ly?.OccupancyRate)),
            new KpiTile(Language.Label("collection_rate"), Percent(mall.CollectionRate), Points(mall.CollectionRate, prev?.CollectionRate, vsLm), PointsTone(mall.CollectionRate, prev?.CollectionRate)));
        content.Kpis(
            new KpiTile(Language.Label("arrears"), Money(arrearsNow), Delta(arrearsChange, vsLm), Tone(arrearsChange, false)),
            new KpiTile(Language.Label("footfall"), Number(mall.Footfall), Delta(footfallYoy, vsLy), Tone(footfallYoy, true)),
            new KpiTile(T("Conversion", "提袋率"), Percent(mall.Conversion), Delta(conversionYoy, vsLy), Tone(conversionYoy, true)),
            new KpiTile(T("Complaints about tenants", "商户投诉"), Count(TenantComplaints), Delta(complaintsChange, vsLm), Tone(complaintsChange, false)));
        content.Heading2(T("What changed", "本月要点"));
        content.Bullets(Findings(salesYoy, arrearsNow, arrearsPrev).ToArray());
    }

    private string? Points(double? now, double? before, string against) => now is { } n && before is { } b
        ? Language.Number((n - b) * 100, 1) is var p && n - b >= 0 ? $"+{p} {T("pts", "个百分点")} {against}" : $"{p} {T("pts", "个百分点")} {against}"
        : null;

    private static KpiTone PointsTone(double? now, double? before) =>
        now is { } n && before is { } b ? KpiTile.ToneOf(n - b, higherIsBetter: true) : KpiTone.Neutral;

    /// <summary>A few sentences on what moved and where it came from, each from the tables below.</summary>
    private IEnumerable<string> Findings(double? salesYoy, decimal arrearsNow, decimal arrearsPrev)
    {
        var categories = CategoryRows();
        if (salesYoy is { } yoy)
        {
            var driver = categories.Where(c => c.SalesYearBefore > 0).OrderByDescending(c => Math.Abs(c.Sales - c.SalesYearBefore)).FirstOrDefault();
            var sentence = T($"Net sales were {Money(data.Mall.MallSales)}, {Language.SignedPercent(yoy)} on the same month last year",
                $"本月销售额 {Money(data.Mall.MallSales)}，同比 {Language.SignedPercent(yoy)}");
            if (driver is not null)
            {
                var moved = driver.Sales - driver.SalesYearBefore;
                sentence += T($"; the largest move was {Name(driver.Category)} ({(moved >= 0 ? "+" : "")}{Money(moved)}, {Change(Growth(driver.Sales, driver.SalesYearBefore))}).",
                    $"；变动最大的业态是{Name(driver.Category)}（{(moved >= 0 ? "+" : "")}{Money(moved)}，{Change(Growth(driver.Sales, driver.SalesYearBefore))}）。");
            }
            else
            {
                sentence += T(".", "。");
            }
            // Sales move with footfall and conversion (and ticket): say which of the first two moved with it.
            var footfall = Growth((double?)data.Mall.Footfall, data.MallYearBefore?.Footfall);
            var conversion = Growth(data.Mall.Conversion, data.MallYearBefore?.Conversion);
            if (footfall is not null || conversion is not null)
            {
                sentence += T($" Footfall moved {Change(footfall)} and conversion {Change(conversion)} on last year.",
                    $"客流同比 {Change(footfall)}，提袋率同比 {Change(conversion)}。");
            }
            yield return sentence;
        }
        var best = categories.Where(c => c.Yoy is not null).OrderByDescending(c => c.Yoy).FirstOrDefault();
        var worst = categories.Where(c => c.Yoy is not null).OrderBy(c => c.Yoy).FirstOrDefault();
        if (best is not null && worst is not null && best.Category != worst.Category)
        {
            yield return T($"Strongest category: {Name(best.Category)} ({Change(best.Yoy)} year on year); weakest: {Name(worst.Category)} ({Change(worst.Yoy)}).",
                $"增长最快的业态为{Name(best.Category)}（同比 {Change(best.Yoy)}），最弱为{Name(worst.Category)}（同比 {Change(worst.Yoy)}）。");
        }
        yield return T($"Arrears stand at {Money(arrearsNow)} ({Money(arrearsNow - arrearsPrev)} on last month); {Money(data.Current.Sum(r => r.Aging61To90 + r.AgingOver90))} is more than 60 days overdue.",
            $"欠费余额 {Money(arrearsNow)}（较上月 {(arrearsNow - arrearsPrev >= 0 ? "+" : "")}{Money(arrearsNow - arrearsPrev)}），其中逾期超过60天的为 {Money(data.Current.Sum(r => r.Aging61To90 + r.AgingOver90))}。");
        var flags = data.Analysis.Flags;
        yield return T(
            $"The analysis flags {flags.Count(f => f.Code == FlagCodes.Replace)} replacement candidates, {flags.Count(f => f.Code == FlagCodes.RentRelief)} tenants for rent relief, {flags.Count(f => f.Code == FlagCodes.RentReviewUp)} for a rent review up, {flags.Count(f => f.Code == FlagCodes.ImprovementPlan)} improvement plans and {flags.Count(f => f.Code == FlagCodes.SalesAudit)} sales audits (sections 6 and 7).",
            $"本月分析共提示建议更替 {flags.Count(f => f.Code == FlagCodes.Replace)} 家、租金减免评估 {flags.Count(f => f.Code == FlagCodes.RentRelief)} 家、租金上调评估 {flags.Count(f => f.Code == FlagCodes.RentReviewUp)} 家、整改计划 {flags.Count(f => f.Code == FlagCodes.ImprovementPlan)} 家、销售核查 {flags.Count(f => f.Code == FlagCodes.SalesAudit)} 家（见第六、七部分）。");
        var expiring = data.Current.Count(r => r.LeaseEnd > data.AsOf && r.LeaseEnd <= data.AsOf.AddDays(Settings.ExpiryNoticeDays.Max()));
        yield return T($"{expiring} leases end within {Settings.ExpiryNoticeDays.Max()} days; the weighted average lease expiry is {Number(Wale(), 1)} years.",
            $"{Settings.ExpiryNoticeDays.Max()}天内到期租约 {expiring} 份；加权平均剩余租期 {Number(Wale(), 1)} 年。");
    }

    // ---- 2. Trends --------------------------------------------------------------------------------------------

    private void ComposeTrends(ContentBuilder content)
    {
        content.Heading1(Sections[1]);
        var months = data.MallSeries.Select(m => m.Period).ToList();
        content.Chart(BriefCharts.MonthBars(T("Net sales by month (¥ million)", "月销售额（百万元）"), months,
            data.MallSeries.Select(m => (double)m.MallSales / 1_000_000).ToList(), Language), height: 180);
        content.Charts(185,
            BriefCharts.Lines(T("Footfall (thousands)", "客流（千人次）"), months, Language,
                (Language.Label("footfall"), data.MallSeries.Select(m => m.Footfall is { } f ? f / 1000.0 : (double?)null).ToList(), BriefCharts.Primary)),
            BriefCharts.Lines(T("Rates (%)", "比率（%）"), months, Language,
                (Language.Label("occupancy_rate"), data.MallSeries.Select(m => m.OccupancyRate * 100).ToList(), BriefCharts.Primary),
                (Language.Label("collection_rate"), data.MallSeries.Select(m => m.CollectionRate * 100).ToList(), BriefCharts.Benchmark),
                (T("Conversion", "提袋率"), data.MallSeries.Select(m => m.Conversion * 100).ToList(), BriefCharts.Secondary)));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("month"), 1.2f))
                .Column(TableColumn.Number(Language.Label("net_sales"), 1.6f))
                .Column(TableColumn.Number(Language.Label("sales_density"), 1.1f))
                .Column(TableColumn.Number(Language.Label("occupancy_rate"), 1f))
                .Column(TableColumn.Number(Language.Label("collection_rate"), 1f))
                .Column(TableColumn.Number(Language.Label("footfall"), 1.2f))
                .Column(TableColumn.Number(T("Conversion", "提袋率"), 1f));
            foreach (var m in data.MallSeries)
            {
                t.Row(Language.Month(m.Period.Year, m.Period.Month), Money(m.MallSales), Money(m.MallDensity), Percent(m.OccupancyRate),
                    Percent(m.CollectionRate), Number(m.Footfall), Percent(m.Conversion));
            }
        });
    }

    // ---- 3 and 4. Categories and floors -----------------------------------------------------------------------

    private sealed record GroupRow(string Category, int Tenants, decimal Area, decimal Sales, decimal SalesYearBefore, double? Density, double? Yoy, double? Ocr);

    private List<GroupRow> CategoryRows() => Groups(r => r.Category);

    private List<GroupRow> Groups(Func<TenantMetricsRow, string?> key)
    {
        // Sums of the tenants' metrics: sales per m² is the group's sales over its leased area, YoY the group's sales
        // against the same group a year before, OCR the group's occupancy cost over the sales of tenants with a bill.
        var before = data.YearBefore.GroupBy(r => key(r) ?? "").ToDictionary(g => g.Key, g => g.Sum(r => r.NetSales));
        return data.Current.GroupBy(r => key(r) ?? "").Select(g =>
        {
            var area = g.Sum(r => r.AreaSqm ?? 0);
            var sales = g.Sum(r => r.NetSales);
            var billed = g.Where(r => r.OccupancyCost is not null && r.NetSales > 0).ToList();
            var ly = before.GetValueOrDefault(g.Key);
            return new GroupRow(g.Key, g.Count(), area, sales, ly, area > 0 ? (double)(sales / area) : null, Growth(sales, ly),
                billed.Sum(r => r.NetSales) > 0 ? (double)(billed.Sum(r => r.OccupancyCost!.Value) / billed.Sum(r => r.NetSales)) : null);
        }).OrderByDescending(g => g.Sales).ThenBy(g => g.Category, StringComparer.Ordinal).ToList();
    }

    private void ComposeCategories(ContentBuilder content)
    {
        content.Heading1(Sections[2]);
        var rows = CategoryRows();
        var total = rows.Sum(r => r.Sales);
        content.Chart(BriefCharts.Bars(T("Share of net sales by category (%)", "各业态销售占比（%）"), rows.Select(r => Name(r.Category)).ToList(),
            rows.Select(r => total > 0 ? (double)(r.Sales / total) * 100 : 0).ToList()), height: 150);
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("category"), 1.3f))
                .Column(TableColumn.Number(T("Tenants", "商户数"), 0.8f))
                .Column(TableColumn.Number(Language.Label("net_sales"), 1.6f))
                .Column(TableColumn.Number(T("Share", "占比"), 0.8f))
                .Column(TableColumn.Number(Language.Label("sales_density"), 1.1f))
                .Column(TableColumn.Number(T("YoY", "同比"), 0.9f))
                .Column(TableColumn.Number(Language.Label("ocr"), 1.1f))
                .Column(TableColumn.Number(T("Healthy band", "健康区间"), 1.1f));
            foreach (var r in rows)
            {
                var band = data.Analysis.Settings.BandOf(r.Category);
                t.Row(new TableCell(Name(r.Category)), new TableCell(Count(r.Tenants)), new TableCell(Money(r.Sales)),
                    new TableCell(Percent(total > 0 ? (double)(r.Sales / total) : null)), new TableCell(Money(r.Density)),
                    new TableCell(Change(r.Yoy), Tone(r.Yoy, true)),
                    new TableCell(Percent(r.Ocr), r.Ocr > band.High ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell($"{Language.Percent(band.Low, 0)}–{Language.Percent(band.High, 0)}"));
            }
        });
    }

    private void ComposeFloors(ContentBuilder content)
    {
        content.Heading1(Sections[3]);
        if (NoData(content, data.Analysis.Availability.Floor, "data_floor"))
            return;
        var rows = Groups(r => r.Floor).OrderBy(r => FloorOrder(r.Category)).ToList();
        var total = rows.Sum(r => r.Sales);
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("floor"), 0.8f))
                .Column(TableColumn.Number(T("Tenants", "商户数"), 0.8f))
                .Column(TableColumn.Number(Language.Label("area_sqm"), 1.1f))
                .Column(TableColumn.Number(Language.Label("net_sales"), 1.6f))
                .Column(TableColumn.Number(T("Share", "占比"), 0.8f))
                .Column(TableColumn.Number(Language.Label("sales_density"), 1.1f))
                .Column(TableColumn.Number(T("YoY", "同比"), 0.9f))
                .Column(TableColumn.Number(Language.Label("ocr"), 1.1f));
            foreach (var r in rows)
            {
                t.Row(new TableCell(r.Category), new TableCell(Count(r.Tenants)), new TableCell(Number((double)r.Area)), new TableCell(Money(r.Sales)),
                    new TableCell(Percent(total > 0 ? (double)(r.Sales / total) : null)), new TableCell(Money(r.Density)),
                    new TableCell(Change(r.Yoy), Tone(r.Yoy, true)), new TableCell(Percent(r.Ocr)));
            }
        });
    }

    /// <summary>Basement floors first (B2 before B1), then 1F, 2F, ...; anything else after, by name.</summary>
    internal static (int, string) FloorOrder(string floor)
    {
        if (floor.Length > 1 && floor[0] is 'B' or 'b' && int.TryParse(floor[1..], out var b))
            return (-b, floor);
        if (floor.Length > 1 && floor[^1] is 'F' or 'f' && int.TryParse(floor[..^1], out var f))
            return (f, floor);
        return (int.MaxValue, floor);
    }

    // ---- 5. Scores --------------------------------------------------------------------------------------------

    private void ComposeScores(ContentBuilder content)
    {
        content.Heading1(Sections[4]);
        var scores = data.Analysis.Scores.Where(s => s.Total is not null).Select(s => s.Total!.Value).ToList();
        var bands = Enumerable.Range(0, 10).Select(i => i * 10).ToList();
        var counts = bands.Select(b => (double)scores.Count(s => s >= b && (s < b + 10 || (b == 90 && s <= 100)))).ToList();
        var median = scores.Count == 0 ? (double?)null : Median(scores);
        content.Paragraph(T(
            $"{scores.Count} tenants have a score; the median is {Number(median, 1)}. {scores.Count(s => s < 40)} score under 40 and {scores.Count(s => s >= 70)} score 70 or more. A score weighs six pillars (productivity, trend, affordability, payment, customers, compliance) against the tenant's category peers.",
            $"共 {scores.Count} 家商户有评分，中位数 {Number(median, 1)}；低于40分的 {scores.Count(s => s < 40)} 家，70分及以上的 {scores.Count(s => s >= 70)} 家。评分综合坪效、增长、租金负担、缴费、顾客评价、经营合规六个维度，均与同业态同行比较。"));
        content.Chart(BriefCharts.Bars(T("Tenants by score band", "各分数段商户数"),
            bands.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture) + "–" + (b + 9 + (b == 90 ? 1 : 0)).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), counts), height: 150);
    }

    internal static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    // ---- 6 and 7. Flags ---------------------------------------------------------------------------------------

    private void ComposeShortlist(ContentBuilder content)
    {
        content.Heading1(Sections[5]);
        var replace = Flagged(FlagCodes.Replace);
        content.Paragraph(T(
            "Ranked by the re-letting opportunity: a year of sales the unit should achieve but does not, plus the rent at risk. Every candidate under-performs its category peers persistently and what the unit should achieve, with arrears or rising complaints.",
            "按重新招商的机会排序：该铺位应达而未达的一年销售额，加上面临风险的租金。名单上的商户均持续低于同业态同行和铺位预期水平，并伴有欠费或投诉上升。"), Typography.Note);
        FlagTable(content, replace, withOpportunity: true);
        ComposeTrackRecord(content);
    }

    /// <summary>How often the flags were right before: the latest backtest kept in the warehouse, 6-month outcomes.</summary>
    private void ComposeTrackRecord(ContentBuilder content)
    {
        content.Heading2(Language.Label("track_record"));
        if (data.Analysis.TrackRecord is not { } record)
        {
            content.Paragraph(Language.Label("track_record_none"), Typography.Note);
            return;
        }

        var items = record.Records.Where(r => r.HorizonMonths == 6 && r.Flagged > 0 && r.Precision is not null)
            .Select(r => Language.Label("track_record_item", Terms.Name(r.Flag, Language), r.Hits, r.Flagged,
                Language.Percent(r.Precision!.Value, 0), r.Lift is { } lift ? Language.Number(lift, 1) : "–"))
            .ToList();
        content.Paragraph(Language.Label("track_record_intro", Month.Format(record.From), Month.Format(record.To))
            + (items.Count == 0 ? Language.Label("track_record_empty") : string.Join(Language.IsChinese ? "；" : "; ", items)) + (Language.IsChinese ? "。" : "."),
            Typography.Note);
    }

    private void ComposeAdjustments(ContentBuilder content)
    {
        content.Heading1(Sections[6]);
        foreach (var (code, en, zh) in new[]
                 {
                     (FlagCodes.RentRelief, "Rent relief to consider", "建议评估租金减免"),
                     (FlagCodes.RentReviewUp, "Rent to review upwards", "建议评估租金上调"),
                     (FlagCodes.ImprovementPlan, "Improvement plans", "建议整改计划"),
                     (FlagCodes.SalesAudit, "Sales audits", "建议销售核查"),
                     (FlagCodes.Watch, "Watch list", "重点关注名单"),
                 })
        {
            content.Heading2(T(en, zh));
            FlagTable(content, Flagged(code), withOpportunity: false);
        }
    }

    private List<TenantFlag> Flagged(string code) =>
        data.Analysis.Flags.Where(f => f.Code == code).OrderBy(f => f.Priority).ThenByDescending(f => f.RankValue)
            .ThenBy(f => f.Score.Frame.Metrics.TenantId, StringComparer.Ordinal).ToList();

    private void FlagTable(ContentBuilder content, IReadOnlyList<TenantFlag> flags, bool withOpportunity)
    {
        if (flags.Count == 0)
        {
            None(content, "None this month.", "本月无。");
            return;
        }
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.7f))
                .Column(TableColumn.Text(Language.Label("category"), 1.1f))
                .Column(TableColumn.Number(T("Score", "评分"), 0.6f))
                .Column(TableColumn.Text(T("Priority", "优先级"), 0.85f));
            if (withOpportunity)
                t.Column(TableColumn.Number(T("Opportunity a year", "年机会值"), 1.25f));
            t.Column(TableColumn.Text(T("Reasons", "原因"), withOpportunity ? 4.0f : 5.2f));
            foreach (var f in flags)
            {
                var m = f.Score.Frame.Metrics;
                var cells = new List<TableCell>
                {
                    // One line per cell but the reasons: extracted text then keeps each reason whole (a search finds it).
                    new($"{m.TenantName} ({m.TenantId})"), new(Name(m.Category)), new(Number(f.Score.Total, 1)),
                    new(Terms.Priority(f.Priority, Language), f.Priority == Priority.High ? KpiTone.Bad : KpiTone.Neutral),
                };
                if (withOpportunity)
                    cells.Add(new TableCell(Money((f.Opportunity ?? 0) + (f.RentAtRisk ?? 0))));
                // The team's standing decision on the flag follows its reasons (the workspace records them).
                var decision = data.Decisions.TryGetValue((m.TenantId, f.Code), out var d) ? " " + d.Describe(Language.Code) : "";
                cells.Add(new TableCell(f.ReasonsText(Language.Code) + decision));
                t.Row(cells.ToArray());
            }
        });
    }

    // ---- 8. Expiries ------------------------------------------------------------------------------------------

    /// <summary>
    /// Weighted average lease expiry in years: each lease in force on D weighted by its monthly base rent (income),
    /// the usual convention; leases already past their end (holding over) count as 0.
    /// </summary>
    internal double? Wale()
    {
        var rows = data.Current.Where(r => r.BaseRent > 0).ToList();
        var rent = rows.Sum(r => r.BaseRent);
        return rent > 0
            ? rows.Sum(r => (double)r.BaseRent * Math.Max(0, r.LeaseEnd.DayNumber - data.AsOf.DayNumber) / 365.25) / (double)rent
            : null;
    }

    private void ComposeExpiries(ContentBuilder content)
    {
        content.Heading1(Sections[7]);
        var horizon = data.AsOf.AddMonths(Settings.ExpiryMonths);
        var expiring = data.Current.Where(r => r.LeaseEnd > data.AsOf && r.LeaseEnd <= horizon).ToList();
        var totalArea = data.Current.Sum(r => r.AreaSqm ?? 0);
        content.Paragraph(T(
            $"Weighted average lease expiry (by base rent): {Number(Wale(), 1)} years. {expiring.Count} leases covering {Number((double)expiring.Sum(r => r.AreaSqm ?? 0))} m² ({Percent(totalArea > 0 ? (double)(expiring.Sum(r => r.AreaSqm ?? 0) / totalArea) : null)} of the leased area) end in the next {Settings.ExpiryMonths} months.",
            $"加权平均剩余租期（按保底租金加权）：{Number(Wale(), 1)} 年。未来 {Settings.ExpiryMonths} 个月内到期租约 {expiring.Count} 份，面积 {Number((double)expiring.Sum(r => r.AreaSqm ?? 0))} ㎡（占已出租面积 {Percent(totalArea > 0 ? (double)(expiring.Sum(r => r.AreaSqm ?? 0) / totalArea) : null)}）。"));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("month"), 1.3f))
                .Column(TableColumn.Number(T("Leases", "租约数"), 0.8f))
                .Column(TableColumn.Number(Language.Label("area_sqm"), 1f))
                .Column(TableColumn.Number(T("Base rent a month", "月保底租金"), 1.4f));
            for (var i = 1; i <= Settings.ExpiryMonths; i++)
            {
                var month = Period.AddMonths(i);
                var inMonth = expiring.Where(r => Month.First(r.LeaseEnd) == month).ToList();
                t.Row(Language.Month(month.Year, month.Month), Count(inMonth.Count), Number((double)inMonth.Sum(r => r.AreaSqm ?? 0)), Money(inMonth.Sum(r => r.BaseRent)));
            }
        });
        var notice = Settings.ExpiryNoticeDays.Max();
        content.Heading2(T($"Leases ending within {notice} days", $"{notice}天内到期的租约"));
        var soon = expiring.Where(r => r.LeaseEnd.DayNumber - data.AsOf.DayNumber <= notice)
            .OrderBy(r => r.LeaseEnd).ThenBy(r => r.TenantId, StringComparer.Ordinal).ToList();
        if (soon.Count == 0)
        {
            None(content, "None.", "无。");
            return;
        }
        var flagsByTenant = data.Analysis.Flags.ToLookup(f => f.Score.Frame.Metrics.TenantId, StringComparer.Ordinal);
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.8f))
                .Column(TableColumn.Text(Language.Label("category"), 1f))
                .Column(TableColumn.Text(Language.Label("floor"), 0.6f))
                .Column(TableColumn.Number(Language.Label("area_sqm"), 0.9f))
                .Column(TableColumn.Text(T("Lease ends", "到期日"), 1.2f))
                .Column(TableColumn.Text(T("Within", "剩余"), 0.9f))
                .Column(TableColumn.Text(T("Flags", "预警"), 1.5f));
            foreach (var r in soon)
            {
                var days = r.LeaseEnd.DayNumber - data.AsOf.DayNumber;
                var bucket = Settings.ExpiryNoticeDays.Order().First(d => days <= d);
                t.Row(new TableCell(r.TenantName + " (" + r.TenantId + ")"), new TableCell(Name(r.Category)), new TableCell(r.Floor ?? ""),
                    new TableCell(Number((double)(r.AreaSqm ?? 0))), new TableCell(Language.Date(r.LeaseEnd)),
                    new TableCell(T($"{bucket} days", $"{bucket}天内"), bucket <= Settings.ExpiryNoticeDays.Min() ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(string.Join(T(", ", "、"), flagsByTenant[r.TenantId].Select(f => Name(f.Code)))));
            }
        });
    }

    // ---- 9. Arrears -------------------------------------------------------------------------------------------

    private void ComposeArrears(ContentBuilder content)
    {
        content.Heading1(Sections[8]);
        if (NoData(content, data.Analysis.Availability.Rent, "data_rent"))
            return;
        var rows = data.Current;
        var buckets = new (string En, string Zh, decimal Amount)[]
        {
            ("1–30 days", "1–30天", rows.Sum(r => r.Aging1To30)),
            ("31–60 days", "31–60天", rows.Sum(r => r.Aging31To60)),
            ("61–90 days", "61–90天", rows.Sum(r => r.Aging61To90)),
            ("Over 90 days", "90天以上", rows.Sum(r => r.AgingOver90)),
        };
        var total = Arrears(rows);
        var aged = buckets.Sum(b => b.Amount);
        content.Paragraph(T(
            $"Arrears on {Language.Date(data.AsOf)}: {Money(total)} owed by {rows.Count(r => r.Arrears > 0)} tenants. Bills due on that day are owed but not yet overdue ({Money(total - aged)}), so they are in no bucket.",
            $"截至 {Language.Date(data.AsOf)} 欠费合计 {Money(total)}，涉及 {rows.Count(r => r.Arrears > 0)} 家商户。当日到期的账单计入欠费但尚未逾期（{Money(total - aged)}），不计入任何账龄段。"));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(T("Days overdue", "逾期天数"), 1.5f))
                .Column(TableColumn.Number(T("Amount", "金额"), 1.5f))
                .Column(TableColumn.Number(T("Share of overdue", "占逾期比例"), 1.2f))
                .Column(TableColumn.Number(T("Tenants", "商户数"), 1f));
            var counts = new[]
            {
                rows.Count(r => r.Aging1To30 > 0), rows.Count(r => r.Aging31To60 > 0), rows.Count(r => r.Aging61To90 > 0), rows.Count(r => r.AgingOver90 > 0),
            };
            for (var i = 0; i < buckets.Length; i++)
            {
                t.Row(new TableCell(T(buckets[i].En, buckets[i].Zh)), new TableCell(Money(buckets[i].Amount), i >= 2 && buckets[i].Amount > 0 ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(Percent(aged > 0 ? (double)(buckets[i].Amount / aged) : null)), new TableCell(Count(counts[i])));
            }
        });
        var top = rows.Where(r => r.Arrears > 0).OrderByDescending(r => r.Arrears).ThenBy(r => r.TenantId, StringComparer.Ordinal).ToList();
        if (top.Count == 0)
            return;
        content.Heading2(T("Largest arrears", "欠费金额最大的商户"));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.9f))
                .Column(TableColumn.Number(Language.Label("arrears"), 1.2f))
                .Column(TableColumn.Number(T("Oldest (days)", "最长逾期（天）"), 1f))
                .Column(TableColumn.Number(T("1–30", "1–30天"), 1f))
                .Column(TableColumn.Number(T("31–60", "31–60天"), 1f))
                .Column(TableColumn.Number(T("61–90", "61–90天"), 1f))
                .Column(TableColumn.Number(T("> 90", "90天以上"), 1f));
            foreach (var r in top.Take(Settings.ArrearsListRows))
            {
                t.Row(new TableCell(r.TenantName + " (" + r.TenantId + ")"), new TableCell(Money(r.Arrears)),
                    new TableCell(Count(r.ArrearsDays), r.ArrearsDays > 60 ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(Money(r.Aging1To30)), new TableCell(Money(r.Aging31To60)), new TableCell(Money(r.Aging61To90)), new TableCell(Money(r.AgingOver90)));
            }
        });
        More(content, top.Count, Settings.ArrearsListRows);
    }

    // ---- 10. Complaints ---------------------------------------------------------------------------------------

    private void ComposeComplaints(ContentBuilder content)
    {
        content.Heading1(Sections[9]);
        if (NoData(content, data.Analysis.Availability.Complaints, "data_complaints"))
            return;
        var rows = data.ComplaintsByCategory;
        content.Paragraph(T(
            $"{rows.Sum(r => r.Count)} complaints were received in {MonthText} ({rows.Sum(r => r.AboutMall)} about the mall itself); {rows.Sum(r => r.OpenAtEnd)} were still open at month end. Resolution time is from receipt to resolution, for complaints resolved by month end.",
            $"{MonthText}共收到投诉 {rows.Sum(r => r.Count)} 宗（其中针对商场本身 {rows.Sum(r => r.AboutMall)} 宗），月末仍未处理 {rows.Sum(r => r.OpenAtEnd)} 宗。处理时长为月末前已处理投诉从受理到办结的时间。"));
        if (rows.Count == 0)
            return;
        content.Table(t =>
        {
            t.Column(TableColumn.Text(T("Kind", "类别"), 1.2f))
                .Column(TableColumn.Number(T("Complaints", "投诉数"), 1f))
                .Column(TableColumn.Number(T("By severity", "按严重度加权"), 1.1f))
                .Column(TableColumn.Number(T("About the mall", "针对商场"), 1f))
                .Column(TableColumn.Number(T("Resolved", "已处理"), 0.9f))
                .Column(TableColumn.Number(T("Open", "未处理"), 0.9f))
                .Column(TableColumn.Number(T("Median hours", "处理时长中位数（小时）"), 1.3f))
                .Column(TableColumn.Number(T("90% within (h)", "90%办结时长（小时）"), 1.3f));
            foreach (var r in rows)
            {
                t.Row(new TableCell(Name(r.Category)), new TableCell(Count(r.Count)), new TableCell(Count(r.Weighted)), new TableCell(Count(r.AboutMall)),
                    new TableCell(Count(r.Resolved)), new TableCell(Count(r.OpenAtEnd), r.OpenAtEnd > 0 ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(Number(r.MedianHours, 1)), new TableCell(Number(r.P90Hours, 1)));
            }
        });
    }

    // ---- 11. Turnover-rent audit ------------------------------------------------------------------------------

    private void ComposeAudit(ContentBuilder content)
    {
        content.Heading1(Sections[10]);
        var findings = data.Audit;
        if (findings.Count == 0)
        {
            content.Paragraph(Language.Label("audit_none", MonthText));
            return;
        }

        var under = findings.Where(f => f.Difference < 0).ToList();
        var over = findings.Where(f => f.Difference > 0).ToList();
        content.Paragraph(Language.Label("audit_summary", MonthText, Count(findings.Count), Count(under.Count), Money(-under.Sum(f => f.Difference)),
            Count(over.Count), Money(over.Sum(f => f.Difference))));
        content.Heading2(Language.Label("audit_largest"));
        var largest = findings.OrderByDescending(f => Math.Abs(f.Difference)).ThenBy(f => f.TenantId, StringComparer.Ordinal).ThenBy(f => f.Period)
            .Take(Settings.Movers).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.8f))
                .Column(TableColumn.Text(Language.Label("period"), 0.8f))
                .Column(TableColumn.Number(Language.Label("net_sales"), 1.1f))
                .Column(TableColumn.Number(Language.Label("expected"), 1f))
                .Column(TableColumn.Number(Language.Label("billed"), 1f))
                .Column(TableColumn.Number(Language.Label("difference"), 1f))
                .Column(TableColumn.Text(Language.Label("why"), 1.2f));
            foreach (var f in largest)
            {
                t.Row(new TableCell($"{f.TenantName} ({f.TenantId})"), new TableCell(Month.Format(f.Period)), new TableCell(Money(f.NetSales)),
                    new TableCell(Money(f.Expected)), new TableCell(Money(f.Billed)),
                    new TableCell(Money(f.Difference), f.Difference < 0 ? KpiTone.Bad : KpiTone.Neutral), new TableCell(Name(f.Reason)));
            }
        });
        More(content, findings.Count, largest.Count);
    }

    // ---- 12. Budget -------------------------------------------------------------------------------------------

    private void ComposeBudget(ContentBuilder content)
    {
        content.Heading1(Sections[11]);
        if (data.Budget is not { HasBudget: true } budget)
        {
            content.Paragraph(Language.Label("budget_none"), Typography.Note);
            return;
        }

        content.Table(t =>
        {
            t.Column(TableColumn.Text("", 1.8f))
                .Column(TableColumn.Number(Language.Label("budget_actual"), 1.2f))
                .Column(TableColumn.Number(Language.Label("budget_target"), 1.2f))
                .Column(TableColumn.Number(Language.Label("budget_vs"), 1f));
            void Line(string label, decimal actual, decimal target, double? vs) => t.Row(new TableCell(Language.Label(label)), new TableCell(BigMoney(actual)),
                new TableCell(BigMoney(target)), new TableCell(Change(vs), vs < 0 ? KpiTone.Bad : KpiTone.Neutral));
            Line("budget_sales_month", budget.Month.NetSales, budget.Month.SalesBudget, budget.Month.SalesVsBudget);
            Line("budget_sales_ytd", budget.Ytd.NetSales, budget.Ytd.SalesBudget, budget.Ytd.SalesVsBudget);
            Line("budget_rent_month", budget.Month.OccupancyCost, budget.Month.RentBudget, budget.Month.RentVsBudget);
            Line("budget_rent_ytd", budget.Ytd.OccupancyCost, budget.Ytd.RentBudget, budget.Ytd.RentVsBudget);
        });
        content.Paragraph(Language.Label("budget_note"), Typography.Note);
        var furthest = budget.Tenants.Where(b => b.Ytd.SalesVsBudget < 0).OrderBy(b => b.Ytd.SalesVsBudget).ThenBy(b => b.TenantId, StringComparer.Ordinal)
            .Take(Settings.Movers).ToList();
        if (furthest.Count == 0)
            return;
        content.Heading2(Language.Label("budget_furthest"));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.8f))
                .Column(TableColumn.Text(Language.Label("category"), 1f))
                .Column(TableColumn.Number(Language.Label("budget_actual"), 1.2f))
                .Column(TableColumn.Number(Language.Label("budget_target"), 1.2f))
                .Column(TableColumn.Number(Language.Label("budget_vs"), 1f));
            foreach (var b in furthest)
            {
                t.Row(new TableCell($"{b.TenantName} ({b.TenantId})"), new TableCell(Name(b.Category)), new TableCell(Money(b.Ytd.NetSales)),
                    new TableCell(Money(b.Ytd.SalesBudget)), new TableCell(Change(b.Ytd.SalesVsBudget), KpiTone.Bad));
            }
        });
    }

    // ---- 13. Merchants' requests ------------------------------------------------------------------------------

    private void ComposeRequests(ContentBuilder content)
    {
        content.Heading1(Sections[12]);
        var rows = data.RequestsByCategory;
        content.Paragraph(Language.Label("requests_month_summary", Count(rows.Sum(r => r.Raised)), MonthText, Count(rows.Sum(r => r.Resolved)),
            Count(rows.Sum(r => r.Open)), Count(rows.Sum(r => r.Overdue))));
        if (rows.Count == 0)
            return;
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("category"), 1.3f))
                .Column(TableColumn.Number(Language.Label("requests_raised"), 0.9f))
                .Column(TableColumn.Number(Language.Label("requests_resolved"), 0.9f))
                .Column(TableColumn.Number(Language.Label("requests_open"), 0.9f))
                .Column(TableColumn.Number(Language.Label("requests_overdue"), 0.9f))
                .Column(TableColumn.Number(Language.Label("requests_median_hours"), 1.5f));
            foreach (var r in rows)
            {
                t.Row(new TableCell(Name(r.Category)), new TableCell(Count(r.Raised)), new TableCell(Count(r.Resolved)), new TableCell(Count(r.Open)),
                    new TableCell(Count(r.Overdue), r.Overdue > 0 ? KpiTone.Bad : KpiTone.Neutral), new TableCell(Number(r.MedianHours, 1)));
            }
        });
    }

    // ---- 14. Sales contest ------------------------------------------------------------------------------------

    /// <summary>
    /// The month's sales contest (model/Contest/SalesContest.cs, docs/analysis.md): per category the best sales per m²
    /// against the other contestants' median and the most improved against the category's own movement over the
    /// year, then the mall-wide winners. Self-contained: reads only <see cref="ReportData.Contest"/>.
    /// </summary>
    private void ComposeContest(ContentBuilder content)
    {
        content.Heading1(Sections[13]);
        var contest = data.Contest;
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

    // ---- 14. Merchant sheets by mail --------------------------------------------------------------------------

    /// <summary>The last section: did every merchant get its sheet of the month before? (from the deliveries log).</summary>
    private void ComposeSheetDeliveries(ContentBuilder content)
    {
        content.Heading1(Sections[14]);
        var d = data.PreviousSheetDeliveries;
        var month = Language.Month(d.Period.Year, d.Period.Month);
        content.Paragraph(d.Any
            ? T($"Merchant sheets for {month}: {Count(d.Received)} merchants received their sheet by mail; {Count(d.Refused)} refused by the mail server; {Count(d.Pending)} awaiting a retry.",
                $"{month}商户经营报告邮件：{Count(d.Received)} 家商户已收到；{Count(d.Refused)} 家被邮件服务器拒收；{Count(d.Pending)} 家等待重试。")
            : T($"Merchant sheets for {month}: no deliveries recorded.", $"{month}商户经营报告邮件：无发送记录。"));
    }
}
