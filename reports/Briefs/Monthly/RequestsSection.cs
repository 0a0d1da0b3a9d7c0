using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>Merchants' requests by category.</summary>
internal sealed class RequestsSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_requests");

    public override void Compose(ContentBuilder content)
    {
        var rows = Data.RequestsByCategory;
        content.Paragraph(Language.Label("requests_month_summary", Count(rows.Sum(r => r.Raised)), MonthText, Count(rows.Sum(r => r.Resolved)),
            Count(rows.Sum(r => r.Open)), Count(rows.Sum(r => r.Overdue))));
        if (rows.Count == 0)
            return;
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("category"), 1.3f))
                .Column(TableColumn.Number(Language.Label("requests_raised"), 0.9f))
                .Column(TableColumn.Number(Language.Label("requests_resolved"), 0.9f))
                .Column(TableColumn.Number(Language.Label("requests_open"), 0.9f))
                .Column(TableColumn.Number(Language.Label("requests_overdue"), 0.9f))
                .Column(TableColumn.Number(Language.Label("requests_median_hours"), 1.5f));
            foreach (var r in rows)
            {
                t.Row(new TableCell(Name(r.Category)), new TableCell(Count(r.Raised)), new TableCell(Count(r.Resolved)), new TableCell(Count(r.Open)),
                    new TableCell(Count(r.Overdue), r.Overdue > 0 ? KpiTone.Bad : KpiTone.Neutral), new TableCell(Number(r.MedianHours, 1)));
            }
        });
    }
}
