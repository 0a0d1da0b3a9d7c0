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
        ["no_data"] = ("No {0} data has been loaded for this mall, so this section is left out.", "本项目尚未载入{0}数据，本节从略。"),
        ["data_rent"] = ("rent", "租金"),
        ["data_complaints"] = ("complaints", "投诉"),
        ["data_inspections"] = ("floor-patrol", "巡场"),
        ["data_floor"] = ("floor", "楼层"),
    };

    public static IReadOnlyCollection<string> Keys => Table.Keys;

    public static string Lookup(string key, ReportLanguage language)
    {
        if (!Table.TryGetValue(key, out var texts))
            throw new KeyNotFoundException($"No report label '{key}'.");
        return language.IsChinese ? texts.Zh : texts.En;
    }
}
