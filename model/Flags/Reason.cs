using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Model.Flags;

/// <summary>
/// A reason as data: a fixed code and its figures. Sentences are rendered from it in English or Chinese, so a
/// report in either language (and a test) reads the same facts.
/// </summary>
public sealed record Reason(string Code, IReadOnlyDictionary<string, object> Figures)
{
    public static Reason Of(string code, params (string Name, object Value)[] figures) =>
        new(code, figures.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal));

    public string Render(string language) => ReasonText.Render(this, language);
}

/// <summary>The sentence templates of every reason code, in English and simplified Chinese.</summary>
public static partial class ReasonText
{
    // Placeholders: {name:format}; formats: pct0, pct1 (0.153 → 15%, 15.3%), n0, n1, money (thousands grouped), date.
    private static readonly Dictionary<string, (string En, string Zh)> Templates = new(StringComparer.Ordinal)
    {
        ["under_peers"] = (
            "Sales density over the last 3 months is {density:n0} per m², {ratio:pct0} of the peer median of {peer:n0}; it was below {threshold:pct0} of peers in {months:n0} of the last {window:n0} months.",
            "近3个月坪效 {density:n0} 元/㎡，为同业态同行中位数 {peer:n0} 的 {ratio:pct0}；近 {window:n0} 个月中有 {months:n0} 个月低于同行的 {threshold:pct0}。"),
        ["under_expected"] = (
            "Sales are {ratio:pct0} of what this unit is expected to achieve ({expected:n0} per m² a month).",
            "销售仅为该铺位预期水平（每月 {expected:n0} 元/㎡）的 {ratio:pct0}。"),
        ["arrears"] = (
            "{arrears:money} is unpaid; the oldest bill is {days:n0} days overdue.",
            "欠缴 {arrears:money} 元，最早一笔已逾期 {days:n0} 天。"),
        ["complaints_rising"] = (
            "{count:n0} complaints in the last 3 months, {factor:n1} times its own earlier monthly rate.",
            "近3个月投诉 {count:n0} 宗，为其以往月均水平的 {factor:n1} 倍。"),
        ["lease_expiry"] = (
            "The lease ends on {date:date}, in {months:n0} months.",
            "租约于 {date:date} 到期，剩余 {months:n0} 个月。"),
        ["relet_opportunity"] = (
            "Re-letting at the expected level would add about {gain:money} of sales a year; {rent:money} of rent is at risk.",
            "若按预期水平重新招商，每年可增加约 {gain:money} 元销售额；面临风险的租金为 {rent:money} 元。"),
        ["ocr_high"] = (
            "Occupancy cost is {ocr:pct1} of sales over 12 months, above the category's healthy band of {low:pct0} to {high:pct0}.",
            "近12个月租售比为 {ocr:pct1}，高于该业态健康区间 {low:pct0} 至 {high:pct0}。"),
        ["sales_at_peers"] = (
            "Sales density is {ratio:pct0} of the peer median.",
            "坪效为同行中位数的 {ratio:pct0}。"),
        ["sales_at_expected"] = (
            "Sales are {ratio:pct0} of what this unit is expected to achieve.",
            "销售为该铺位预期水平的 {ratio:pct0}。"),
        ["pays_on_time"] = (
            "Pays on time: {late:pct0} of bills were late in 12 months and no bill is more than {days:n0} days overdue.",
            "缴费准时：近12个月逾期账单占 {late:pct0}，无超过 {days:n0} 天的欠费。"),
        ["top_performer"] = (
            "Sales density is {ratio:pct0} of the peer median, among the best of its category.",
            "坪效为同行中位数的 {ratio:pct0}，位居该业态前列。"),
        ["rent_below_floor"] = (
            "It pays {rent:n1} per m² a month, {ratio:pct0} of the median of {peer:n1} on its floor.",
            "每月租金 {rent:n1} 元/㎡，为同楼层中位数 {peer:n1} 的 {ratio:pct0}。"),
        ["complaints_up"] = (
            "{count:n0} complaints in the last 3 months: {own:n1} times its own earlier rate and {peers:n1} times the peer median.",
            "近3个月投诉 {count:n0} 宗，为自身以往水平的 {own:n1} 倍、同行中位数的 {peers:n1} 倍。"),
        ["violations_up"] = (
            "{count:n0} patrol findings in the last 3 months: {own:n1} times its own earlier rate and {peers:n1} times the peer median.",
            "近3个月巡场问题 {count:n0} 项，为自身以往水平的 {own:n1} 倍、同行中位数的 {peers:n1} 倍。"),
        ["sales_hold"] = (
            "Sales hold: they moved {change:pct0} against the category's own movement.",
            "销售保持稳定：相对同业态整体走势变动 {change:pct0}。"),
        ["sales_drop"] = (
            "Reported sales fell {change:pct0} against the tenant's own previous 6 months, net of the market's movement.",
            "扣除市场整体变动后，申报销售额较其前6个月下降 {change:pct0}。"),
        ["receipts_hold"] = (
            "Receipts, net of the market, changed by only {change:pct0}.",
            "扣除市场变动后，交易笔数仅变动 {change:pct0}。"),
        ["peers_hold"] = (
            "Its category peers changed by {change:pct0}.",
            "同业态同行变动 {change:pct0}。"),
        ["footfall_hold"] = (
            "Mall footfall changed by {change:pct0}.",
            "商场客流变动 {change:pct0}。"),
        ["ticket_outlier"] = (
            "The average ticket is {z:n1} robust standard deviations from its own history.",
            "客单价偏离自身历史 {z:n1} 个稳健标准差。"),
        ["risk_high"] = (
            "The risk model gives a {p:pct0} chance of leaving early or falling 60 days into arrears within 6 months (base rate {base:pct0}).",
            "风险模型预测其6个月内提前撤场或欠费超过60天的概率为 {p:pct0}（平均水平 {base:pct0}）。"),
        ["risk_rule_arrears"] = (
            "The oldest unpaid bill is {days:n0} days overdue (early-warning rule).",
            "最早一笔欠费已逾期 {days:n0} 天（预警规则）。"),
        ["risk_rule_late"] = (
            "Payments are slipping: {late:pct0} of bills were paid late in 12 months and a bill is {days:n0} days overdue now, while sales fell {slip:pct0} behind the category (early-warning rule).",
            "缴费出现恶化：近12个月 {late:pct0} 的账单逾期缴纳，目前有一笔已逾期 {days:n0} 天，同时销售落后同业态 {slip:pct0}（预警规则）。"),
    };

    public static IReadOnlyCollection<string> Codes => Templates.Keys;

    public static string Render(Reason reason, string language)
    {
        if (!Templates.TryGetValue(reason.Code, out var t))
        {
            throw new ArgumentException($"Unknown reason code '{reason.Code}'.", nameof(reason));
        }

        var template = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? t.Zh : t.En;
        return Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            if (!reason.Figures.TryGetValue(name, out var value))
            {
                throw new ArgumentException($"Reason '{reason.Code}' lacks the figure '{name}'.", nameof(reason));
            }

            return Format(value, m.Groups[2].Value);
        });
    }

    private static string Format(object value, string format)
    {
        var c = CultureInfo.InvariantCulture;
        if (value is DateOnly d)
        {
            return d.ToString("yyyy-MM-dd", c);
        }

        var x = Convert.ToDouble(value, c);
        return format switch
        {
            "pct0" => (x * 100).ToString("0", c) + "%",
            "pct1" => (x * 100).ToString("0.0", c) + "%",
            "n1" => x.ToString("0.0", c),
            "money" => x.ToString("#,0", c),
            _ => x.ToString("0", c),
        };
    }

    [GeneratedRegex(@"\{(\w+)(?::(\w+))?\}")]
    private static partial Regex Placeholder();
}
