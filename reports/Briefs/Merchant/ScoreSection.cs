using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Merchant;

/// <summary>Its score, pillar by pillar against its category.</summary>
internal sealed class ScoreSection(MerchantSheet brief) : MerchantSection(brief)
{
    public override string Title => Label("merchant_score");

    public override void Compose(ContentBuilder content)
    {
        content.Paragraph(Label("merchant_score_line", Number(Score.Total, 1)));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Label("merchant_pillar"), 1.3f)).Column(TableColumn.Number(Label("merchant_weight"), 0.7f))
                .Column(TableColumn.Number(Label("merchant_pillar_score"), 0.7f)).Column(TableColumn.Text(Label("merchant_measured_by"), 2.4f))
                .Column(TableColumn.Number(Label("merchant_yours"), 0.9f)).Column(TableColumn.Number(Label("category_median"), 1.1f));
            foreach (var p in Score.Pillars)
            {
                t.Row(new TableCell(Name(p.Name)), new TableCell(Language.Percent(p.Weight, 0)),
                    new TableCell(Number(p.Score, 0), p.Score is { } s ? (s < Settings.WeakPillarScore ? KpiTone.Bad : s >= 80 ? KpiTone.Good : KpiTone.Neutral) : KpiTone.Neutral),
                    new TableCell(Measure(p.Name)), new TableCell(Raw(p.Name, p.Raw)), new TableCell(Raw(p.Name, p.PeerMedian)));
            }
        });
    }

    private string Measure(string pillar) => pillar switch
    {
        "productivity" => Label("merchant_measure_productivity"),
        "trend" => M.Yoy is null ? Label("merchant_measure_trend_short") : Label("merchant_measure_trend"),
        "affordability" => Label("merchant_measure_affordability"),
        "payment" => Label("merchant_measure_payment"),
        "customer" => Label("merchant_measure_customer"),
        "compliance" => Label("merchant_measure_compliance"),
        _ => pillar,
    };

    private string Raw(string pillar, double? value) => pillar switch
    {
        "productivity" => Money(value),
        "trend" => Change(value),
        "affordability" or "payment" => Percent(value),
        "customer" => Number(value, 1),
        _ => Number(value, 1),
    };
}
