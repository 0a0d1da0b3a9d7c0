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
            .Select(g => T($"{Name(g.Key)} {g.Count()}", $"{Name(g.Key)} {g.Count()} 项")).ToList();
        content.Paragraph(Data.Findings.Count == 0
            ? T("No patrol findings this week.", "本周巡场未发现问题。")
            : T($"{Data.Findings.Count} findings: {string.Join(", ", byType)}.", $"共 {Data.Findings.Count} 项：{string.Join("，", byType)}。"));
        var hours = Data.Findings.Where(f => f.Type is "late_open" or "early_close").ToList();
        content.Heading2(T($"Late openings and early closings ({hours.Count})", $"延迟开门与提前关门（{hours.Count} 项）"));
        if (hours.Count == 0)
        {
            None(content, "None.", "无。");
            return;
        }
        var shown = hours.Take(Settings.WeeklyListRows).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(T("Date", "日期"), 1.1f)).Column(TableColumn.Text(Language.Label("tenant"), 2.2f))
                .Column(TableColumn.Text(T("Finding", "问题"), 1.2f)).Column(TableColumn.Number(T("Minutes", "分钟"), 0.8f));
            foreach (var f in shown)
                t.Row(Language.Date(f.Date), $"{f.TenantName} ({f.TenantId})", Name(f.Type), f.Minutes is { } m ? Count(m) : Missing);
        });
        More(content, hours.Count, shown.Count);
    }
}
