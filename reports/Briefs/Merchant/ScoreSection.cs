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
        content.Paragraph(T(
            $"Your score is {Number(Score.Total, 1)} of 100: six pillars, each scored 0–100 against what is normal for your category.",
            $"您的综合评分为 {Number(Score.Total, 1)}（满分100），由六个维度组成，每项均与同业态正常水平比较，得分0–100。"));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(T("Pillar", "维度"), 1.3f)).Column(TableColumn.Number(T("Weight", "权重"), 0.7f))
                .Column(TableColumn.Number(T("Score", "得分"), 0.7f)).Column(TableColumn.Text(T("Measured by", "衡量指标"), 2.4f))
                .Column(TableColumn.Number(T("Yours", "本店"), 0.9f)).Column(TableColumn.Number(T("Category median", "业态中位数"), 1.1f));
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
        "productivity" => T("sales per m², 3-month median", "坪效（近3月中位数）"),
        "trend" => M.Yoy is null ? T("last 3 months against the 3 before", "近3月较前3月增长") : T("growth on last year", "同比增长"),
        "affordability" => T("rent-to-sales, 12 months", "近12月租售比"),
        "payment" => T("share of bills paid late", "逾期缴费比例"),
        "customer" => T("complaints per 10,000 receipts, 3 months", "近3月每万笔交易投诉数"),
        "compliance" => T("patrol findings, 3 months", "近3月巡场问题数"),
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
