using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Merchant;

/// <summary>Concrete next steps, most pressing first.</summary>
internal sealed class SuggestionsSection(MerchantSheet brief) : MerchantSection(brief)
{
    public override string Title => Label("merchant_suggestions");

    public override void Compose(ContentBuilder content)
    {
        content.Bullets(Suggestions().Take(Settings.MerchantSuggestions).ToArray());
    }

    /// <summary>Concrete next steps, most pressing first: money owed, then the weakest pillars, then what is going well.</summary>
    internal IEnumerable<string> Suggestions()
    {
        if (M.Arrears > 0 && M.ArrearsDays > 0)
        {
            yield return T($"Settle the {Money(M.Arrears)} outstanding (oldest bill {M.ArrearsDays} days overdue), or agree a payment plan with the leasing team this month.",
                $"请结清欠费 {Money(M.Arrears)}（最早一笔已逾期 {M.ArrearsDays} 天），或于本月内与招商部商定分期还款计划。");
        }
        foreach (var p in Score.Pillars.Where(p => p.Score is { } s && s < Settings.WeakPillarScore).OrderBy(p => p.Score))
        {
            var text = p.Name switch
            {
                "productivity" when p.PeerMedian is null => T("Sales per m² are below what a unit like yours is expected to achieve: review the product range and window display with the operations team, and join the mall's next promotion.",
                    "坪效低于同类铺位的预期水平：建议与运营部一起检视商品结构与橱窗陈列，并参加商场下一档营销活动。"),
                "productivity" => T("Sales per m² are below your category: review the product range and window display with the operations team, and join the mall's next promotion.",
                    "坪效低于同业态水平：建议与运营部一起检视商品结构与橱窗陈列，并参加商场下一档营销活动。"),
                "trend" => T("Sales are growing more slowly than your category: compare your best-selling months with this year's and plan a campaign for the coming season.",
                    "销售增长慢于同业态：建议对比往年旺季表现，为下一季制定促销计划。"),
                "affordability" => T("Rent takes a large share of your sales: talk to the leasing team about turnover-linked terms or a smaller unit at renewal.",
                    "租金占销售比例偏高：可与招商部沟通提成租金方案或续约时调整面积。"),
                "payment" => T("Pay bills by their due date: set up an automatic transfer so that no bill runs late.",
                    "请按期缴费：建议设置自动转账，避免逾期。"),
                "customer" => T("Customers complain often for the number of receipts: brief the staff on service and refunds and answer complaints within a day.",
                    "按交易笔数计投诉偏多：建议加强员工服务与退换货培训，并在一天内回复顾客投诉。"),
                "compliance" => T("Patrols found several issues: keep the mall's opening hours and check hygiene and fire safety daily.",
                    "巡场发现问题较多：请严格遵守商场营业时间，并每日自查卫生与消防安全。"),
                _ => null,
            };
            if (text is not null)
                yield return text;
        }
        if (Score.Pillars.FirstOrDefault(p => p.Name == "productivity") is { Score: >= 80 })
        {
            yield return T("Your sales per m² are among the best of your category: keep the current range and staffing through the next season.",
                "您的坪效位居同业态前列：建议在下一季保持现有商品结构与人员配置。");
        }
        var next = Data.Period.AddMonths(1);
        yield return T($"Agree your promotions for {Language.Month(next.Year, next.Number)} with the operations team, so they run with the mall's own campaigns.",
            $"请与运营部商定{Language.Month(next.Year, next.Number)}的促销安排，与商场营销活动同步开展。");
        yield return T("Share your monthly sales and receipts on time: the figures on this sheet are only as good as the data reported.",
            "请按时报送每月销售额与交易笔数：本报告的数据质量取决于报送数据。");
    }
}
