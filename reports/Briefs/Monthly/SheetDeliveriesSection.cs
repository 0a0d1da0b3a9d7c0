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
            ? T($"Merchant sheets for {month}: {Count(d.Received)} merchants received their sheet by mail; {Count(d.Refused)} refused by the mail server; {Count(d.Pending)} awaiting a retry.",
                $"{month}商户经营报告邮件：{Count(d.Received)} 家商户已收到；{Count(d.Refused)} 家被邮件服务器拒收；{Count(d.Pending)} 家等待重试。")
            : T($"Merchant sheets for {month}: no deliveries recorded.", $"{month}商户经营报告邮件：无发送记录。"));
    }
}
