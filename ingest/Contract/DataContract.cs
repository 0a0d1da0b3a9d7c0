namespace Analytics.Ingest.Contract;

/// <summary>
/// The input data contract (docs/data-contract.md) as data: every loader rule reads from here, so
/// the README, the loader and the tests cannot disagree on a column name.
/// </summary>
public static class DataContract
{
    public static readonly IReadOnlyList<string> ChargeTypes = ["base_rent", "turnover_rent", "service_charge", "utilities", "other"];
    public static readonly IReadOnlyList<string> ComplaintCategories = ["service", "quality", "price", "hygiene", "safety", "refund", "other"];
    public static readonly IReadOnlyList<string> ComplaintStatuses = ["open", "resolved"];
    public static readonly IReadOnlyList<string> RequestCategories =
        ["repair", "facility", "cleaning", "security", "marketing", "billing", "policy", "neighbour", "other"];
    public static readonly IReadOnlyList<string> RequestStatuses = ["open", "in_progress", "resolved"];
    public static readonly IReadOnlyList<string> InspectionTypes =
        ["late_open", "early_close", "closed_without_notice", "hygiene", "fire_safety", "display", "pricing", "other"];

    /// <summary>
    /// A mail address as the delivery of the merchant sheets needs it: one mailbox, ASCII local part and a dotted
    /// domain, no spaces, angle brackets, commas or line breaks (so one cell can never name two recipients or
    /// smuggle a mail header). RE2 and .NET read it the same way; at most 254 characters (RFC 5321).
    /// </summary>
    public const string EmailPattern =
        @"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";

    public const int EmailMaxLength = 254;

    /// <summary>Whether <paramref name="address"/> (already trimmed) is an address <see cref="EmailPattern"/> accepts.</summary>
    public static bool IsEmail(string address) =>
        address.Length <= EmailMaxLength && System.Text.RegularExpressions.Regex.IsMatch(address, "^(?:" + EmailPattern + @")\z");

    private static ColumnSpec MallId => new("mall_id", ColumnType.Text, false, "项目编号", "項目編號", Default: "main");
    private static ColumnSpec TenantId(bool required = true) => new("tenant_id", ColumnType.Text, required, "商户编号", "商戶編號");

    public static readonly DatasetSpec Units = new("units", 0, ["mall_id", "unit_id"],
    [
        MallId,
        new("unit_id", ColumnType.Text, true, "铺位号", "鋪位號"),
        new("floor", ColumnType.Text, true, "楼层", "樓層"),
        new("zone", ColumnType.Text, false, "区域", "區域"),
        new("area_sqm", ColumnType.Decimal, true, "面积", "面積", NonNegative: true),
    ]);

    public static readonly DatasetSpec Tenants = new("tenants", 1, ["mall_id", "tenant_id", "lease_start"],
    [
        MallId,
        TenantId(),
        new("tenant_name", ColumnType.Text, true, "商户名称", "商戶名稱"),
        new("brand", ColumnType.Text, false, "品牌", "品牌"),
        new("category", ColumnType.Text, true, "业态", "業態"),
        new("unit_id", ColumnType.Text, true, "铺位号", "鋪位號"),
        new("floor", ColumnType.Text, false, "楼层", "樓層"),
        // Required only when the mall has no units dataset: checked by the loader, not here.
        new("area_sqm", ColumnType.Decimal, false, "面积", "面積", NonNegative: true),
        new("lease_start", ColumnType.Date, true, "起租日", "起租日"),
        new("lease_end", ColumnType.Date, true, "到期日", "到期日"),
        new("base_rent", ColumnType.Decimal, true, "保底租金", "保底租金", NonNegative: true),
        new("turnover_rate_pct", ColumnType.Percent, false, "提成比例", "提成比例", NonNegative: true, Default: "0"),
        new("service_charge", ColumnType.Decimal, false, "物业费", "物業費", NonNegative: true, Default: "0"),
        new("exit_date", ColumnType.Date, false, "撤场日期", "撤場日期"),
        new("exit_reason", ColumnType.Text, false, "撤场原因", "撤場原因"),
        // Where the merchant's own sheet is mailed; optional (no address: no mail, the sheet is still written).
        new("contact_email", ColumnType.Email, false, "联系邮箱", "聯繫郵箱"),
    ]);

    public static readonly DatasetSpec Sales = new("sales", 2, ["mall_id", "tenant_id", "date"],
    [
        MallId,
        TenantId(),
        new("date", ColumnType.Date, true, "日期", "日期"),
        new("net_sales", ColumnType.Decimal, true, "销售额", "銷售額"),
        new("transactions", ColumnType.Integer, false, "交易笔数", "交易筆數", NonNegative: true),
    ]);

