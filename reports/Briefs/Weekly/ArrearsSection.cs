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
        content.Paragraph(Label("weekly_arrears_summary", Language.Date(Data.Week.Sunday), Language.Date(Data.Week.Previous.Sunday), growing.Count,
            Money(Settings.ArrearsGrowthMin), Money(Data.Arrears.Sum(a => a.Arrears)), Money(Data.PreviousArrears.Sum(a => a.Arrears))));
        if (growing.Count == 0)
            return;
        var shown = growing.Take(Settings.WeeklyListRows).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 2.2f)).Column(TableColumn.Number(Label("weekly_week_before"), 1.2f))
                .Column(TableColumn.Number(Label("weekly_now"), 1.2f)).Column(TableColumn.Number(Label("weekly_growth"), 1.1f))
                .Column(TableColumn.Number(Label("oldest_days"), 1f));
            foreach (var g in shown)
            {
                t.Row(new TableCell($"{g.Now.TenantName} ({g.Now.TenantId})"), new TableCell(Money(g.Before)), new TableCell(Money(g.Now.Arrears)),
                    new TableCell("+" + Money(g.Now.Arrears - g.Before), KpiTone.Bad), new TableCell(Count(g.Now.ArrearsDays), g.Now.ArrearsDays > 60 ? KpiTone.Bad : KpiTone.Neutral));
            }
        });
        More(content, growing.Count, shown.Count);
    }
}
