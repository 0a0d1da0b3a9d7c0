using System.Globalization;
using Analytics.Reports.Briefs;
using Analytics.Reports.Language;

namespace Analytics.Api.Web;

/// <summary>
/// The workspace's words in Chinese (the default) and English, and the number formats of each. The language is the
/// visitor's choice, remembered in a cookie for a year (<see cref="Cookie"/>); anything else in it means Chinese.
/// </summary>
internal sealed class WebText
{
    public const string Cookie = "analytics_lang";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private WebText(string code) => Code = code;

    public static WebText Zh { get; } = new("zh");
    public static WebText En { get; } = new("en");

    public string Code { get; }

    public bool IsZh => Code == "zh";

    public static WebText Of(HttpContext context) => context.Request.Cookies[Cookie] == "en" ? En : Zh;

    public string this[string key] => Words.TryGetValue(key, out var w) ? (IsZh ? w.Zh : w.En) : key;

    public string Money(decimal? value) => value is { } v ? "¥" + v.ToString("#,##0", Invariant) : "–";

    public string Money(double? value) => value is { } v && double.IsFinite(v) ? "¥" + v.ToString("#,##0", Invariant) : "–";

    public string Pct(double? ratio) => ratio is { } r && double.IsFinite(r) ? (r * 100).ToString("0.0", Invariant) + "%" : "–";

    public string Num(double? value, int decimals = 1) =>
        value is { } v && double.IsFinite(v) ? v.ToString("#,##0." + new string('0', decimals), Invariant) : "–";

    public string Count(long? value) => value is { } v ? v.ToString("#,##0", Invariant) : "–";

    public string Date(DateOnly? day) => day is { } d ? d.ToString("yyyy-MM-dd", Invariant) : "–";

    /// <summary>The name of a data code (category, flag, pillar, priority, complaint kind, finding type, status) in the
    /// visitor's language: the reports' one table (<see cref="Terms"/>), so a page and a brief say the same word.</summary>
    public string Term(string code) => Terms.Name(code, IsZh ? ReportLanguage.Chinese : ReportLanguage.English);

    public string Flag(string code) => Term(code);

    public string Pillar(string name) => Term(name);

    public string Priority(string priority) => Term(priority);

    public string Action(string action) => this["action." + action];

