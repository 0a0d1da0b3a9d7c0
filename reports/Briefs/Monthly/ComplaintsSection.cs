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
        content.Paragraph(T(
            $"{rows.Sum(r => r.Count)} complaints were received in {MonthText} ({rows.Sum(r => r.AboutMall)} about the mall itself); {rows.Sum(r => r.OpenAtEnd)} were still open at month end. Resolution time is from receipt to resolution, for complaints resolved by month end.",
            $"{MonthText}共收到投诉 {rows.Sum(r => r.Count)} 宗（其中针对商场本身 {rows.Sum(r => r.AboutMall)} 宗），月末仍未处理 {rows.Sum(r => r.OpenAtEnd)} 宗。处理时长为月末前已处理投诉从受理到办结的时间。"));
        if (rows.Count == 0)
            return;
        content.Table(t =>
        {
            t.Column(TableColumn.Text(T("Kind", "类别"), 1.2f))
                .Column(TableColumn.Number(T("Complaints", "投诉数"), 1f))
                .Column(TableColumn.Number(T("By severity", "按严重度加权"), 1.1f))
                .Column(TableColumn.Number(T("About the mall", "针对商场"), 1f))
                .Column(TableColumn.Number(T("Resolved", "已处理"), 0.9f))
                .Column(TableColumn.Number(T("Open", "未处理"), 0.9f))
                .Column(TableColumn.Number(T("Median hours", "处理时长中位数（小时）"), 1.3f))
                .Column(TableColumn.Number(T("90% within (h)", "90%办结时长（小时）"), 1.3f));
            foreach (var r in rows)
            {
                t.Row(new TableCell(Name(r.Category)), new TableCell(Count(r.Count)), new TableCell(Count(r.Weighted)), new TableCell(Count(r.AboutMall)),
                    new TableCell(Count(r.Resolved)), new TableCell(Count(r.OpenAtEnd), r.OpenAtEnd > 0 ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(Number(r.MedianHours, 1)), new TableCell(Number(r.P90Hours, 1)));
            }
        });
    }
}
