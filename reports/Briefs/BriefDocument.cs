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
        !numbered ? title : brief.SectionNumber(number) + (brief.Language.IsChinese ? "、" : ". ") + title;

    /// <summary>A section's number as the document writes it: 6 / 六.</summary>
    internal string SectionNumber(int number) => Language.IsChinese ? ChineseNumeral(number) : number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>1 to 99 in Chinese numerals: 一, 十, 十四, 二十一.</summary>
    private static string ChineseNumeral(int n)
    {
        const string Digits = "零一二三四五六七八九";
        if (n is < 1 or > 99)
            throw new ArgumentOutOfRangeException(nameof(n), n, "A brief has 1 to 99 sections.");
        var tens = n / 10;
        var units = n % 10;
        return (tens switch { 0 => "", 1 => "十", _ => Digits[tens] + "十" }) + (units == 0 ? "" : Digits[units].ToString());
    }

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

    /// <summary>The same text in the document's language: English first, Chinese second.</summary>
    internal string T(string en, string zh) => Language.IsChinese ? zh : en;

    internal string Money(decimal amount) => Language.Money(amount, Settings.Currency);

    /// <summary>
    /// Money short enough for a KPI tile: up to ten million in full, above it in millions (¥119.4m) or, in Chinese, in
    /// 万 (¥11,941万), the unit Chinese finance teams read.
    /// </summary>
    internal string BigMoney(decimal amount)
    {
        if (Math.Abs(amount) < 10_000_000m)
            return Money(amount);
        return Language.IsChinese
            ? Language.Money(amount / 10_000m, Settings.Currency) + "万"
            : Language.Money(amount / 1_000_000m, Settings.Currency, decimals: 1) + "m";
    }

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
            content.Paragraph(T($"… and {total - shown} more.", $"……另有 {total - shown} 项。"), Typography.Note);
    }

    internal void None(ContentBuilder content, string en, string zh) => content.Paragraph(T(en, zh), Typography.Note);

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
