namespace Analytics.Reports.Language;

/// <summary>
/// Every fixed text a report prints, in both languages, in one table so a missing translation shows up in one
/// place (a test checks that every key has both). Keys are snake_case; {0}, {1} are filled by
/// <see cref="ReportLanguage.Label(string, object[])"/>.
/// </summary>
internal static class Labels
{
    private static readonly Dictionary<string, (string En, string Zh)> Table = new(StringComparer.Ordinal)
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
        ["complaints"] = ("Complaints", "投诉"),
        ["footfall"] = ("Footfall", "客流"),
        ["occupancy_rate"] = ("Occupancy", "出租率"),
        ["collection_rate"] = ("Collection rate", "收缴率"),
        ["vs_last_year"] = ("vs last year", "同比"),
        ["month"] = ("Month", "月份"),
        ["last_year"] = ("Last year", "去年同期"),
        ["this_year"] = ("This year", "本年"),
        ["track_record"] = ("Track record of the flags", "预警历史准确率"),
        ["track_record_intro"] = ("Backtest {0} to {1}, flags recomputed with what was known at each month's end, outcomes within 6 months: ",
            "回测 {0} 至 {1}，按各月末当时已知的数据重算预警，观察其后6个月的结果："),
        ["track_record_item"] = ("{0}: {1} of {2} borne out ({3}, {4} times the rate among tenants not flagged)",
            "{0}：{2} 次中 {1} 次应验（{3}，为未预警商户的 {4} 倍）"),
        ["track_record_empty"] = ("no flag with a known outcome yet", "尚无可核验结果的预警"),
        ["track_record_none"] = ("No backtest has been run on this warehouse yet (analytics backtest).", "尚未对该数据仓库运行回测（analytics backtest）。"),
    };

    public static IReadOnlyCollection<string> Keys => Table.Keys;

    public static string Lookup(string key, ReportLanguage language)
    {
        if (!Table.TryGetValue(key, out var texts))
            throw new KeyNotFoundException($"No report label '{key}'.");
        return language.IsChinese ? texts.Zh : texts.En;
    }
}
