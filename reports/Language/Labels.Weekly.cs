namespace Analytics.Reports.Language;

internal static partial class Labels
{
    /// <summary>The weekly brief's own texts: its section titles, then its sentences, headers and notes in the order of its sections.</summary>
    private static Dictionary<string, (string En, string Zh)> Weekly() => new(StringComparer.Ordinal)
    {
        // Section titles, without numbers: the brief numbers its sections in list order (BriefDocument.ComposeSections).
        ["weekly_sales"] = ("Sales", "销售"),
        ["weekly_complaints"] = ("Complaints", "顾客投诉"),
        ["weekly_patrols"] = ("Floor patrols", "巡场检查"),
        ["weekly_arrears"] = ("Arrears that grew", "欠费增加"),
        ["weekly_flags"] = ("New flags", "新增预警"),
        ["weekly_requests"] = ("Merchants' requests", "商户诉求"),
        ["weekly_credit"] = ("Credit grades that changed", "信用等级变动"),
        // The document: its title, metadata, header and key figures.
        ["weekly_week"] = ("Week {0}, {1}", "{1}年第{0}周"),
        ["weekly_title"] = ("Weekly brief — {0}", "周经营简报 — {0}"),
        ["weekly_subject"] = ("{0}: {1}", "{0}：{1}"),
        ["weekly_subtitle"] = ("{0} · {1} · compared with the week before and with the same week last year ({2} – {3})",
            "{0} · {1} · 对比上周及去年同周（{2} – {3}）"),
        ["weekly_net_sales"] = ("Net sales this week", "本周销售额"),
        ["vs_last_week"] = ("vs last week", "环比"),
        ["weekly_same_week_last_year"] = ("Same week last year", "去年同周"),
        ["weekly_this_week_yoy"] = ("this week: {0}", "本周同比 {0}"),
        ["weekly_new_complaints"] = ("New complaints", "新增投诉"),
        ["weekly_older_open"] = ("{0} older still open", "另有 {0} 宗未结"),
        // Sales.
        ["weekly_by_floor"] = ("By floor", "按楼层"),
        ["weekly_by_category"] = ("By category", "按业态"),
        ["weekly_top_movers"] = ("Top movers (against last week)", "环比增幅最大"),
        ["weekly_bottom_movers"] = ("Bottom movers (against last week)", "环比降幅最大"),
        ["weekly_this_week"] = ("This week", "本周"),
        ["weekly_last_week"] = ("Last week", "上周"),
        ["weekly_change"] = ("Change", "环比"),
        ["weekly_total"] = ("Total", "合计"),
        // Complaints.
        ["weekly_complaints_new"] = ("New this week ({0})", "本周新增（{0} 宗）"),
        ["weekly_complaints_older"] = ("Older, still open at the end of the week ({0})", "以前受理、周末仍未处理（{0} 宗）"),
        ["weekly_about"] = ("About", "对象"),
        ["weekly_days_open"] = ("Days open", "已开天数"),
        ["weekly_the_mall"] = ("The mall", "商场"),
        // Floor patrols.
        ["weekly_patrols_none"] = ("No patrol findings this week.", "本周巡场未发现问题。"),
        ["weekly_finding_count"] = ("{0} {1}", "{0} {1} 项"),
        ["weekly_patrols_summary"] = ("{0} findings: {1}.", "共 {0} 项：{1}。"),
        ["weekly_hours_heading"] = ("Late openings and early closings ({0})", "延迟开门与提前关门（{0} 项）"),
        ["weekly_date"] = ("Date", "日期"),
        // Arrears that grew.
        ["weekly_arrears_summary"] = ("Arrears on {0} against {1}: {2} tenants owe at least {3} more. Total arrears {4} (a week before: {5}).",
            "{0}与{1}相比：{2} 家商户欠费增加 {3} 以上。欠费合计 {4}（一周前 {5}）。"),
        ["weekly_week_before"] = ("A week before", "一周前"),
        ["weekly_now"] = ("Now", "现在"),
        ["weekly_growth"] = ("Growth", "增加"),
        // New flags.
        ["weekly_flags_note"] = ("Flags of the {0} analysis that {1} did not raise.", "{0}分析中新出现（{1}未提示）的预警。"),
        ["weekly_flag"] = ("Flag", "预警"),
    };
}
