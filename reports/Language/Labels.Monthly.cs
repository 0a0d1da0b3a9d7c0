namespace Analytics.Reports.Language;

internal static partial class Labels
{
    /// <summary>The monthly brief's own texts: its section titles, then its sentences, headers and notes in the order of its sections.</summary>
    private static Dictionary<string, (string En, string Zh)> Monthly() => new(StringComparer.Ordinal)
    {
        // Section titles, without numbers: the brief numbers its sections in list order (BriefDocument.ComposeSections).
        ["monthly_summary"] = ("Executive summary", "经营摘要"),
        ["monthly_trends"] = ("Trends over 13 months", "近13个月走势"),
        ["monthly_categories"] = ("Categories", "业态表现"),
        ["monthly_floors"] = ("Floors", "楼层表现"),
        ["monthly_scores"] = ("Tenant scores", "商户评分分布"),
        ["monthly_adjustments"] = ("Rent and operating adjustments", "租金与经营调整"),
        ["monthly_expiries"] = ("Lease expiries", "租约到期"),
        ["monthly_arrears"] = ("Arrears aging", "欠费账龄"),
        ["monthly_complaints"] = ("Complaints", "顾客投诉"),
        ["monthly_audit"] = ("Turnover-rent audit", "营业提成稽核"),
        ["monthly_budget"] = ("Against budget", "预算完成情况"),
        ["monthly_requests"] = ("Merchants' requests", "商户诉求"),
        ["monthly_contest"] = ("Sales contest", "营业竞赛"),
        ["monthly_sheet_deliveries"] = ("Merchant sheets by mail", "商户报告邮件发送"),
        // The document: its title, metadata, header and key figures.
        ["monthly_title"] = ("Monthly brief — {0}", "月度经营简报 — {0}"),
        ["monthly_subject"] = ("{0}: sales, occupancy, rent, scores and flags", "{0}：销售、出租、租金、评分与预警"),
        ["monthly_subtitle"] = ("{0} · as of {1} · {2} tenants in force", "{0} · 截至 {1} · 在营商户 {2} 家"),
        // The flag tables (shortlist and adjustments).
        ["monthly_flag_score"] = ("Score", "评分"),
        ["monthly_flag_opportunity"] = ("Opportunity a year", "年机会值"),
        ["monthly_flag_reasons"] = ("Reasons", "原因"),
        // Summary.
        ["vs_last_month"] = ("vs last month", "环比"),
        ["monthly_tenant_complaints"] = ("Complaints about tenants", "商户投诉"),
        ["monthly_what_changed"] = ("What changed", "本月要点"),
        ["monthly_points"] = ("{0} pts {1}", "{0} 个百分点 {1}"),
        ["monthly_finding_sales"] = ("Net sales were {0}, {1} on the same month last year", "本月销售额 {0}，同比 {1}"),
        ["monthly_finding_driver"] = ("; the largest move was {0} ({1}{2}, {3}).", "；变动最大的业态是{0}（{1}{2}，{3}）。"),
        ["monthly_finding_footfall"] = (" Footfall moved {0} and conversion {1} on last year.", "客流同比 {0}，提袋率同比 {1}。"),
        ["monthly_finding_categories"] = ("Strongest category: {0} ({1} year on year); weakest: {2} ({3}).",
            "增长最快的业态为{0}（同比 {1}），最弱为{2}（同比 {3}）。"),
        // {3}: the change's sign, which the Chinese sentence writes.
        ["monthly_finding_arrears"] = ("Arrears stand at {0} ({1} on last month); {2} is more than 60 days overdue.",
            "欠费余额 {0}（较上月 {3}{1}），其中逾期超过60天的为 {2}。"),
        // {0} every count phrase but the last, {1} the last, {4} all of them; {2} and {3} the sections' numbers.
        ["monthly_finding_flags"] = ("The analysis flags {0} and {1} (sections {2} and {3}).", "本月分析共提示{4}（见第{2}、{3}部分）。"),
        ["monthly_finding_expiries"] = ("{0} leases end within {1} days; the weighted average lease expiry is {2} years.",
            "{1}天内到期租约 {0} 份；加权平均剩余租期 {2} 年。"),
        // Trends.
        ["monthly_sales_chart"] = ("Net sales by month (¥ million)", "月销售额（百万元）"),
        ["monthly_footfall_chart"] = ("Footfall (thousands)", "客流（千人次）"),
        ["monthly_rates_chart"] = ("Rates (%)", "比率（%）"),
        // Categories.
        ["monthly_category_share_chart"] = ("Share of net sales by category (%)", "各业态销售占比（%）"),
        ["monthly_healthy_band"] = ("Healthy band", "健康区间"),
        // Scores.
        ["monthly_scores_summary"] = ("{0} tenants have a score; the median is {1}. {2} score under 40 and {3} score 70 or more. A score weighs six pillars (productivity, trend, affordability, payment, customers, compliance) against the tenant's category peers.",
            "共 {0} 家商户有评分，中位数 {1}；低于40分的 {2} 家，70分及以上的 {3} 家。评分综合坪效、增长、租金负担、缴费、顾客评价、经营合规六个维度，均与同业态同行比较。"),
        ["monthly_scores_chart"] = ("Tenants by score band", "各分数段商户数"),
        // Shortlist.
        ["monthly_shortlist_note"] = ("Ranked by the re-letting opportunity: a year of sales the unit should achieve but does not, plus the rent at risk. Every candidate under-performs its category peers persistently and what the unit should achieve, with arrears or rising complaints.",
            "按重新招商的机会排序：该铺位应达而未达的一年销售额，加上面临风险的租金。名单上的商户均持续低于同业态同行和铺位预期水平，并伴有欠费或投诉上升。"),
        // Expiries.
        ["monthly_expiries_summary"] = ("Weighted average lease expiry (by base rent): {0} years. {1} leases covering {2} m² ({3} of the leased area) end in the next {4} months.",
            "加权平均剩余租期（按保底租金加权）：{0} 年。未来 {4} 个月内到期租约 {1} 份，面积 {2} ㎡（占已出租面积 {3}）。"),
        ["monthly_leases"] = ("Leases", "租约数"),
        ["monthly_base_rent_month"] = ("Base rent a month", "月保底租金"),
        ["monthly_expiries_within"] = ("Leases ending within {0} days", "{0}天内到期的租约"),
        ["monthly_lease_ends"] = ("Lease ends", "到期日"),
        ["monthly_within"] = ("Within", "剩余"),
        ["monthly_flags"] = ("Flags", "预警"),
        ["monthly_days_bucket"] = ("{0} days", "{0}天内"),
        // Arrears.
        ["monthly_arrears_summary"] = ("Arrears on {0}: {1} owed by {2} tenants. Bills due on that day are owed but not yet overdue ({3}), so they are in no bucket.",
            "截至 {0} 欠费合计 {1}，涉及 {2} 家商户。当日到期的账单计入欠费但尚未逾期（{3}），不计入任何账龄段。"),
        ["aging_1_30"] = ("1–30 days", "1–30天"),
        ["aging_31_60"] = ("31–60 days", "31–60天"),
        ["aging_61_90"] = ("61–90 days", "61–90天"),
        ["aging_over_90"] = ("Over 90 days", "90天以上"),
        ["aging_1_30_short"] = ("1–30", "1–30天"),
        ["aging_31_60_short"] = ("31–60", "31–60天"),
        ["aging_61_90_short"] = ("61–90", "61–90天"),
        ["aging_over_90_short"] = ("> 90", "90天以上"),
        ["monthly_days_overdue"] = ("Days overdue", "逾期天数"),
        ["monthly_amount"] = ("Amount", "金额"),
        ["monthly_share_of_overdue"] = ("Share of overdue", "占逾期比例"),
        ["monthly_largest_arrears"] = ("Largest arrears", "欠费金额最大的商户"),
        // Complaints.
        ["monthly_complaints_summary"] = ("{0} complaints were received in {1} ({2} about the mall itself); {3} were still open at month end. Resolution time is from receipt to resolution, for complaints resolved by month end.",
            "{1}共收到投诉 {0} 宗（其中针对商场本身 {2} 宗），月末仍未处理 {3} 宗。处理时长为月末前已处理投诉从受理到办结的时间。"),
        ["monthly_complaints_count"] = ("Complaints", "投诉数"),
        ["monthly_by_severity"] = ("By severity", "按严重度加权"),
        ["monthly_about_mall"] = ("About the mall", "针对商场"),
        ["monthly_complaints_resolved"] = ("Resolved", "已处理"),
        ["monthly_complaints_open"] = ("Open", "未处理"),
        ["monthly_median_hours"] = ("Median hours", "处理时长中位数（小时）"),
        ["monthly_p90_hours"] = ("90% within (h)", "90%办结时长（小时）"),
        // Sales contest.
        ["monthly_contest_rules"] = ("Tenants open at least 3 months with sales reported compete within their category (at least 3 contestants). Best sales per m²: against the median of the category's other contestants. Most improved: change of sales per m² on the same month last year, minus the other contestants' median change; given only when ahead by at least 5 points.",
            "开业满3个月且报送了销售的商户在本业态内参赛（至少3家）。坪效冠军：与本业态其他参赛商户坪效中位数相比；进步最快：坪效同比变化减去本业态其他参赛商户的同比变化中位数，领先不足5个百分点则本月不评。"),
        ["monthly_contest_none"] = ("No category had enough contestants this month.", "本月没有业态达到参赛商户数。"),
        ["monthly_contest_ahead"] = ("{0} pts", "{0}个百分点"),
        ["monthly_contest_best"] = ("Best sales per m²", "坪效冠军"),
        ["monthly_contest_times_median"] = ("× median", "为中位数倍数"),
        ["monthly_contest_improved"] = ("Most improved", "进步最快"),
        ["monthly_contest_ahead_of"] = ("Ahead of category", "领先业态"),
        ["monthly_contest_not_held"] = ("not held", "未评"),
        ["monthly_contest_none_ahead"] = ("none ahead by 5 pts", "无领先5个百分点者"),
        ["monthly_contest_mall_best"] = ("Mall-wide best sales per m²: {0}, {1}, {2} its category's median.", "全场坪效冠军：{0}（{1}），为本业态中位数的 {2}。"),
        ["monthly_contest_mall_improved"] = ("Mall-wide most improved: {0}, {1}, {2} year on year, {3} ahead of its category.",
            "全场进步最快：{0}（{1}），坪效同比 {2}，领先本业态 {3}。"),
        // Merchant sheets by mail.
        ["monthly_sheets_sent"] = ("Merchant sheets for {0}: {1} merchants received their sheet by mail; {2} refused by the mail server; {3} awaiting a retry.",
            "{0}商户经营报告邮件：{1} 家商户已收到；{2} 家被邮件服务器拒收；{3} 家等待重试。"),
        ["monthly_sheets_none"] = ("Merchant sheets for {0}: no deliveries recorded.", "{0}商户经营报告邮件：无发送记录。"),
    };
}
