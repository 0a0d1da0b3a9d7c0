namespace Analytics.Reports.Language;

/// <summary>
/// Every fixed text a report prints, in both languages side by side, looked up by a name, so a missing translation
/// shows up in one place (a test checks that every key has both). Keys are snake_case; {0}, {1} are filled by
/// <see cref="ReportLanguage.Label(string, object[])"/> with the invariant culture. This file holds the texts the
/// documents share; each brief's section titles, sentences, column headers and notes are in Labels.Monthly.cs,
/// Labels.Weekly.cs and Labels.Merchant.cs (one table: a key is defined once across them).
/// </summary>
internal static partial class Labels
{
    private static readonly Dictionary<string, (string En, string Zh)> Shared = new(StringComparer.Ordinal)
    {
        ["page_of"] = ("Page {0} of {1}", "第 {0} 页，共 {1} 页"),
        ["generated_on"] = ("Generated {0}", "生成于 {0}"),
        ["confidential"] = ("Internal, for the operations team", "内部资料，仅供运营团队使用"),
        ["tenant"] = ("Tenant", "商户"),
        ["category"] = ("Category", "业态"),
        ["floor"] = ("Floor", "楼层"),
        ["area_sqm"] = ("Area (m²)", "面积（㎡）"),
        ["net_sales"] = ("Net sales", "销售额"),
        ["sales_density"] = ("Sales per m²", "坪效"),
        ["ocr"] = ("Occupancy cost ratio", "租售比"),
        ["arrears"] = ("Arrears", "欠费"),
        ["footfall"] = ("Footfall", "客流"),
        ["occupancy_rate"] = ("Occupancy", "出租率"),
        ["collection_rate"] = ("Collection rate", "收缴率"),
        ["vs_last_year"] = ("vs last year", "同比"),
        ["month"] = ("Month", "月份"),
        ["last_year"] = ("Last year", "去年同期"),
        ["this_year"] = ("This year", "本年"),
        ["no_data"] = ("No {0} data has been loaded for this mall, so this section is left out.", "本项目尚未载入{0}数据，本节从略。"),
        ["data_rent"] = ("rent", "租金"),
        ["data_complaints"] = ("complaints", "投诉"),
        ["data_inspections"] = ("floor-patrol", "巡场"),
        ["data_floor"] = ("floor", "楼层"),
        ["audit_summary"] = ("In the 12 months to {0}, {1} lease-months were billed wrong: {2} under-billed by {3} in all, {4} over-billed by {5} in all.",
            "截至{0}的12个月内，共有 {1} 个租约月份提成计收有误：少收 {2} 个月份，合计 {3}；多收 {4} 个月份，合计 {5}。"),
        ["audit_none"] = ("In the 12 months to {0}, every lease-month's turnover rent was billed as the lease makes due.",
            "截至{0}的12个月内，各租约月份的营业提成均按合同计收。"),
        ["audit_largest"] = ("Largest cases", "差额最大的月份"),
        ["period"] = ("Month", "账期"),
        ["expected"] = ("Due by lease", "合同应收"),
        ["billed"] = ("Billed", "实际计收"),
        ["difference"] = ("Difference", "差额"),
        ["why"] = ("Why", "原因"),
        ["budget_none"] = ("No budget is loaded for this month.", "本月未导入预算。"),
        ["budget_actual"] = ("Actual", "实际"),
        ["budget_target"] = ("Budget", "预算"),
        ["budget_vs"] = ("Against budget", "完成率差异"),
        ["budget_sales_month"] = ("Net sales, month", "当月销售额"),
        ["budget_sales_ytd"] = ("Net sales, year to date", "本年累计销售额"),
        ["budget_rent_month"] = ("Occupancy cost, month", "当月租金收入"),
        ["budget_rent_ytd"] = ("Occupancy cost, year to date", "本年累计租金收入"),
        ["budget_note"] = ("Sums over the tenants with a budget for the month; occupancy cost is base rent, turnover rent and service charge billed.",
            "按有当月预算的商户汇总；租金收入为计收的保底租金、营业提成与物业费。"),
        ["budget_furthest"] = ("Furthest below their sales target (year to date)", "销售目标完成最差的商户（本年累计）"),
        ["requests_month_summary"] = ("{0} requests were raised in {1} and {2} resolved; {3} were open at month end, {4} of them past their service time.",
            "{1}商户共提出诉求 {0} 项，办结 {2} 项；月末仍未办结 {3} 项，其中超过服务时限 {4} 项。"),
        ["requests_raised"] = ("Raised", "新增"),
        ["requests_resolved"] = ("Resolved", "办结"),
        ["requests_open"] = ("Open", "未办结"),
        ["requests_overdue"] = ("Overdue", "超时"),
        ["requests_median_hours"] = ("Median hours to resolve", "办结时长中位数（小时）"),
        ["requests_week_summary"] = ("{0} new this week, {1} resolved this week; {2} still open, {3} of them past their service time.",
            "本周新增 {0} 项，办结 {1} 项；仍未办结 {2} 项，其中超过服务时限 {3} 项。"),
        ["requests_by_age"] = ("Still open, by age and category", "未办结诉求：按时长与类别"),
        ["requests_oldest"] = ("Oldest open requests", "等待最久的诉求"),
        ["requests_age_0_3"] = ("0–3 days", "0–3天"),
        ["requests_age_4_7"] = ("4–7 days", "4–7天"),
        ["requests_age_8_30"] = ("8–30 days", "8–30天"),
        ["requests_age_over_30"] = ("Over 30 days", "30天以上"),
        ["requests_raised_on"] = ("Raised", "提出日期"),
        ["requests_days_open"] = ("Days open", "已等待天数"),
        ["status"] = ("Status", "状态"),
        ["description"] = ("What", "内容"),
        ["merchant_requests"] = ("Your open requests", "您尚未办结的诉求"),
        ["merchant_requests_none"] = ("You have no open request with the operations desk.", "您目前没有未办结的诉求。"),
        ["credit_changes_note"] = ("Grades of {0} against {1} (credit file: 100 points less deductions over 12 months; A from 90, B from 75, C from 60).",
            "{0}信用等级与{1}对比（信用档案：100分扣减近12个月记录；90分以上A，75分以上B，60分以上C）。"),
        ["credit_none_changed"] = ("No grade changed.", "没有商户信用等级变动。"),
        ["credit_before"] = ("Before", "原等级"),
        ["credit_now"] = ("Now", "现等级"),
        ["credit_points"] = ("Points", "分数"),
        ["credit_largest"] = ("Largest deduction", "最大扣分项"),
        ["merchant_credit"] = ("Your credit grade", "您的信用等级"),
        ["merchant_credit_line"] = ("Credit grade {0} ({1} of 100 points) for {2}.", "{2}信用等级 {0}（{1} 分，满分100）。"),
        ["merchant_credit_raise"] = ("{0} more points reach grade {1}. What costs you most:", "再提高 {0} 分可升至 {1} 级。扣分最多的项目："),
        ["merchant_credit_top"] = ("Grade A is the highest grade.", "A级为最高等级。"),
        ["merchant_target"] = ("Your sales target", "您的销售目标"),
        ["merchant_target_line"] = ("Sales target for {0}: {1}; your net sales {2} ({3} against the target). Year to date: {4} of {5} ({6}).",
            "{0}销售目标 {1}；实际销售额 {2}（较目标 {3}）。本年累计：{4} / {5}（{6}）。"),
        ["track_record"] = ("Track record of the flags", "预警历史准确率"),
        ["track_record_intro"] = ("Backtest {0} to {1}, flags recomputed with what was known at each month's end, outcomes within 6 months: ",
            "回测 {0} 至 {1}，按各月末当时已知的数据重算预警，观察其后6个月的结果："),
        ["track_record_item"] = ("{0}: {1} of {2} borne out ({3}, {4} times the rate among tenants not flagged)",
            "{0}：{2} 次中 {1} 次应验（{3}，为未预警商户的 {4} 倍）"),
        ["track_record_empty"] = ("no flag with a known outcome yet", "尚无可核验结果的预警"),
        ["track_record_none"] = ("No backtest has been run on this warehouse yet (analytics backtest).", "尚未对该数据仓库运行回测（analytics backtest）。"),
        ["track_record_separator"] = ("; ", "；"),
        // The briefs' common words: headings, lists, notes and the column headers several sections print.
        ["section_heading"] = ("{0}. {1}", "{0}、{1}"),
        ["author"] = ("Operations analytics", "运营分析组"),
        ["more"] = ("… and {0} more.", "……另有 {0} 项。"),
        ["none"] = ("None.", "无。"),
        ["none_this_month"] = ("None this month.", "本月无。"),
        ["sentence_end"] = (".", "。"),
        ["list_separator"] = (", ", "、"),
        ["comma"] = (", ", "，"),
        ["tenants_count"] = ("Tenants", "商户数"),
        ["share"] = ("Share", "占比"),
        ["yoy"] = ("YoY", "同比"),
        ["conversion"] = ("Conversion", "提袋率"),
        ["oldest_days"] = ("Oldest (days)", "最长逾期（天）"),
        ["kind"] = ("Kind", "类别"),
        ["severity"] = ("Severity", "严重程度"),
        ["received"] = ("Received", "受理日期"),
        ["finding"] = ("Finding", "问题"),
        ["minutes"] = ("Minutes", "分钟"),
        ["priority"] = ("Priority", "优先级"),
        ["category_median"] = ("Category median", "业态中位数"),
    };

    private static readonly Dictionary<string, (string En, string Zh)> Table = Merge(Shared, Monthly(), Weekly(), Merchant());

    /// <summary>The tables as one; a key defined twice is a programming error, caught when the first label is read.</summary>
    private static Dictionary<string, (string En, string Zh)> Merge(params Dictionary<string, (string En, string Zh)>[] tables)
    {
        var all = new Dictionary<string, (string En, string Zh)>(StringComparer.Ordinal);
        foreach (var (key, texts) in tables.SelectMany(t => t))
        {
            if (!all.TryAdd(key, texts))
                throw new InvalidOperationException($"The report label '{key}' is defined twice.");
        }
        return all;
    }

    public static IReadOnlyCollection<string> Keys => Table.Keys;

    public static string Lookup(string key, ReportLanguage language)
    {
        if (!Table.TryGetValue(key, out var texts))
            throw new KeyNotFoundException($"No report label '{key}'.");
        return language.IsChinese ? texts.Zh : texts.En;
    }
}
