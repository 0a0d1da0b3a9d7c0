using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Weekly;

/// <summary>Tenants whose arrears grew during the week.</summary>
internal sealed class ArrearsSection(WeeklyBrief brief) : WeeklySection(brief)
{
    public override string Title => Label("weekly_arrears");

    internal sealed record Growing(ArrearsRow Now, decimal Before);

    /// <summary>Tenants whose arrears grew during the week by at least the configured amount, largest growth first.</summary>
    internal List<Growing> ArrearsGrowth()
    {
        var before = Data.PreviousArrears.ToDictionary(a => a.TenantId, a => a.Arrears, StringComparer.Ordinal);
        return Data.Arrears.Select(a => new Growing(a, before.GetValueOrDefault(a.TenantId)))
            .Where(g => g.Now.Arrears - g.Before >= Settings.ArrearsGrowthMin)
            .OrderByDescending(g => g.Now.Arrears - g.Before).ThenBy(g => g.Now.TenantId, StringComparer.Ordinal).ToList();
    }

    public override void Compose(ContentBuilder content)
    {
        if (NoData(content, Data.Availability.Rent, "data_rent"))
            return;
        var growing = ArrearsGrowth();
        content.Paragraph(T(
            $"Arrears on {Language.Date(Data.Week.Sunday)} against {Language.Date(Data.Week.Previous.Sunday)}: {growing.Count} tenants owe at least {Money(Settings.ArrearsGrowthMin)} more. Total arrears {Money(Data.Arrears.Sum(a => a.Arrears))} (a week before: {Money(Data.PreviousArrears.Sum(a => a.Arrears))}).",
            $"{Language.Date(Data.Week.Sunday)}与{Language.Date(Data.Week.Previous.Sunday)}相比：{growing.Count} 家商户欠费增加 {Money(Settings.ArrearsGrowthMin)} 以上。欠费合计 {Money(Data.Arrears.Sum(a => a.Arrears))}（一周前 {Money(Data.PreviousArrears.Sum(a => a.Arrears))}）。"));
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
}
