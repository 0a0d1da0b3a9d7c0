using Analytics.Model.Analysis;
using Analytics.Model.Scoring;

namespace Analytics.Model.Flags;

/// <summary>A good operator the rent is squeezing: sales at or near its peers, occupancy cost well over the healthy band, paying on time. docs/analysis.md, "Flags", row <c>rent_relief</c>.</summary>
internal sealed class RentReliefRule : FlagRule
{
    public override string Code => FlagCodes.RentRelief;

    public override (string En, string Zh) Name => ("Rent relief", "租金减免评估");

    public override (string En, string Zh) ListTitle => ("Rent relief to consider", "建议评估租金减免");

    public override (string En, string Zh)? BriefCount => ("{0} tenants for rent relief", "租金减免评估 {0} 家");

    public override IReadOnlyDictionary<string, (string En, string Zh)> Reasons { get; } = new Dictionary<string, (string En, string Zh)>(StringComparer.Ordinal)
    {
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
    };

    internal override TenantFlag? Evaluate(TenantScore s, AnalysisSettings settings, FlagContext context)
    {
        var c = settings.Flags;
        var f = s.Frame;
        var m = f.Metrics;
        var band = settings.BandOf(m.Category);
        // Sales at or near its peers, or at or near what its unit should achieve (the better of the two: a good
        // operator in a weak unit still sells what the unit allows).
        var near = Math.Max(f.DensityRatio3m ?? double.NegativeInfinity, s.ExpectedRatio ?? double.NegativeInfinity);
        // A year of trading first: ocr_ttm of a shop still ramping up mixes its weak first months into the ratio.
        if (m.MonthsOpen < 12 || double.IsNegativeInfinity(near) || m.LateShare12m is not { } late || m.OcrTtm is not { } ocr || band.High <= 0)
        {
            return null;
        }

        // Well above the healthy band and above what the trade's peers here actually pay: the band is a rule of
        // thumb, and where a whole trade pays more than it, the peers are the fairer yardstick.
        var yardstick = Math.Max(band.High, f.OcrTtmPeerMedian ?? 0);
        Condition[] conditions =
        [
            new("near_peers", near, c.ReliefMinPeerRatio, 1.0),
            new("ocr_over_band", ocr / yardstick, c.ReliefOcrOverBand, 1.25 * c.ReliefOcrOverBand),
            new("rarely_late", late, c.ReliefMaxLateShare, 0),
            new("nothing_overdue", Math.Max(m.ArrearsDays, 0), c.ReliefMaxArrearsDays, 0),
        ];
        if (!All(conditions))
        {
            return null;
        }

        return new TenantFlag(s, Code, ocr >= band.High * c.ReliefOcrOverBand * 1.25 ? Priority.High : Priority.Medium, ocr / band.High,
        [
            Reason.Of("ocr_high", ("ocr", ocr), ("low", band.Low), ("high", band.High)),
            f.DensityRatio3m is { } ratio && ratio >= c.ReliefMinPeerRatio
                ? Reason.Of("sales_at_peers", ("ratio", ratio))
                : Reason.Of("sales_at_expected", ("ratio", near)),
            Reason.Of("pays_on_time", ("late", late), ("days", Math.Max(m.ArrearsDays, 0))),
        ]) { Conditions = conditions };
    }
}
