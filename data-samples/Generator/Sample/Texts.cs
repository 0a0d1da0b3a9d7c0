using Analytics.SampleData.Common;

namespace Analytics.SampleData.Sample;

/// <summary>
/// Free text as operations staff type it: complaint descriptions (Chinese and some English, with commas, quotes and
/// line breaks, because the loader must survive them), patrol notes and exit reasons.
/// </summary>
internal static class Texts
{
    public static readonly IReadOnlyList<(string Category, double Weight)> ComplaintCategories =
        [("service", 0.34), ("quality", 0.22), ("price", 0.12), ("hygiene", 0.12), ("refund", 0.12), ("safety", 0.04), ("other", 0.04)];

    public static readonly IReadOnlyList<(string Category, double Weight)> MallComplaintCategories =
        [("service", 0.30), ("hygiene", 0.25), ("safety", 0.25), ("other", 0.20)];

    private static readonly Dictionary<string, string[]> Complaint = new()
    {
        ["service"] =
        [
            "顾客反映店员服务态度差，结账时被催促。",
            "店员态度冷淡,顾客询问尺码无人理会",
            "顾客称被店员说\"买不起就别看\"，要求道歉。",
            "Customer says staff were rude and asked for the \"manager\", nobody came.",
            "排队超过40分钟,无人维持秩序\n顾客要求店方给出说法",
            "预约后到店仍需等待一小时，店员解释不清。",
        ],
        ["quality"] =
        [
            "购买的商品有质量问题，要求退货被拒绝,店长称\"特价商品不退不换\"",
            "新买的鞋穿了两天就开胶。",
            "餐品中发现异物（头发），要求退款。",
            "商品与宣传图片不符,颜色差异很大",
            "Bought a jacket, zipper broken after one wear.\nShop refuses exchange.",
        ],
        ["price"] =
        [
            "价格标签与收银价格不一致，多收了{n}元。",
            "促销活动\"满300减50\"结账时未生效",
            "会员价未按承诺执行,顾客要求退差价",
        ],
        ["hygiene"] =
        [
            "店内地面湿滑，无警示标识，有顾客险些滑倒。",
            "餐具不洁，桌面有油污。",
            "后厨门口有垃圾堆放,气味较大",
        ],
        ["refund"] =
        [
            "退款申请提交{n}天仍未到账。",
            "办理的储值卡无法退款,店方称\"概不退还\"",
            "Refund promised within 3 days, still nothing after {n} days.",
        ],
        ["safety"] =
        [
            "店内消防通道被货物堵塞。",
            "儿童游乐设施螺丝松动，存在安全隐患。",
        ],
        ["other"] =
        [
            "店内音乐音量过大，影响周边商户。",
            "发票开具延迟,多次催促无果",
        ],
    };

    private static readonly Dictionary<string, string[]> MallComplaint = new()
    {
        ["service"] = ["停车场收费系统故障,出场排队{n}分钟", "服务台人员解答不清楚会员积分规则。", "商场广播音量过大。"],
        ["hygiene"] = ["{f}卫生间缺少纸巾，地面有积水。", "母婴室卫生状况差。"],
        ["safety"] = ["{f}扶梯突然停止，有顾客摔倒。", "电梯故障，顾客被困{n}分钟\n已安抚并赠送停车券", "地下车库照明不足。"],
        ["other"] = ["空调温度过低,顾客感觉很冷", "商场导视牌指示错误，找不到\"卫生间\"。", "Wi-Fi cannot connect, \"login failed\" every time."],
    };

    public static string ComplaintText(Random rng, string category, bool aboutMall)
    {
        var pool = aboutMall ? MallComplaint[category] : Complaint[category];
        return rng.Pick(pool)
            .Replace("{n}", rng.Between(3, 45).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{f}", rng.Pick(new[] { "B1", "1F", "2F", "3F", "4F" }), StringComparison.Ordinal);
    }

    public static string? InspectionNote(Random rng, string type, int? minutes) => type switch
    {
        "late_open" => FormattableString.Invariant($"開門延遲{minutes}分鐘"),
        "early_close" => rng.Chance(0.5) ? FormattableString.Invariant($"提前{minutes}分鐘閉店") : FormattableString.Invariant($"提前{minutes}分鐘關燈收銀"),
        "hygiene" => rng.Pick(new[] { "店內地面有垃圾", "後廚衛生不達標", "門口堆放紙箱" }),
        "fire_safety" => rng.Pick(new[] { "消防通道堆放貨物", "滅火器過期", "安全出口指示燈損壞" }),
        "display" => rng.Pick(new[] { "外擺超出鋪位線", "海報張貼未報備", "櫥窗燈具損壞" }),
        "pricing" => rng.Pick(new[] { "商品未明碼標價", "價簽與系統價格不符" }),
        "closed_without_notice" => "未報備全天閉店",
        _ => rng.Chance(0.5) ? "員工未佩戴工牌" : null,
    };

    public static readonly string[] WarningExitReasons = ["经营不善", "拖欠租金", "业绩未达标", "经营不善，主动撤场", "poor sales", "unpaid rent, lease terminated"];

    public static readonly string[] NeutralExitReasons = ["品牌战略调整", "门店迁址", "brand restructuring", "合同协商提前解约"];
}
