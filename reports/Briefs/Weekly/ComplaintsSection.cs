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
        content.Heading2(Label("weekly_complaints_new", Data.NewComplaints.Count));
        ComplaintTable(content, Data.NewComplaints);
        content.Heading2(Label("weekly_complaints_older", Data.OpenComplaints.Count));
        ComplaintTable(content, Data.OpenComplaints);
    }

    private void ComplaintTable(ContentBuilder content, IReadOnlyList<ComplaintRow> rows)
    {
        if (rows.Count == 0)
        {
            None(content, "none");
            return;
        }
        var shown = rows.OrderByDescending(r => r.Severity).ThenBy(r => r.ReceivedAt).Take(Settings.WeeklyListRows).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Label("received"), 1.1f)).Column(TableColumn.Text(Label("weekly_about"), 2f))
                .Column(TableColumn.Text(Label("kind"), 0.9f)).Column(TableColumn.Number(Label("severity"), 0.8f))
                .Column(TableColumn.Number(Label("weekly_days_open"), 0.8f));
            foreach (var c in shown)
            {
                var end = c.ResolvedAt is { } r && DateOnly.FromDateTime(r) <= Data.Week.Sunday ? DateOnly.FromDateTime(r) : Data.Week.Sunday;
                var resolved = c.ResolvedAt is { } rr && DateOnly.FromDateTime(rr) <= Data.Week.Sunday;
                t.Row(new TableCell(Language.Date(DateOnly.FromDateTime(c.ReceivedAt))),
                    new TableCell(c.TenantId is null ? Label("weekly_the_mall") : $"{c.TenantName ?? c.TenantId} ({c.TenantId})"),
                    new TableCell(Name(c.Category)), new TableCell(Count(c.Severity), c.Severity >= 3 ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(resolved ? Name("resolved") : Count(end.DayNumber - DateOnly.FromDateTime(c.ReceivedAt).DayNumber)));
            }
        });
        More(content, rows.Count, shown.Count);
    }
}
