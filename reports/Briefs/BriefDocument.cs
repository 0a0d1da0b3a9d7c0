using Analytics.Reports.Documents;
using Analytics.Reports.Language;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs;

/// <summary>
/// What the three documents share: the page bands (title and date on top, "internal" and page N of M below), text in
/// the document's language, and figures formatted by it, with "—" where a figure is undefined (metrics.md nulls).
/// </summary>
internal abstract class BriefDocument(ReportLanguage language, ReportSettings settings, DateOnly generatedOn) : ReportDocument
{
    public const string Missing = "—";

    public ReportLanguage Language { get; } = language;
    internal ReportSettings Settings { get; } = settings;
    protected DateOnly GeneratedOn { get; } = generatedOn;

    /// <summary>The text of the page header's left side (the document's short title).</summary>
    protected abstract string BandTitle { get; }

    /// <summary>The text of the page header's right side (the period the document is about).</summary>
    protected abstract string BandPeriod { get; }

    protected abstract void ComposeContent(ContentBuilder content);

    /// <summary>
    /// Each section under its heading, numbered in list order when <paramref name="numbered"/> ("3. Categories",
    /// "三、业态表现").
    /// </summary>
    protected static void ComposeSections<TBrief>(ContentBuilder content, IReadOnlyList<BriefSection<TBrief>> sections, bool numbered)
        where TBrief : BriefDocument
    {
        for (var i = 0; i < sections.Count; i++)
        {
            content.Heading1(Heading(sections[i].Brief, i + 1, sections[i].Title, numbered));
            sections[i].Compose(content);
        }
    }

    /// <summary>The headings of sections as the document prints them.</summary>
    protected static IReadOnlyList<string> Headings<TBrief>(IReadOnlyList<BriefSection<TBrief>> sections, bool numbered) where TBrief : BriefDocument =>
        sections.Select((s, i) => Heading(s.Brief, i + 1, s.Title, numbered)).ToList();

    private static string Heading(BriefDocument brief, int number, string title, bool numbered) =>
        !numbered ? title : brief.Label("section_heading", brief.SectionNumber(number), title);

    /// <summary>A section's number as the document writes it: 6 / 六.</summary>
    internal string SectionNumber(int number) => Language.SectionNumber(number);

    public override void Compose(PageBuilder page)
    {
        page.Header(ComposeHeader);
        page.Content(ComposeContent);
        page.Footer(ComposeFooter);
    }

    private void ComposeHeader(BandBuilder header, PageNumber page) => header.LeftText(BandTitle).RightText(BandPeriod);

    /// <summary>Who the document is for, in the footer; the briefs are internal.</summary>
    protected virtual string Audience => Language.Label("confidential");

    private void ComposeFooter(BandBuilder footer, PageNumber page) => footer
        .LeftText(Audience + " · " + Language.Label("generated_on", Language.Date(GeneratedOn)), Typography.Band)
        .RightText(Language.PageOf(page.Number, page.Total));

    /// <summary>A fixed text of the labels tables (reports/Language), with its placeholders filled in.</summary>
    internal string Label(string key) => Language.Label(key);

    internal string Label(string key, params object[] args) => Language.Label(key, args);

    internal string Money(decimal amount) => Language.Money(amount, Settings.Currency);

    /// <summary>Money short enough for a KPI tile (<see cref="ReportLanguage.BigMoney"/>).</summary>
    internal string BigMoney(decimal amount) => Language.BigMoney(amount, Settings.Currency);

    internal string Money(double? amount) => amount is { } a ? Language.Money((decimal)a, Settings.Currency) : Missing;

    internal string Percent(double? ratio, int decimals = 1) => ratio is { } r ? Language.Percent(r, decimals) : Missing;

    internal string Change(double? ratio) => ratio is { } r ? Language.SignedPercent(r) : Missing;

    internal string Number(double? value, int decimals = 0) => value is { } v ? Language.Number(v, decimals) : Missing;

    internal string Count(long value) => Language.Number(value);

    internal string Name(string code) => Terms.Name(code, Language);

    /// <summary>A ratio of two amounts less one (growth), null when the base is not positive.</summary>
    internal static double? Growth(decimal now, decimal before) => Analytics.Model.Metrics.GroupFigures.Growth(now, before);

    internal static double? Growth(double? now, double? before) => now is { } n && before is { } b && b > 0 ? n / b - 1 : null;

    internal static KpiTone Tone(double? change, bool higherIsBetter) =>
        change is { } c ? KpiTile.ToneOf(c, higherIsBetter) : KpiTone.Neutral;

    /// <summary>"+4.5% vs last year" under a KPI value; null without a change.</summary>
    internal string? Delta(double? change, string against) => change is { } c ? Language.SignedPercent(c) + " " + against : null;

    /// <summary>A note under a list that was cut short: "and 7 more".</summary>
    internal void More(ContentBuilder content, int total, int shown)
    {
        if (total > shown)
            content.Paragraph(Label("more", total - shown), Typography.Note);
    }

    /// <summary>A note in place of an empty list: <paramref name="key"/> is its label ("none": "None.").</summary>
    internal void None(ContentBuilder content, string key) => content.Paragraph(Label(key), Typography.Note);

    /// <summary>
    /// One line in place of a section whose data the mall's drops never gave (<paramref name="dataset"/>: a
    /// <c>data_*</c> label); true when the section is to be left out.
    /// </summary>
    internal bool NoData(ContentBuilder content, bool available, string dataset)
    {
        if (available)
            return false;
        content.Paragraph(Language.Label("no_data", Language.Label(dataset)), Typography.Note);
        return true;
    }
}