    public static readonly DatasetSpec Rent = new("rent", 2, ["mall_id", "tenant_id", "period", "charge_type"],
    [
        MallId,
        TenantId(),
        new("period", ColumnType.Month, true, "账期", "賬期"),
        new("charge_type", ColumnType.Enum, true, "费用类型", "費用類型", ChargeTypes),
        new("amount_due", ColumnType.Decimal, true, "应收金额", "應收金額"),
        new("due_date", ColumnType.Date, true, "应缴日期", "應繳日期"),
        new("amount_paid", ColumnType.Decimal, false, "实收金额", "實收金額", Default: "0"),
        new("paid_date", ColumnType.Date, false, "缴费日期", "繳費日期"),
    ]);

    public static readonly DatasetSpec Complaints = new("complaints", 2, ["mall_id", "complaint_id"],
    [
        MallId,
        new("complaint_id", ColumnType.Text, true, "投诉编号", "投訴編號"),
        new("received_at", ColumnType.Timestamp, true, "投诉时间", "投訴時間"),
        TenantId(required: false),
        new("channel", ColumnType.Text, false, "渠道", "渠道"),
        new("category", ColumnType.Enum, true, "投诉类别", "投訴類別", ComplaintCategories),
        new("severity", ColumnType.Severity, true, "严重程度", "嚴重程度"),
        new("status", ColumnType.Enum, true, "状态", "狀態", ComplaintStatuses),
        new("resolved_at", ColumnType.Timestamp, false, "处理完成时间", "處理完成時間"),
        new("description", ColumnType.Text, false, "描述", "描述"),
    ]);

    public static readonly DatasetSpec Inspections = new("inspections", 2, ["mall_id", "date", "tenant_id", "type"],
    [
        MallId,
        new("date", ColumnType.Date, true, "日期", "日期"),
        TenantId(),
        new("type", ColumnType.Enum, true, "类型", "類型", InspectionTypes),
        new("minutes", ColumnType.Integer, false, "分钟", "分鐘", NonNegative: true),
        new("note", ColumnType.Text, false, "备注", "備註"),
    ]);

    public static readonly DatasetSpec Footfall = new("footfall", 2, ["mall_id", "date", "zone"],
    [
        MallId,
        new("date", ColumnType.Date, true, "日期", "日期"),
        new("zone", ColumnType.Text, false, "区域", "區域", Default: ""),
        new("visitors", ColumnType.Integer, true, "客流", "客流", NonNegative: true),
    ]);

    // Version 2: the operations department's own records beside the sales analysis.
    public static readonly DatasetSpec Malls = new("malls", 0, ["mall_id"],
    [
        MallId,
        new("mall_name", ColumnType.Text, true, "项目名称", "項目名稱"),
        new("mall_name_en", ColumnType.Text, false, "英文名称", "英文名稱"),
        new("city", ColumnType.Text, false, "城市", "城市"),
        new("time_zone", ColumnType.Text, false, "时区", "時區", Default: "Asia/Shanghai"),
        new("currency", ColumnType.Text, false, "币种", "幣種", Default: "CNY"),
    ]);

    /// <summary>One tier of a lease's progressive turnover rent; the lease is named by tenant_id and lease_start.</summary>
    public static readonly DatasetSpec TurnoverTiers = new("turnover_tiers", 2, ["mall_id", "tenant_id", "lease_start", "sales_from"],
    [
        MallId,
        TenantId(),
        new("lease_start", ColumnType.Date, true, "起租日", "起租日"),
        new("sales_from", ColumnType.Decimal, true, "营业额起点", "營業額起點", NonNegative: true),
        new("rate_pct", ColumnType.Percent, true, "提成比例", "提成比例", NonNegative: true),
    ]);

    public static readonly DatasetSpec Budget = new("budget", 2, ["mall_id", "tenant_id", "period"],
    [
        MallId,
        TenantId(),
        new("period", ColumnType.Month, true, "账期", "賬期"),
        // At least one of the two: checked by the loader's row rules.
        new("sales_budget", ColumnType.Decimal, false, "销售目标", "銷售目標", NonNegative: true),
        new("rent_budget", ColumnType.Decimal, false, "租金预算", "租金預算", NonNegative: true),
    ]);

    public static readonly DatasetSpec Requests = new("requests", 2, ["mall_id", "request_id"],
    [
        MallId,
        new("request_id", ColumnType.Text, true, "诉求编号", "訴求編號"),
        new("raised_at", ColumnType.Timestamp, true, "提出时间", "提出時間"),
        TenantId(),
        new("category", ColumnType.Enum, true, "诉求类别", "訴求類別", RequestCategories),
        new("status", ColumnType.Enum, true, "状态", "狀態", RequestStatuses),
        new("resolved_at", ColumnType.Timestamp, false, "处理完成时间", "處理完成時間"),
        new("description", ColumnType.Text, false, "描述", "描述"),
        new("resolution", ColumnType.Text, false, "处理结果", "處理結果"),
    ]);

    public static readonly IReadOnlyList<DatasetSpec> Datasets =
        [Units, Tenants, Sales, Rent, Complaints, Inspections, Footfall, Malls, TurnoverTiers, Budget, Requests];

    public static DatasetSpec? Find(string name) =>
        Datasets.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
}
