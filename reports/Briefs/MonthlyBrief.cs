using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Documents;
using Analytics.Reports.Language;
using Analytics.Reports.Briefs.Monthly;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs;

/// <summary>
/// The GM's monthly brief: key figures and what changed, 13-month trends, categories, floors, scores, the
/// replacement shortlist and adjustment lists, lease expiries with WALE, arrears aging and complaints.
/// </summary>
internal sealed class MonthlyBrief(ReportData data, string mallName, ReportLanguage language, ReportSettings settings, DateOnly generatedOn)
    : BriefDocument(language, settings, generatedOn)
{
    internal ReportData Data => data;

    private Month Period => data.Period;

    private string MonthText => Language.Month(Period.Year, Period.Number);

    public override DocumentMetadata Metadata => new(
        Title: Label("monthly_title", MonthText),
        Author: Label("author"),
        Subject: Label("monthly_subject", mallName),
        Keywords: $"monthly, {mallName}, {Period}");

    protected override string BandTitle => Metadata.Title;

    protected override string BandPeriod => mallName;

    /// <summary>
    /// The sections in order: the brief numbers them from this list. A new section is one class in Briefs/Monthly and
    /// its place here.
    /// </summary>
    internal IReadOnlyList<MonthlySection> Sections =>
    [
        new SummarySection(this),
        new TrendsSection(this),
        new CategoriesSection(this),
        new FloorsSection(this),
        new ScoresSection(this),
        new ShortlistSection(this),
        new AdjustmentsSection(this),
        new ExpiriesSection(this),
        new ArrearsSection(this),
        new ComplaintsSection(this),
        new AuditSection(this),
        new BudgetSection(this),
        new RequestsSection(this),
        new ContestSection(this),
        new SheetDeliveriesSection(this),
    ];

    /// <summary>The section headings as printed, in order (tests check the document against this list).</summary>
    public IReadOnlyList<string> Headings => Headings(Sections, numbered: true);

    /// <summary>The printed number of a section: 6 / 六.</summary>
    internal string NumberOf<TSection>() where TSection : MonthlySection =>
        SectionNumber(Sections.Select((s, i) => (s, i)).First(x => x.s is TSection).i + 1);

    // Figures more than one section prints, from model/ (layout code computes none of its own).
    internal IReadOnlyList<GroupFigures> Categories => categories ??= GroupFigures.Of(data.Current, data.YearBefore, r => r.Category);

    private IReadOnlyList<GroupFigures>? categories;

    internal double? Wale => LeaseFigures.Wale(data.Current, data.AsOf);

    internal IReadOnlyList<TenantMetricsRow> PreviousMonth =>
        data.History.Values.SelectMany(h => h).Where(r => r.Period == Period.AddMonths(-1).First).ToList();

    internal long TenantComplaints => data.Current.Sum(r => r.Complaints);

    protected override void ComposeContent(ContentBuilder content)
    {
        content.Paragraph(Metadata.Title, Typography.Title);
        content.Paragraph(Label("monthly_subtitle", mallName, Language.Date(data.AsOf), data.Current.Count), Typography.Note);
        ComposeSections(content, Sections, numbered: true);
    }
}
