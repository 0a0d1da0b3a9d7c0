using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Merchant;

/// <summary>Rent burden and payments against its band and its category.</summary>
internal sealed class RentSection(MerchantSheet brief) : MerchantSection(brief)
{
    public override string Title => Label("merchant_rent");

    public override void Compose(ContentBuilder content)
    {
        if (NoData(content, Data.Analysis.Availability.Rent, "data_rent"))
            return;
        var band = Data.Analysis.Settings.BandOf(M.Category);
        var peerOcr = Score.Frame.OcrTtmPeerMedian;
        content.Table(t =>
        {
            t.Column(TableColumn.Text(T("Item", "项目"), 2.2f)).Column(TableColumn.Number(T("This tenant", "本店"), 1.2f)).Column(TableColumn.Number(T("Benchmark", "参照"), 1.4f));
            t.Row(T("Occupancy cost this month (rent + service charge)", "本月租金及物业费"), Money(M.OccupancyCost is { } c ? (double)c : null), "");
            t.Row(new TableCell(T("Rent-to-sales, this month", "本月租售比")), new TableCell(Percent(M.Ocr), M.Ocr > band.High ? KpiTone.Bad : KpiTone.Neutral),
                new TableCell(T("band ", "健康区间 ") + $"{Language.Percent(band.Low, 0)}–{Language.Percent(band.High, 0)}"));
            t.Row(new TableCell(T("Rent-to-sales, 12 months", "近12月租售比")), new TableCell(Percent(M.OcrTtm), M.OcrTtm > band.High ? KpiTone.Bad : KpiTone.Neutral),
                new TableCell(peerOcr is { } p ? T("category median ", "业态中位数 ") + Language.Percent(p) : Missing));
            t.Row(new TableCell(T("Unpaid on " + Language.Date(Data.AsOf), "截至" + Language.Date(Data.AsOf) + "欠费")), new TableCell(Money(M.Arrears), M.Arrears > 0 ? KpiTone.Bad : KpiTone.Good), new TableCell(""));
            t.Row(new TableCell(T("Oldest unpaid bill (days overdue)", "最早欠费逾期天数")), new TableCell(Count(M.ArrearsDays), M.ArrearsDays > 30 ? KpiTone.Bad : KpiTone.Neutral), new TableCell(""));
            t.Row(new TableCell(T("Bills paid late, 12 months", "近12月逾期缴费比例")), new TableCell(Percent(M.LateShare12m)),
                new TableCell(Score.Frame.LateSharePeerMedian is { } l ? T("category median ", "业态中位数 ") + Language.Percent(l) : Missing));
        });
        if (M.Arrears > 0)
        {
            content.Paragraph(T(
                $"Overdue by age: 1–30 days {Money(M.Aging1To30)}, 31–60 days {Money(M.Aging31To60)}, 61–90 days {Money(M.Aging61To90)}, over 90 days {Money(M.AgingOver90)}.",
                $"按逾期天数：1–30天 {Money(M.Aging1To30)}，31–60天 {Money(M.Aging31To60)}，61–90天 {Money(M.Aging61To90)}，90天以上 {Money(M.AgingOver90)}。"), Typography.Note);
        }
    }
}
