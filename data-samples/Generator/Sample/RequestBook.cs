using Analytics.SampleData.Common;
using Analytics.SampleData.Csv;

namespace Analytics.SampleData.Sample;

/// <summary>
/// Problems and requests merchants raise with the operations desk: a few a month across the mall, most resolved
/// within the category's service time. A few tenants have a repair still open weeks after it was raised on the
/// export day (planted overdue requests).
/// </summary>
internal static class RequestBook
{
    private const double PerTenantMonth = 0.22;

    private static readonly IReadOnlyList<(string Category, double Weight)> Categories =
    [
        ("repair", 0.30), ("facility", 0.15), ("cleaning", 0.12), ("security", 0.06), ("marketing", 0.12),
        ("billing", 0.10), ("policy", 0.05), ("neighbour", 0.05), ("other", 0.05),
    ];

    private static readonly Dictionary<string, string[]> Texts = new()
    {
        ["repair"] = ["空调不制冷，请派人检修", "店内漏水，天花板有水渍", "卷帘门无法完全关闭", "Power socket near the counter sparks"],
        ["facility"] = ["希望增加门口指示牌", "货梯经常排队，影响补货", "Loading bay booked by another shop every morning"],
        ["cleaning"] = ["公共区域垃圾未及时清理", "门口地面油污，顾客易滑倒"],
        ["security"] = ["夜间有人在店门口逗留", "请加强周末晚间巡逻"],
        ["marketing"] = ["申请参加周末商场活动", "希望在中庭做一次品牌推广", "Can we join the mall's WeChat campaign?"],
        ["billing"] = ["本月物业费金额与合同不符", "提成账单有疑问，请核对销售数据"],
        ["policy"] = ["咨询延长营业时间的规定", "装修审批流程太慢"],
        ["neighbour"] = ["隔壁店铺音乐声音过大", "相邻商户占用公共通道摆放货物"],
        ["other"] = ["停车优惠券不够用", "其他事项，请联系店长"],
    };

    private static readonly string[] Resolutions = ["已处理完毕", "已派工维修，商户确认", "已协调解决", "Done, merchant informed"];

    /// <summary>Days a request of the category typically takes (the platform's default service times, a little faster on average).</summary>
    private static double TypicalDays(string category) => category switch
    {
        "repair" => 1.5, "cleaning" or "security" => 0.5, _ => 3.5,
    };

    internal sealed record Request(string Id, DateTime RaisedAt, string TenantId, string Category, string Status, DateTime? ResolvedAt, string Description, string? Resolution);

    public static (List<Request> Requests, List<string> Overdue) Draw(MallPlan plan, int seed)
    {
        var rng = Seeds.For(seed, "requests");
        var exportedAt = SampleCalendar.End.ToDateTime(new TimeOnly(23, 0));
        var drafts = new List<(DateTime At, string TenantId, string Category, double Days)>();
        foreach (var t in plan.Tenants.OrderBy(t => t.TenantId, StringComparer.Ordinal))
        {
            if (t.TradingFrom > t.TradingTo)
            {
                continue;
            }
            foreach (var month in SampleCalendar.MonthsBetween(t.TradingFrom, t.TradingTo))
            {
                var from = month < t.TradingFrom ? t.TradingFrom : month;
                var to = SampleCalendar.MonthEnd(month) > t.TradingTo ? t.TradingTo : SampleCalendar.MonthEnd(month);
                for (var k = rng.Poisson(PerTenantMonth); k > 0; k--)
                {
                    var category = rng.Pick(Categories);
                    var at = rng.DateBetween(from, to).ToDateTime(new TimeOnly(rng.Between(9, 20), rng.Between(0, 59)));
                    drafts.Add((at, t.TenantId, category, TypicalDays(category) * rng.LogNormal(0.7)));
                }
            }
        }
        // Planted: a repair raised three to five weeks before the export day, still being worked on.
        var trading = plan.Tenants.Where(t => t.Situation == "ordinary" && t.TradingTo == SampleCalendar.End)
            .Select(t => t.TenantId).Order(StringComparer.Ordinal).ToList();
        var overdue = Enumerable.Range(0, 4).Select(_ => trading[rng.Next(trading.Count)]).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var id in overdue)
        {
            var at = SampleCalendar.End.AddDays(-rng.Between(21, 35)).ToDateTime(new TimeOnly(10, rng.Between(0, 59)));
            drafts.Add((at, id, "repair", double.PositiveInfinity));
        }

        var list = new List<Request>();
        var seq = 0;
        foreach (var (at, tenantId, category, days) in drafts.OrderBy(d => d.At).ThenBy(d => d.TenantId, StringComparer.Ordinal))
        {
            var texts = Texts[category];
            var resolved = double.IsInfinity(days) ? (DateTime?)null : at.AddHours(Math.Round(days * 24, 1));
            if (resolved > exportedAt)
            {
                resolved = null;
            }
            var status = resolved is not null ? "resolved" : rng.Chance(0.6) ? "in_progress" : "open";
            list.Add(new Request(FormattableString.Invariant($"RQ{++seq:000000}"), at, tenantId, category, status, resolved,
                texts[rng.Next(texts.Length)], resolved is null ? null : Resolutions[rng.Next(Resolutions.Length)]));
        }
        return (list, overdue);
    }

    public static long Write(string path, IEnumerable<Request> requests)
    {
        using var csv = new CsvWriter(path, ["request_id", "raised_at", "tenant_id", "category", "status", "resolved_at", "description", "resolution"]);
        foreach (var r in requests)
        {
            csv.WriteRow([r.Id, Format.Timestamp(r.RaisedAt), r.TenantId, r.Category, r.Status,
                r.ResolvedAt is { } done ? Format.Timestamp(done) : string.Empty, r.Description, r.Resolution ?? string.Empty]);
        }
        return csv.Rows;
    }
}
