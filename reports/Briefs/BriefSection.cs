using Analytics.Reports.Language;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs;

/// <summary>
/// One section of a brief, QuestPDF-style: a title and what it lays out under it. The contract:
/// <list type="bullet">
/// <item>a section is one class deriving from <see cref="BriefSection{TBrief}"/> (for the monthly brief
/// <c>MonthlySection</c>, weekly <c>WeeklySection</c>, merchant sheet <c>MerchantSection</c>), built with the brief
/// it belongs to, and has its place in the brief's <c>Sections</c> list: that list is the order, and the brief
/// numbers the headings from it ("3. Categories" / "三、业态表现"), so no section knows its number;</item>
/// <item><see cref="Title"/> is the title without a number, normally a label of the brief's labels table
/// (reports/Language/Labels.Monthly.cs, .Weekly.cs, .Merchant.cs; a flag's list title comes from its rule in model/Flags);</item>
/// <item><see cref="Compose"/> lays out the content under the heading the brief has already written; it reads figures
/// from the brief's data (reports/Data, model), computes none of its own, and takes every fixed text from the
/// labels tables.</item>
/// </list>
/// Adding a section is one class plus its place in the list (and its labels).
/// </summary>
internal abstract class BriefSection<TBrief>(TBrief brief) where TBrief : BriefDocument
{
    internal TBrief Brief { get; } = brief;

    /// <summary>The title, without its number.</summary>
    public abstract string Title { get; }

    /// <summary>The section's content, under its heading.</summary>
    public abstract void Compose(ContentBuilder content);

    // The brief's language and formats, so a section reads like the brief it belongs to.
    protected const string Missing = BriefDocument.Missing;
    protected ReportLanguage Language => Brief.Language;
    protected Documents.ReportSettings Settings => Brief.Settings;
    protected string Label(string key) => Language.Label(key);
    protected string Label(string key, params object[] args) => Language.Label(key, args);
    protected string Money(decimal amount) => Brief.Money(amount);
    protected string Money(double? amount) => Brief.Money(amount);
    protected string BigMoney(decimal amount) => Brief.BigMoney(amount);
    protected string Percent(double? ratio, int decimals = 1) => Brief.Percent(ratio, decimals);
    protected string Change(double? ratio) => Brief.Change(ratio);
    protected string Number(double? value, int decimals = 0) => Brief.Number(value, decimals);
    protected string Count(long value) => Brief.Count(value);
    protected string Name(string code) => Brief.Name(code);
    protected string? Delta(double? change, string against) => Brief.Delta(change, against);
    protected void More(ContentBuilder content, int total, int shown) => Brief.More(content, total, shown);
    protected void None(ContentBuilder content, string key) => Brief.None(content, key);
    protected bool NoData(ContentBuilder content, bool available, string dataset) => Brief.NoData(content, available, dataset);
    protected static double? Growth(decimal now, decimal before) => BriefDocument.Growth(now, before);
    protected static double? Growth(double? now, double? before) => BriefDocument.Growth(now, before);
    protected static KpiTone Tone(double? change, bool higherIsBetter) => BriefDocument.Tone(change, higherIsBetter);
}
