using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Weekly;

/// <summary>The week's patrol findings, late openings and early closings.</summary>
internal sealed class PatrolsSection(WeeklyBrief brief) : WeeklySection(brief)
{
    public override string Title => Label("weekly_patrols");

    public override void Compose(ContentBuilder content)
    {
        if (NoData(content, Data.Availability.Inspections, "data_inspections"))
            return;
        var byType = Data.Findings.GroupBy(f => f.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Label("weekly_finding_count", Name(g.Key), g.Count())).ToList();
        content.Paragraph(Data.Findings.Count == 0
            ? Label("weekly_patrols_none")
            : Label("weekly_patrols_summary", Data.Findings.Count, string.Join(Label("comma"), byType)));
        var hours = Data.Findings.Where(f => f.Type is "late_open" or "early_close").ToList();
        content.Heading2(Label("weekly_hours_heading", hours.Count));
        if (hours.Count == 0)
        {
            None(content, "none");
            return;
        }
        var shown = hours.Take(Settings.WeeklyListRows).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Label("weekly_date"), 1.1f)).Column(TableColumn.Text(Language.Label("tenant"), 2.2f))
                .Column(TableColumn.Text(Label("finding"), 1.2f)).Column(TableColumn.Number(Label("minutes"), 0.8f));
            foreach (var f in shown)
                t.Row(Language.Date(f.Date), $"{f.TenantName} ({f.TenantId})", Name(f.Type), f.Minutes is { } m ? Count(m) : Missing);
        });
        More(content, hours.Count, shown.Count);
    }
}
