using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Weekly;

/// <summary>The week's new complaints and those still open.</summary>
internal sealed class ComplaintsSection(WeeklyBrief brief) : WeeklySection(brief)
{
    public override string Title => Label("weekly_complaints");

    public override void Compose(ContentBuilder content)
    {
        if (NoData(content, Data.Availability.Complaints, "data_complaints"))
            return;
        content.Heading2(T($"New this week ({Data.NewComplaints.Count})", $"本周新增（{Data.NewComplaints.Count} 宗）"));
        ComplaintTable(content, Data.NewComplaints);
        content.Heading2(T($"Older, still open at the end of the week ({Data.OpenComplaints.Count})", $"以前受理、周末仍未处理（{Data.OpenComplaints.Count} 宗）"));
        ComplaintTable(content, Data.OpenComplaints);
    }

    private void ComplaintTable(ContentBuilder content, IReadOnlyList<ComplaintRow> rows)
    {
        if (rows.Count == 0)
        {
            None(content, "None.", "无。");
            return;
        }
        var shown = rows.OrderByDescending(r => r.Severity).ThenBy(r => r.ReceivedAt).Take(Settings.WeeklyListRows).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(T("Received", "受理日期"), 1.1f)).Column(TableColumn.Text(T("About", "对象"), 2f))
                .Column(TableColumn.Text(T("Kind", "类别"), 0.9f)).Column(TableColumn.Number(T("Severity", "严重程度"), 0.8f))
                .Column(TableColumn.Number(T("Days open", "已开天数"), 0.8f));
            foreach (var c in shown)
            {
                var end = c.ResolvedAt is { } r && DateOnly.FromDateTime(r) <= Data.Week.Sunday ? DateOnly.FromDateTime(r) : Data.Week.Sunday;
                var resolved = c.ResolvedAt is { } rr && DateOnly.FromDateTime(rr) <= Data.Week.Sunday;
                t.Row(new TableCell(Language.Date(DateOnly.FromDateTime(c.ReceivedAt))),
                    new TableCell(c.TenantId is null ? T("The mall", "商场") : $"{c.TenantName ?? c.TenantId} ({c.TenantId})"),
                    new TableCell(Name(c.Category)), new TableCell(Count(c.Severity), c.Severity >= 3 ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(resolved ? Name("resolved") : Count(end.DayNumber - DateOnly.FromDateTime(c.ReceivedAt).DayNumber)));
            }
        });
        More(content, rows.Count, shown.Count);
    }
}
