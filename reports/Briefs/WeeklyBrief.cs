using Analytics.Reports.Data;
using Analytics.Reports.Documents;
using Analytics.Reports.Language;
using Analytics.Reports.Briefs.Weekly;
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

    internal WeekData Data => data;

    /// <summary>The sections in order: the brief numbers them from this list (a new one: a class in Briefs/Weekly and its place here).</summary>
    internal IReadOnlyList<WeeklySection> Sections =>
    [
        new SalesSection(this),
        new ComplaintsSection(this),
        new PatrolsSection(this),
        new ArrearsSection(this),
        new FlagsSection(this),
        new RequestsSection(this),
        new CreditSection(this),
    ];

    /// <summary>The section headings as printed, in order.</summary>
    public IReadOnlyList<string> Headings => Headings(Sections, numbered: true);

    protected override void ComposeContent(ContentBuilder content)
    {
        content.Paragraph(Metadata.Title, Typography.Title);
        content.Paragraph(T($"{mallName} · {Span} · compared with the week before and with the same week last year ({Language.Date(data.Week.SameWeekLastYear.Monday)} – {Language.Date(data.Week.SameWeekLastYear.Sunday)})",
            $"{mallName} · {Span} · 对比上周及去年同周（{Language.Date(data.Week.SameWeekLastYear.Monday)} – {Language.Date(data.Week.SameWeekLastYear.Sunday)}）"), Typography.Note);
        ComposeKeyFigures(content);
        ComposeSections(content, Sections, numbered: true);
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
}
