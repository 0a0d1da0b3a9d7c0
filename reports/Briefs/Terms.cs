using Analytics.Reports.Language;

namespace Analytics.Reports.Briefs;

/// <summary>
/// The names of the data's codes (categories, complaint kinds, patrol finding types, pillars, priorities; flags name themselves) in
/// both languages. A code without a name (a mall's own category) is printed as it is. Public: the workspace's pages
/// (api/Web) name the same codes with the same words.
/// </summary>
public static class Terms
{
    private static readonly Dictionary<string, (string En, string Zh)> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        // Tenant categories (the sample's; others print as written).
        ["fashion"] = ("Fashion", "服装"), ["f&b"] = ("F&B", "餐饮"), ["services"] = ("Services", "生活服务"),
        ["beauty"] = ("Beauty", "美妆"), ["kids"] = ("Kids", "儿童"), ["sports"] = ("Sports", "运动"), ["home"] = ("Home", "家居"),
        ["jewelry"] = ("Jewelry", "珠宝"), ["entertainment"] = ("Entertainment", "娱乐"), ["electronics"] = ("Electronics", "数码"),
        ["supermarket"] = ("Supermarket", "超市"),
        // Complaint categories.
        ["service"] = ("Service", "服务"), ["quality"] = ("Quality", "质量"), ["price"] = ("Price", "价格"), ["hygiene"] = ("Hygiene", "卫生"),
        ["safety"] = ("Safety", "安全"), ["refund"] = ("Refund", "退款"), ["other"] = ("Other", "其他"),
        // Patrol finding types.
        ["late_open"] = ("Late opening", "延迟开门"), ["early_close"] = ("Early closing", "提前关门"),
        ["closed_without_notice"] = ("Closed without notice", "无故闭店"), ["fire_safety"] = ("Fire safety", "消防安全"),
        ["display"] = ("Display", "陈列"), ["pricing"] = ("Price tags", "明码标价"),
        // Score pillars.
        ["productivity"] = ("Productivity", "坪效表现"), ["trend"] = ("Trend", "增长趋势"), ["affordability"] = ("Affordability", "租金负担"),
        ["payment"] = ("Payment", "缴费情况"), ["customer"] = ("Customers", "顾客评价"), ["compliance"] = ("Compliance", "经营合规"),
        // Priorities and statuses.
        ["high"] = ("High", "高"), ["medium"] = ("Medium", "中"), ["low"] = ("Low", "低"),
        ["open"] = ("Open", "未处理"), ["resolved"] = ("Resolved", "已处理"), ["in_progress"] = ("In progress", "处理中"),
        // Merchants' request categories ("other" is above).
        ["repair"] = ("Repair", "维修"), ["facility"] = ("Facilities", "设施"), ["cleaning"] = ("Cleaning", "保洁"),
        ["security"] = ("Security", "安保"), ["marketing"] = ("Marketing", "营销推广"), ["billing"] = ("Billing", "账单费用"),
        ["policy"] = ("Rules", "管理规定"), ["neighbour"] = ("Neighbours", "邻铺关系"),
        // Credit file rules (patrol finding types are above).
        ["unpaid"] = ("Unpaid bill", "欠缴账单"), ["paid_late"] = ("Bill paid late", "逾期缴费"), ["serious_complaint"] = ("Serious complaint", "严重投诉"),
        // Why a month's turnover rent was billed wrong.
        ["no_charge"] = ("No charge billed", "漏收提成"), ["tier_missed"] = ("Tier missed", "未按阶梯计提"),
        ["wrong_rate"] = ("Wrong rate", "提成比例错误"), ["not_due"] = ("Billed, none due", "不应收而收"),
    };

    /// <summary>The name of a code; a flag's name is its rule's (model/Flags).</summary>
    public static string Name(string code, ReportLanguage language) =>
        Names.TryGetValue(code, out var n) ? (language.IsChinese ? n.Zh : n.En)
        : Analytics.Model.Flags.FlagRules.Find(code) is { } flag ? flag.NameIn(language.Code)
        : code;

    public static string Priority(Analytics.Model.Flags.Priority priority, ReportLanguage language) =>
        Name(priority.ToString(), language);
}
