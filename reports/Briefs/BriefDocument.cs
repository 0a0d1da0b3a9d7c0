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
    protected ReportSettings Settings { get; } = settings;
    protected DateOnly GeneratedOn { get; } = generatedOn;

    /// <summary>The text of the page header's left side (the document's short title).</summary>
    protected abstract string BandTitle { get; }

    /// <summary>The text of the page header's right side (the period the document is about).</summary>
    protected abstract string BandPeriod { get; }

    protected abstract void ComposeContent(ContentBuilder content);

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
    protected string T(string en, string zh) => Language.IsChinese ? zh : en;

    protected string Money(decimal amount) => Language.Money(amount, Settings.Currency);

    /// <summary>
    /// Money short enough for a KPI tile: up to ten million in full, above it in millions (¥119.4m) or, in Chinese, in
    /// 万 (¥11,941万), the unit Chinese finance teams read.
    /// </summary>
    protected string BigMoney(decimal amount)
    {
        if (Math.Abs(amount) < 10_000_000m)
            return Money(amount);
        return Language.IsChinese
            ? Language.Money(amount / 10_000m, Settings.Currency) + "万"
            : Language.Money(amount / 1_000_000m, Settings.Currency, decimals: 1) + "m";
    }

    protected string Money(double? amount) => amount is { } a ? Language.Money((decimal)a, Settings.Currency) : Missing;

    protected string Percent(double? ratio, int decimals = 1) => ratio is { } r ? Language.Percent(r, decimals) : Missing;

    protected string Change(double? ratio) => ratio is { } r ? Language.SignedPercent(r) : Missing;

    protected string Number(double? value, int decimals = 0) => value is { } v ? Language.Number(v, decimals) : Missing;

    protected string Count(long value) => Language.Number(value);

    protected string Name(string code) => Terms.Name(code, Language);

    /// <summary>A ratio of two amounts less one (growth), null when the base is not positive.</summary>
    protected static double? Growth(decimal now, decimal before) => before > 0 ? (double)(now / before) - 1 : null;

    protected static double? Growth(double? now, double? before) => now is { } n && before is { } b && b > 0 ? n / b - 1 : null;

    protected static KpiTone Tone(double? change, bool higherIsBetter) =>
        change is { } c ? KpiTile.ToneOf(c, higherIsBetter) : KpiTone.Neutral;

    /// <summary>"+4.5% vs last year" under a KPI value; null without a change.</summary>
    protected string? Delta(double? change, string against) => change is { } c ? Language.SignedPercent(c) + " " + against : null;

    /// <summary>A note under a list that was cut short: "and 7 more".</summary>
    protected void More(ContentBuilder content, int total, int shown)
    {
        if (total > shown)
            content.Paragraph(T($"… and {total - shown} more.", $"……另有 {total - shown} 项。"), Typography.Note);
    }

    protected void None(ContentBuilder content, string en, string zh) => content.Paragraph(T(en, zh), Typography.Note);

    /// <summary>
    /// One line in place of a section whose data the mall's drops never gave (<paramref name="dataset"/>: a
    /// <c>data_*</c> label); true when the section is to be left out.
    /// </summary>
    protected bool NoData(ContentBuilder content, bool available, string dataset)
    {
        if (available)
            return false;
        content.Paragraph(Language.Label("no_data", Language.Label(dataset)), Typography.Note);
        return true;
    }
}
