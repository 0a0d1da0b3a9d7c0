using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>Did every merchant get its sheet of the month before? (from the deliveries log).</summary>
internal sealed class SheetDeliveriesSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_sheet_deliveries");


    public override void Compose(ContentBuilder content)
    {
        var d = Data.PreviousSheetDeliveries;
        var month = Language.Month(d.Period.Year, d.Period.Number);
        content.Paragraph(d.Any
            ? Label("monthly_sheets_sent", month, Count(d.Received), Count(d.Refused), Count(d.Pending))
            : Label("monthly_sheets_none", month));
    }
}
