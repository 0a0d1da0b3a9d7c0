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
            t.Column(TableColumn.Text(Label("merchant_item"), 2.2f)).Column(TableColumn.Number(Label("merchant_this_tenant"), 1.2f)).Column(TableColumn.Number(Label("merchant_benchmark"), 1.4f));
            t.Row(Label("merchant_occupancy_cost"), Money(M.OccupancyCost is { } c ? (double)c : null), "");
            t.Row(new TableCell(Label("merchant_ocr_month")), new TableCell(Percent(M.Ocr), M.Ocr > band.High ? KpiTone.Bad : KpiTone.Neutral),
                new TableCell(Label("merchant_band", Language.Percent(band.Low, 0), Language.Percent(band.High, 0))));
            t.Row(new TableCell(Label("merchant_ocr_12m")), new TableCell(Percent(M.OcrTtm), M.OcrTtm > band.High ? KpiTone.Bad : KpiTone.Neutral),
                new TableCell(peerOcr is { } p ? Label("merchant_median_of_category", Language.Percent(p)) : Missing));
            t.Row(new TableCell(Label("merchant_unpaid_on", Language.Date(Data.AsOf))), new TableCell(Money(M.Arrears), M.Arrears > 0 ? KpiTone.Bad : KpiTone.Good), new TableCell(""));
            t.Row(new TableCell(Label("merchant_oldest_unpaid")), new TableCell(Count(M.ArrearsDays), M.ArrearsDays > 30 ? KpiTone.Bad : KpiTone.Neutral), new TableCell(""));
            t.Row(new TableCell(Label("merchant_paid_late")), new TableCell(Percent(M.LateShare12m)),
                new TableCell(Score.Frame.LateSharePeerMedian is { } l ? Label("merchant_median_of_category", Language.Percent(l)) : Missing));
        });
        if (M.Arrears > 0)
        {
            content.Paragraph(Label("merchant_overdue_by_age", Money(M.Aging1To30), Money(M.Aging31To60), Money(M.Aging61To90), Money(M.AgingOver90)), Typography.Note);
        }
    }
}
