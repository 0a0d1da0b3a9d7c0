using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>Complaints by kind: counts, severity, open and resolution times.</summary>
internal sealed class ComplaintsSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_complaints");

    public override void Compose(ContentBuilder content)
    {
        if (NoData(content, Data.Analysis.Availability.Complaints, "data_complaints"))
            return;
        var rows = Data.ComplaintsByCategory;
        content.Paragraph(Label("monthly_complaints_summary", rows.Sum(r => r.Count), MonthText, rows.Sum(r => r.AboutMall), rows.Sum(r => r.OpenAtEnd)));
        if (rows.Count == 0)
            return;
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Label("kind"), 1.2f))
                .Column(TableColumn.Number(Label("monthly_complaints_count"), 1f))
                .Column(TableColumn.Number(Label("monthly_by_severity"), 1.1f))
                .Column(TableColumn.Number(Label("monthly_about_mall"), 1f))
                .Column(TableColumn.Number(Label("monthly_complaints_resolved"), 0.9f))
                .Column(TableColumn.Number(Label("monthly_complaints_open"), 0.9f))
                .Column(TableColumn.Number(Label("monthly_median_hours"), 1.3f))
                .Column(TableColumn.Number(Label("monthly_p90_hours"), 1.3f));
            foreach (var r in rows)
            {
                t.Row(new TableCell(Name(r.Category)), new TableCell(Count(r.Count)), new TableCell(Count(r.Weighted)), new TableCell(Count(r.AboutMall)),
                    new TableCell(Count(r.Resolved)), new TableCell(Count(r.OpenAtEnd), r.OpenAtEnd > 0 ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(Number(r.MedianHours, 1)), new TableCell(Number(r.P90Hours, 1)));
            }
        });
    }
}