    private static readonly Dictionary<string, (string En, string Zh)> Words = new(StringComparer.Ordinal)
    {
        ["app"] = ("Tenant Analytics", "租户经营分析"),
        ["overview"] = ("Overview", "经营总览"),
        ["ranking"] = ("Ranking", "租户排名"),
        ["candidates"] = ("Candidates", "调整候选"),
        ["documents"] = ("Documents", "报告文档"),
        ["drops"] = ("Data drops", "数据上传"),
        ["merchant"] = ("My shop", "我的店铺"),
        ["signin"] = ("Sign in", "登录"),
        ["signout"] = ("Sign out", "退出"),
        ["name"] = ("User name", "用户名"),
        ["password"] = ("Password", "密码"),
        ["signin.wrong"] = ("Wrong user name or password.", "用户名或密码错误。"),
        ["signin.locked"] = ("Too many wrong passwords: this account is locked for 15 minutes.", "密码错误次数过多：该账户已锁定 15 分钟。"),
        ["signin.help"] = ("An administrator sets your password with 'analytics users passwd --name NAME'.", "管理员可用 'analytics users passwd --name 用户名' 设置密码。"),
        ["period"] = ("Month", "月份"),
        ["show"] = ("Show", "查看"),
        ["tenant"] = ("Tenant", "租户"),
        ["tenant_id"] = ("ID", "编号"),
        ["category"] = ("Category", "业态"),
        ["floor"] = ("Floor", "楼层"),
        ["unit"] = ("Unit", "铺位"),
        ["score"] = ("Score", "评分"),
        ["density"] = ("Sales/m²", "坪效"),
        ["density_peer"] = ("Peer median", "同类中位数"),
        ["density_ratio"] = ("vs peers", "对比同类"),
        ["yoy"] = ("YoY", "同比"),
        ["ocr"] = ("OCR (TTM)", "租售比(近12月)"),
        ["ocr_band"] = ("band high", "合理上限"),
        ["arrears"] = ("Arrears", "欠费"),
        ["arrears_days"] = ("Days overdue", "逾期天数"),
        ["flags"] = ("Flags", "预警"),
        ["lease_end"] = ("Lease end", "租约到期"),
        ["all"] = ("All", "全部"),
        ["filter"] = ("Filter", "筛选"),
        ["search"] = ("Name or ID", "名称或编号"),
        ["score_min"] = ("Score from", "评分下限"),
        ["score_max"] = ("to", "上限"),
        ["download_xlsx"] = ("Download .xlsx", "下载 Excel"),
        ["download_csv"] = ("Download CSV", "下载 CSV"),
        ["rows"] = ("tenants", "家租户"),
        ["page"] = ("Page", "页"),
        ["prev"] = ("Previous", "上一页"),
        ["next"] = ("Next", "下一页"),
        ["net_sales"] = ("Net sales", "销售额"),
        ["occupancy"] = ("Occupancy", "出租率"),
        ["collection"] = ("Collection", "收缴率"),
        ["footfall"] = ("Footfall", "客流"),
        ["conversion"] = ("Conversion", "提袋率"),
        ["tenants_in_force"] = ("Tenants", "在营租户"),
        ["new_flags"] = ("New flags", "新增预警"),
        ["expiring"] = ("Leases expiring", "租约到期"),
        ["within_days"] = ("within {0} days", "{0} 天内"),
        ["trends"] = ("13-month trends", "近 13 个月趋势"),
        ["aging"] = ("Arrears aging", "欠费账龄"),
        ["aging.1_30"] = ("1–30 days", "1–30 天"),
        ["aging.31_60"] = ("31–60 days", "31–60 天"),
        ["aging.61_90"] = ("61–90 days", "61–90 天"),
        ["aging.over_90"] = ("over 90 days", "90 天以上"),
        ["lease"] = ("Lease", "租约"),
        ["lease_start"] = ("Lease start", "起租日"),
        ["area"] = ("Area m²", "面积 m²"),
        ["base_rent"] = ("Base rent / month", "月基础租金"),
        ["months_open"] = ("Months open", "营业月数"),
        ["sales_36"] = ("36 months: sales and sales per m²", "近 36 个月：销售额与坪效"),
        ["category_median"] = ("Category median sales/m²", "业态坪效中位数"),
        ["expected"] = ("Unit's expected level (3 months)", "铺位预期水平（3个月）"),
        ["pillars"] = ("Score pillars", "评分维度"),
        ["raw"] = ("Value", "数值"),
        ["peer_median"] = ("Peer median", "同类中位数"),
        ["payments"] = ("Payments", "缴费"),
        ["bill"] = ("Charge", "费用"),
        ["due"] = ("Due", "应收"),
        ["paid"] = ("Paid", "实收"),
        ["due_date"] = ("Due date", "到期日"),
        ["paid_date"] = ("Paid on", "缴费日"),
        ["complaints"] = ("Complaints", "投诉"),
        ["findings"] = ("Patrol findings", "巡检问题"),
        ["received"] = ("Received", "收到"),
        ["severity"] = ("Severity", "严重程度"),
        ["status"] = ("Status", "状态"),
        ["date"] = ("Date", "日期"),
        ["type"] = ("Type", "类型"),
        ["minutes"] = ("Minutes", "分钟"),
        ["reasons"] = ("Reasons", "原因"),
        ["priority"] = ("Priority", "优先级"),
        ["decisions"] = ("Decisions", "调整决定"),
        ["decide"] = ("Record a decision", "记录决定"),
        ["note"] = ("Note", "备注"),
        ["until"] = ("Until", "暂缓至"),
        ["save"] = ("Save", "保存"),
        ["who"] = ("By", "决定人"),
        ["when"] = ("When", "时间"),
        ["none"] = ("None.", "无。"),
        ["sheet"] = ("Merchant sheet (PDF)", "商户经营报告 (PDF)"),
        ["compare"] = ("Compare side by side", "并排比较"),
        ["compare_hint"] = ("Tick two to four tenants, then compare.", "勾选 2 至 4 家租户后比较。"),
        ["opportunity"] = ("Re-letting opportunity / year", "更替年机会值"),
        ["rent_at_risk"] = ("Rent at risk", "风险租金"),
        ["expiry_timeline"] = ("Lease expiries of the candidates", "候选租户租约到期时间线"),
        ["progress"] = ("Progress", "进展"),
        ["progress.open"] = ("replacement under way; lease ends {0}", "更替进行中；租约 {0} 到期"),
        ["progress.left"] = ("tenant left on {0}", "租户已于 {0} 撤场"),
        ["monthly_brief"] = ("GM monthly brief", "总经理月报"),
        ["weekly_brief"] = ("Weekly operations brief", "运营周报"),
        ["merchant_sheets"] = ("Merchant sheets", "商户经营报告"),
        ["render_note"] = ("A document not written yet is rendered when first opened (a few seconds).", "尚未生成的文档会在首次打开时生成（需几秒）。"),
        ["upload"] = ("Upload", "上传"),
        ["upload_hint"] = ("One file per dataset (sales.csv, tenants.csv, …) or one .zip.", "每个数据集一个文件（sales.csv、tenants.csv…）或一个 .zip。"),
        ["rejects"] = ("Rejected rows", "被拒绝的行"),
        ["file"] = ("File", "文件"),
        ["line"] = ("Line", "行"),
        ["column"] = ("Column", "列"),
        ["value"] = ("Value", "值"),
        ["reason"] = ("Reason", "原因"),
        ["rows_read"] = ("Read", "读取"),
        ["rows_loaded"] = ("Loaded", "载入"),
        ["rows_rejected"] = ("Rejected", "拒绝"),
        ["recent_drops"] = ("Recent drops", "最近上传"),
        ["my_figures"] = ("This month", "本月经营"),
        ["open_items"] = ("Open complaints and patrol findings", "未结投诉与巡检问题"),
        ["language"] = ("中文", "English"),
        ["no_data"] = ("No figures for this month.", "本月无数据。"),
        ["action.accept"] = ("Accept", "采纳"),
        ["action.defer"] = ("Defer", "暂缓"),
        ["action.dismiss"] = ("Dismiss", "驳回"),
    };
}
