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
    private string WeekText => Label("weekly_week", data.Week.Week, data.Week.Year);

    private string Span => $"{Language.Date(data.Week.Monday)} – {Language.Date(data.Week.Sunday)}";

    public override DocumentMetadata Metadata => new(
        Title: Label("weekly_title", WeekText),
        Author: Label("author"),
        Subject: Label("weekly_subject", mallName, Span),
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
        content.Paragraph(Label("weekly_subtitle", mallName, Span, Language.Date(data.Week.SameWeekLastYear.Monday), Language.Date(data.Week.SameWeekLastYear.Sunday)),
            Typography.Note);
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
            new KpiTile(Label("weekly_net_sales"), Money(WeekSales), Delta(wow, Label("vs_last_week")), Tone(wow, true)),
            new KpiTile(Label("weekly_same_week_last_year"), Money(LastYearWeekSales), yoy is { } y ? Label("weekly_this_week_yoy", Language.SignedPercent(y)) : null, Tone(yoy, true)),
            new KpiTile(Language.Label("footfall"), Number(data.Footfall), Delta(footfallYoy, Language.Label("vs_last_year")), Tone(footfallYoy, true)),
            new KpiTile(Label("weekly_new_complaints"), Count(data.NewComplaints.Count), Label("weekly_older_open", data.OpenComplaints.Count),
                data.OpenComplaints.Count > 0 ? KpiTone.Bad : KpiTone.Neutral));
    }
}
