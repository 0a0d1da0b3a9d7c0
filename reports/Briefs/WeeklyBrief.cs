using Analytics.Reports.Data;
using Analytics.Reports.Documents;
using Analytics.Reports.Language;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs;

/// <summary>
/// The brief for the weekly operations meeting (at most 4 pages): the week's sales against the week before and the
/// same week last year by floor and category, the top and bottom movers, complaints, patrol findings with late
/// openings and early closings, arrears that grew, and flags new in the latest monthly analysis.
/// </summary>
internal sealed class WeeklyBrief(WeekData data, string mallName, ReportLanguage language, ReportSettings settings, DateOnly generatedOn)
    : BriefDocument(language, settings, generatedOn)
{
    private string WeekText => T($"Week {data.Week.Week}, {data.Week.Year}", $"{data.Week.Year}年第{data.Week.Week}周");

    private string Span => $"{Language.Date(data.Week.Monday)} – {Language.Date(data.Week.Sunday)}";

    public override DocumentMetadata Metadata => new(
        Title: T($"Weekly brief — {WeekText}", $"周经营简报 — {WeekText}"),
        Author: T("Operations analytics", "运营分析组"),
        Subject: T($"{mallName}: {Span}", $"{mallName}：{Span}"),
        Keywords: $"weekly, {mallName}, {data.Week}");

    protected override string BandTitle => Metadata.Title;

    protected override string BandPeriod => Span;

    public IReadOnlyList<string> Sections =>
    [
        T("1. Sales", "一、销售"),
        T("2. Complaints", "二、顾客投诉"),
        T("3. Floor patrols", "三、巡场检查"),
        T("4. Arrears that grew", "四、欠费增加"),
        T("5. New flags", "五、新增预警"),
        Language.Label("weekly_requests"),
        Language.Label("weekly_credit"),
    ];

    protected override void ComposeContent(ContentBuilder content)
    {
        content.Paragraph(Metadata.Title, Typography.Title);
        content.Paragraph(T($"{mallName} · {Span} · compared with the week before and with the same week last year ({Language.Date(data.Week.SameWeekLastYear.Monday)} – {Language.Date(data.Week.SameWeekLastYear.Sunday)})",
            $"{mallName} · {Span} · 对比上周及去年同周（{Language.Date(data.Week.SameWeekLastYear.Monday)} – {Language.Date(data.Week.SameWeekLastYear.Sunday)}）"), Typography.Note);
        ComposeKeyFigures(content);
        ComposeSales(content);
        ComposeComplaints(content);
        ComposePatrols(content);
        ComposeArrears(content);
        ComposeFlags(content);
        ComposeRequests(content);
        ComposeCredit(content);
    }

    internal decimal WeekSales => data.Sales.Sum(s => s.NetSales);
    internal decimal PreviousWeekSales => data.PreviousSales.Sum(s => s.NetSales);
    internal decimal LastYearWeekSales => data.LastYearSales.Sum(s => s.NetSales);

    private void ComposeKeyFigures(ContentBuilder content)
    {
        var wow = Growth(WeekSales, PreviousWeekSales);
        var yoy = Growth(WeekSales, LastYearWeekSales);
        var footfallYoy = Growth((double?)data.Footfall, data.LastYearFootfall);
        content.Kpis(
            new KpiTile(T("Net sales this week", "本周销售额"), Money(WeekSales), Delta(wow, T("vs last week", "环比")), Tone(wow, true)),
            new KpiTile(T("Same week last year", "去年同周"), Money(LastYearWeekSales), yoy is { } y ? T($"this week: {Language.SignedPercent(y)}", $"本周同比 {Language.SignedPercent(y)}") : null, Tone(yoy, true)),
            new KpiTile(Language.Label("footfall"), Number(data.Footfall), Delta(footfallYoy, Language.Label("vs_last_year")), Tone(footfallYoy, true)),
            new KpiTile(T("New complaints", "新增投诉"), Count(data.NewComplaints.Count), T($"{data.OpenComplaints.Count} older still open", $"另有 {data.OpenComplaints.Count} 宗未结"),
                data.OpenComplaints.Count > 0 ? KpiTone.Bad : KpiTone.Neutral));
    }

    private void ComposeSales(ContentBuilder content)
    {
        content.Heading1(Sections[0]);
        content.Heading2(T("By floor", "按楼层"));
        GroupTable(content, s => s.Floor, Language.Label("floor"), names: false, order: g => MonthlyBrief.FloorOrder(g));
        content.Heading2(T("By category", "按业态"));
        GroupTable(content, s => s.Category, Language.Label("category"), names: true, order: null);
        var movers = Movers();
        content.Heading2(T("Top movers (against last week)", "环比增幅最大"));
        MoverTable(content, movers.Take(Settings.Movers).ToList());
        content.Heading2(T("Bottom movers (against last week)", "环比降幅最大"));
        MoverTable(content, movers.AsEnumerable().Reverse().Take(Settings.Movers).ToList());
    }

    private void GroupTable(ContentBuilder content, Func<SpanSales, string> key, string header, bool names, Func<string, (int, string)>? order)
    {
        var now = data.Sales.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(s => s.NetSales));
        var prev = data.PreviousSales.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(s => s.NetSales));
        var ly = data.LastYearSales.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(s => s.NetSales));
        var keys = now.Keys.Union(prev.Keys).Union(ly.Keys).ToList();
        keys = order is null
            ? keys.OrderByDescending(k => now.GetValueOrDefault(k)).ThenBy(k => k, StringComparer.Ordinal).ToList()
            : keys.OrderBy(order).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(header, 1.2f)).Column(TableColumn.Number(T("This week", "本周"), 1.3f))
                .Column(TableColumn.Number(T("Last week", "上周"), 1.3f)).Column(TableColumn.Number(T("Change", "环比"), 0.9f))
                .Column(TableColumn.Number(T("Same week last year", "去年同周"), 1.3f)).Column(TableColumn.Number(T("YoY", "同比"), 0.9f));
            foreach (var k in keys)
            {
                var n = now.GetValueOrDefault(k);
                var wow = Growth(n, prev.GetValueOrDefault(k));
                var yoy = Growth(n, ly.GetValueOrDefault(k));
                t.Row(new TableCell(names ? Name(k) : k), new TableCell(Money(n)), new TableCell(Money(prev.GetValueOrDefault(k))), new TableCell(Change(wow), Tone(wow, true)),
                    new TableCell(Money(ly.GetValueOrDefault(k))), new TableCell(Change(yoy), Tone(yoy, true)));
            }
            var total = WeekSales;
            var totalWow = Growth(total, PreviousWeekSales);
            var totalYoy = Growth(total, LastYearWeekSales);
            t.Row(new TableCell(T("Total", "合计")), new TableCell(Money(total)), new TableCell(Money(PreviousWeekSales)), new TableCell(Change(totalWow), Tone(totalWow, true)),
                new TableCell(Money(LastYearWeekSales)), new TableCell(Change(totalYoy), Tone(totalYoy, true)));
        });
    }

    internal sealed record Mover(SpanSales Now, decimal Previous, double Change);

    /// <summary>Tenants trading both weeks above the minimum, by change on last week, largest rise first.</summary>
    internal List<Mover> Movers()
    {
        var prev = data.PreviousSales.ToDictionary(s => s.TenantId, s => s.NetSales, StringComparer.Ordinal);
        return data.Sales
            .Where(s => s.NetSales >= Settings.MoverMinWeekSales && prev.GetValueOrDefault(s.TenantId) >= Settings.MoverMinWeekSales)
            .Select(s => new Mover(s, prev[s.TenantId], (double)(s.NetSales / prev[s.TenantId]) - 1))
            .OrderByDescending(m => m.Change).ThenBy(m => m.Now.TenantId, StringComparer.Ordinal).ToList();
    }

    private void MoverTable(ContentBuilder content, IReadOnlyList<Mover> movers)
    {
        if (movers.Count == 0)
        {
            None(content, "None.", "无。");
            return;
        }
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 2f)).Column(TableColumn.Text(Language.Label("category"), 1f))
                .Column(TableColumn.Text(Language.Label("floor"), 0.6f)).Column(TableColumn.Number(T("This week", "本周"), 1.2f))
                .Column(TableColumn.Number(T("Last week", "上周"), 1.2f)).Column(TableColumn.Number(T("Change", "环比"), 0.9f));
            foreach (var m in movers)
            {
                t.Row(new TableCell($"{m.Now.TenantName} ({m.Now.TenantId})"), new TableCell(Name(m.Now.Category)), new TableCell(m.Now.Floor),
                    new TableCell(Money(m.Now.NetSales)), new TableCell(Money(m.Previous)), new TableCell(Change(m.Change), Tone(m.Change, true)));
            }
        });
    }

    private void ComposeComplaints(ContentBuilder content)
    {
        content.Heading1(Sections[1]);
        if (NoData(content, data.Availability.Complaints, "data_complaints"))
            return;
        content.Heading2(T($"New this week ({data.NewComplaints.Count})", $"本周新增（{data.NewComplaints.Count} 宗）"));
        ComplaintTable(content, data.NewComplaints);
        content.Heading2(T($"Older, still open at the end of the week ({data.OpenComplaints.Count})", $"以前受理、周末仍未处理（{data.OpenComplaints.Count} 宗）"));
        ComplaintTable(content, data.OpenComplaints);
    }

    private void ComplaintTable(ContentBuilder content, IReadOnlyList<ComplaintRow> rows)
    {
        if (rows.Count == 0)
        {
            None(content, "None.", "无。");
            return;
        }
        var shown = rows.OrderByDescending(r => r.Severity).ThenBy(r => r.ReceivedAt).Take(Settings.WeeklyListRows).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(T("Received", "受理日期"), 1.1f)).Column(TableColumn.Text(T("About", "对象"), 2f))
                .Column(TableColumn.Text(T("Kind", "类别"), 0.9f)).Column(TableColumn.Number(T("Severity", "严重程度"), 0.8f))
                .Column(TableColumn.Number(T("Days open", "已开天数"), 0.8f));
            foreach (var c in shown)
            {
                var end = c.ResolvedAt is { } r && DateOnly.FromDateTime(r) <= data.Week.Sunday ? DateOnly.FromDateTime(r) : data.Week.Sunday;
                var resolved = c.ResolvedAt is { } rr && DateOnly.FromDateTime(rr) <= data.Week.Sunday;
                t.Row(new TableCell(Language.Date(DateOnly.FromDateTime(c.ReceivedAt))),
                    new TableCell(c.TenantId is null ? T("The mall", "商场") : $"{c.TenantName ?? c.TenantId} ({c.TenantId})"),
                    new TableCell(Name(c.Category)), new TableCell(Count(c.Severity), c.Severity >= 3 ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(resolved ? Name("resolved") : Count(end.DayNumber - DateOnly.FromDateTime(c.ReceivedAt).DayNumber)));
            }
        });
        More(content, rows.Count, shown.Count);
    }

    private void ComposePatrols(ContentBuilder content)
    {
        content.Heading1(Sections[2]);
        if (NoData(content, data.Availability.Inspections, "data_inspections"))
            return;
        var byType = data.Findings.GroupBy(f => f.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => T($"{Name(g.Key)} {g.Count()}", $"{Name(g.Key)} {g.Count()} 项")).ToList();
        content.Paragraph(data.Findings.Count == 0
            ? T("No patrol findings this week.", "本周巡场未发现问题。")
            : T($"{data.Findings.Count} findings: {string.Join(", ", byType)}.", $"共 {data.Findings.Count} 项：{string.Join("，", byType)}。"));
        var hours = data.Findings.Where(f => f.Type is "late_open" or "early_close").ToList();
        content.Heading2(T($"Late openings and early closings ({hours.Count})", $"延迟开门与提前关门（{hours.Count} 项）"));
        if (hours.Count == 0)
        {
            None(content, "None.", "无。");
            return;
        }
        var shown = hours.Take(Settings.WeeklyListRows).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(T("Date", "日期"), 1.1f)).Column(TableColumn.Text(Language.Label("tenant"), 2.2f))
                .Column(TableColumn.Text(T("Finding", "问题"), 1.2f)).Column(TableColumn.Number(T("Minutes", "分钟"), 0.8f));
            foreach (var f in shown)
                t.Row(Language.Date(f.Date), $"{f.TenantName} ({f.TenantId})", Name(f.Type), f.Minutes is { } m ? Count(m) : Missing);
        });
        More(content, hours.Count, shown.Count);
    }

    internal sealed record Growing(ArrearsRow Now, decimal Before);

    /// <summary>Tenants whose arrears grew during the week by at least the configured amount, largest growth first.</summary>
    internal List<Growing> ArrearsGrowth()
    {
        var before = data.PreviousArrears.ToDictionary(a => a.TenantId, a => a.Arrears, StringComparer.Ordinal);
        return data.Arrears.Select(a => new Growing(a, before.GetValueOrDefault(a.TenantId)))
            .Where(g => g.Now.Arrears - g.Before >= Settings.ArrearsGrowthMin)
            .OrderByDescending(g => g.Now.Arrears - g.Before).ThenBy(g => g.Now.TenantId, StringComparer.Ordinal).ToList();
    }

    private void ComposeArrears(ContentBuilder content)
    {
        content.Heading1(Sections[3]);
        if (NoData(content, data.Availability.Rent, "data_rent"))
            return;
        var growing = ArrearsGrowth();
        content.Paragraph(T(
            $"Arrears on {Language.Date(data.Week.Sunday)} against {Language.Date(data.Week.Previous.Sunday)}: {growing.Count} tenants owe at least {Money(Settings.ArrearsGrowthMin)} more. Total arrears {Money(data.Arrears.Sum(a => a.Arrears))} (a week before: {Money(data.PreviousArrears.Sum(a => a.Arrears))}).",
            $"{Language.Date(data.Week.Sunday)}与{Language.Date(data.Week.Previous.Sunday)}相比：{growing.Count} 家商户欠费增加 {Money(Settings.ArrearsGrowthMin)} 以上。欠费合计 {Money(data.Arrears.Sum(a => a.Arrears))}（一周前 {Money(data.PreviousArrears.Sum(a => a.Arrears))}）。"));
        if (growing.Count == 0)
            return;
        var shown = growing.Take(Settings.WeeklyListRows).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 2.2f)).Column(TableColumn.Number(T("A week before", "一周前"), 1.2f))
                .Column(TableColumn.Number(T("Now", "现在"), 1.2f)).Column(TableColumn.Number(T("Growth", "增加"), 1.1f))
                .Column(TableColumn.Number(T("Oldest (days)", "最长逾期（天）"), 1f));
            foreach (var g in shown)
            {
                t.Row(new TableCell($"{g.Now.TenantName} ({g.Now.TenantId})"), new TableCell(Money(g.Before)), new TableCell(Money(g.Now.Arrears)),
                    new TableCell("+" + Money(g.Now.Arrears - g.Before), KpiTone.Bad), new TableCell(Count(g.Now.ArrearsDays), g.Now.ArrearsDays > 60 ? KpiTone.Bad : KpiTone.Neutral));
            }
        });
        More(content, growing.Count, shown.Count);
    }

    /// <summary>The new flags listed: most urgent first, at most the list length (the monthly brief has them all).</summary>
    private List<Analytics.Model.Flags.TenantFlag> Shown => data.NewFlags
        .OrderBy(f => f.Priority).ThenBy(f => Array.IndexOf(Analytics.Model.Flags.FlagCodes.All, f.Code))
        .ThenBy(f => f.Score.Frame.Metrics.TenantId, StringComparer.Ordinal).Take(Settings.WeeklyListRows).ToList();

    private void ComposeFlags(ContentBuilder content)
    {
        content.Heading1(Sections[4]);
        var month = Language.Month(data.FlagPeriod.Year, data.FlagPeriod.Month);
        var previous = data.FlagPeriod.AddMonths(-1);
        content.Paragraph(T(
            $"Flags of the {month} analysis that {Language.Month(previous.Year, previous.Month)} did not raise.",
            $"{month}分析中新出现（{Language.Month(previous.Year, previous.Month)}未提示）的预警。"), Typography.Note);
        if (data.NewFlags.Count == 0)
        {
            None(content, "None.", "无。");
            return;
        }
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.6f)).Column(TableColumn.Text(T("Flag", "预警"), 1.1f))
                .Column(TableColumn.Text(T("Priority", "优先级"), 0.85f)).Column(TableColumn.Text(T("Why", "原因"), 4.2f));
            foreach (var f in Shown)
            {
                var m = f.Score.Frame.Metrics;
                t.Row(new TableCell($"{m.TenantName} ({m.TenantId})"), new TableCell(Name(f.Code)),
                    new TableCell(Terms.Priority(f.Priority, Language), f.Priority == Analytics.Model.Flags.Priority.High ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(f.Reasons.Count > 0 ? f.Reasons[0].Render(Language.Code) : ""));
            }
        });
        More(content, data.NewFlags.Count, Shown.Count);
    }

    private static readonly (string Label, int From, int To)[] AgeBands =
        [("requests_age_0_3", 0, 3), ("requests_age_4_7", 4, 7), ("requests_age_8_30", 8, 30), ("requests_age_over_30", 31, int.MaxValue)];

    private void ComposeRequests(ContentBuilder content)
    {
        content.Heading1(Sections[5]);
        var newThisWeek = data.WeekRequests.Count(r => DateOnly.FromDateTime(r.RaisedAt) >= data.Week.Monday);
        var resolvedThisWeek = data.WeekRequests.Count(r => r.ResolvedAt is { } done && DateOnly.FromDateTime(done) >= data.Week.Monday
            && DateOnly.FromDateTime(done) <= data.Week.Sunday);
        var open = data.OpenRequests;
        content.Paragraph(Language.Label("requests_week_summary", Count(newThisWeek), Count(resolvedThisWeek), Count(open.Count), Count(open.Count(r => r.Overdue))));
        if (open.Count == 0)
            return;
        content.Heading2(Language.Label("requests_by_age"));
        var categories = open.Select(r => r.Category).Distinct().Order(StringComparer.Ordinal).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("category"), 1.3f));
            foreach (var band in AgeBands)
                t.Column(TableColumn.Number(Language.Label(band.Label), 0.9f));
            t.Column(TableColumn.Number(Language.Label("requests_overdue"), 0.9f));
            foreach (var c in categories)
            {
                var mine = open.Where(r => r.Category == c).ToList();
                var cells = new List<TableCell> { new(Name(c)) };
                cells.AddRange(AgeBands.Select(b => new TableCell(Count(mine.Count(r => r.AgeDays >= b.From && r.AgeDays <= b.To)))));
                var overdue = mine.Count(r => r.Overdue);
                cells.Add(new TableCell(Count(overdue), overdue > 0 ? KpiTone.Bad : KpiTone.Neutral));
                t.Row(cells.ToArray());
            }
        });
        content.Heading2(Language.Label("requests_oldest"));
        var oldest = open.Take(Settings.Movers).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.8f)).Column(TableColumn.Text(Language.Label("category"), 1f))
                .Column(TableColumn.Text(Language.Label("requests_raised_on"), 1.1f)).Column(TableColumn.Number(Language.Label("requests_days_open"), 0.9f))
                .Column(TableColumn.Text(Language.Label("description"), 2.4f));
            foreach (var r in oldest)
            {
                t.Row(new TableCell($"{r.TenantName} ({r.TenantId})"), new TableCell(Name(r.Category)), new TableCell(Language.Date(DateOnly.FromDateTime(r.RaisedAt))),
                    new TableCell(Count(r.AgeDays), r.Overdue ? KpiTone.Bad : KpiTone.Neutral), new TableCell(r.Description ?? ""));
            }
        });
        More(content, open.Count, oldest.Count);
    }

    private void ComposeCredit(ContentBuilder content)
    {
        content.Heading1(Sections[6]);
        var month = data.FlagPeriod;
        var before = month.AddMonths(-1);
        content.Paragraph(Language.Label("credit_changes_note", Language.Month(month.Year, month.Month), Language.Month(before.Year, before.Month)), Typography.Note);
        if (data.CreditChanges.Count == 0)
        {
            content.Paragraph(Language.Label("credit_none_changed"), Typography.Note);
            return;
        }
        // Falls first (worst grade first), then rises.
        var shown = data.CreditChanges.OrderBy(c => string.CompareOrdinal(c.Before, c.Now.Grade) < 0 ? 0 : 1).ThenByDescending(c => c.Now.Grade, StringComparer.Ordinal)
            .ThenBy(c => c.Now.TenantId, StringComparer.Ordinal).Take(Settings.Movers * 2).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.8f)).Column(TableColumn.Text(Language.Label("credit_before"), 0.6f))
                .Column(TableColumn.Text(Language.Label("credit_now"), 0.6f)).Column(TableColumn.Number(Language.Label("credit_points"), 0.6f))
                .Column(TableColumn.Text(Language.Label("credit_largest"), 2.6f));
            foreach (var (now, was) in shown)
            {
                var top = now.Deductions.FirstOrDefault();
                t.Row(new TableCell($"{now.TenantName} ({now.TenantId})"), new TableCell(was),
                    new TableCell(now.Grade, string.CompareOrdinal(now.Grade, was) > 0 ? KpiTone.Bad : KpiTone.Good), new TableCell(Count(now.Points)),
                    new TableCell(top is null ? "" : $"-{top.Points} {Name(top.Rule)} {Language.Date(top.Date)}"));
            }
        });
        More(content, data.CreditChanges.Count, shown.Count);
    }
}
