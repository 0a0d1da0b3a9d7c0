using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>Key figures against last year and last month, and a few sentences on what moved and where it came from.</summary>
internal sealed class SummarySection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_summary");

    public override void Compose(ContentBuilder content)
    {
        var mall = Data.Mall;
        var ly = Data.MallYearBefore;
        var prev = Data.MallSeries.Count > 1 ? Data.MallSeries[^2] : null;
        var vsLy = Language.Label("vs_last_year");
        var vsLm = T("vs last month", "环比");
        var arrearsNow = Arrears(Data.Current);
        var arrearsPrev = Arrears(Brief.PreviousMonth);
        var complaintsPrev = Brief.PreviousMonth.Sum(r => r.Complaints);
        var salesYoy = ly is null ? null : Growth(mall.MallSales, ly.MallSales);
        var densityYoy = Growth(mall.MallDensity, ly?.MallDensity);
        var footfallYoy = Growth(mall.Footfall, ly?.Footfall);
        var conversionYoy = Growth(mall.Conversion, ly?.Conversion);
        var arrearsChange = Growth(arrearsNow, arrearsPrev);
        var complaintsChange = Growth((decimal)Brief.TenantComplaints, complaintsPrev);
        content.Kpis(
            new KpiTile(Language.Label("net_sales"), BigMoney(mall.MallSales), Delta(salesYoy, vsLy), Tone(salesYoy, true)),
            new KpiTile(Language.Label("sales_density"), Money(mall.MallDensity), Delta(densityYoy, vsLy), Tone(densityYoy, true)),
            new KpiTile(Language.Label("occupancy_rate"), Percent(mall.OccupancyRate), Points(mall.OccupancyRate, ly?.OccupancyRate, vsLy), PointsTone(mall.OccupancyRate, ly?.OccupancyRate)),
            new KpiTile(Language.Label("collection_rate"), Percent(mall.CollectionRate), Points(mall.CollectionRate, prev?.CollectionRate, vsLm), PointsTone(mall.CollectionRate, prev?.CollectionRate)));
        content.Kpis(
            new KpiTile(Language.Label("arrears"), Money(arrearsNow), Delta(arrearsChange, vsLm), Tone(arrearsChange, false)),
            new KpiTile(Language.Label("footfall"), Number(mall.Footfall), Delta(footfallYoy, vsLy), Tone(footfallYoy, true)),
            new KpiTile(T("Conversion", "提袋率"), Percent(mall.Conversion), Delta(conversionYoy, vsLy), Tone(conversionYoy, true)),
            new KpiTile(T("Complaints about tenants", "商户投诉"), Count(Brief.TenantComplaints), Delta(complaintsChange, vsLm), Tone(complaintsChange, false)));
        content.Heading2(T("What changed", "本月要点"));
        content.Bullets(Findings(salesYoy, arrearsNow, arrearsPrev).ToArray());
    }

    private string? Points(double? now, double? before, string against) => now is { } n && before is { } b
        ? Language.Number((n - b) * 100, 1) is var p && n - b >= 0 ? $"+{p} {T("pts", "个百分点")} {against}" : $"{p} {T("pts", "个百分点")} {against}"
        : null;

    private static KpiTone PointsTone(double? now, double? before) =>
        now is { } n && before is { } b ? KpiTile.ToneOf(n - b, higherIsBetter: true) : KpiTone.Neutral;

    /// <summary>A few sentences on what moved and where it came from, each from the tables below.</summary>
    private IEnumerable<string> Findings(double? salesYoy, decimal arrearsNow, decimal arrearsPrev)
    {
        var categories = Brief.Categories;
        if (salesYoy is { } yoy)
        {
            var driver = categories.Where(c => c.SalesYearBefore > 0).OrderByDescending(c => Math.Abs(c.Sales - c.SalesYearBefore)).FirstOrDefault();
            var sentence = T($"Net sales were {Money(Data.Mall.MallSales)}, {Language.SignedPercent(yoy)} on the same month last year",
                $"本月销售额 {Money(Data.Mall.MallSales)}，同比 {Language.SignedPercent(yoy)}");
            if (driver is not null)
            {
                var moved = driver.Sales - driver.SalesYearBefore;
                sentence += T($"; the largest move was {Name(driver.Group)} ({(moved >= 0 ? "+" : "")}{Money(moved)}, {Change(Growth(driver.Sales, driver.SalesYearBefore))}).",
                    $"；变动最大的业态是{Name(driver.Group)}（{(moved >= 0 ? "+" : "")}{Money(moved)}，{Change(Growth(driver.Sales, driver.SalesYearBefore))}）。");
            }
            else
            {
                sentence += T(".", "。");
            }
            // Sales move with footfall and conversion (and ticket): say which of the first two moved with it.
            var footfall = Growth((double?)Data.Mall.Footfall, Data.MallYearBefore?.Footfall);
            var conversion = Growth(Data.Mall.Conversion, Data.MallYearBefore?.Conversion);
            if (footfall is not null || conversion is not null)
            {
                sentence += T($" Footfall moved {Change(footfall)} and conversion {Change(conversion)} on last year.",
                    $"客流同比 {Change(footfall)}，提袋率同比 {Change(conversion)}。");
            }
            yield return sentence;
        }
        var best = categories.Where(c => c.Yoy is not null).OrderByDescending(c => c.Yoy).FirstOrDefault();
        var worst = categories.Where(c => c.Yoy is not null).OrderBy(c => c.Yoy).FirstOrDefault();
        if (best is not null && worst is not null && best.Group != worst.Group)
        {
            yield return T($"Strongest category: {Name(best.Group)} ({Change(best.Yoy)} year on year); weakest: {Name(worst.Group)} ({Change(worst.Yoy)}).",
                $"增长最快的业态为{Name(best.Group)}（同比 {Change(best.Yoy)}），最弱为{Name(worst.Group)}（同比 {Change(worst.Yoy)}）。");
        }
        yield return T($"Arrears stand at {Money(arrearsNow)} ({Money(arrearsNow - arrearsPrev)} on last month); {Money(Data.Current.Sum(r => r.Aging61To90 + r.AgingOver90))} is more than 60 days overdue.",
            $"欠费余额 {Money(arrearsNow)}（较上月 {(arrearsNow - arrearsPrev >= 0 ? "+" : "")}{Money(arrearsNow - arrearsPrev)}），其中逾期超过60天的为 {Money(Data.Current.Sum(r => r.Aging61To90 + r.AgingOver90))}。");
        yield return FlagCounts();
        var expiring = Data.Current.Count(r => r.LeaseEnd > Data.AsOf && r.LeaseEnd <= Data.AsOf.AddDays(Settings.ExpiryNoticeDays.Max()));
        yield return T($"{expiring} leases end within {Settings.ExpiryNoticeDays.Max()} days; the weighted average lease expiry is {Number(Brief.Wale, 1)} years.",
            $"{Settings.ExpiryNoticeDays.Max()}天内到期租约 {expiring} 份；加权平均剩余租期 {Number(Brief.Wale, 1)} 年。");
    }

    /// <summary>"The analysis flags 3 replacement candidates, ..." from each flag's own count phrase (model/Flags).</summary>
    private string FlagCounts()
    {
        var parts = FlagRules.All.Where(r => r.BriefCount is not null)
            .Select(r => string.Format(System.Globalization.CultureInfo.InvariantCulture, T(r.BriefCount!.Value.En, r.BriefCount!.Value.Zh),
                Data.Analysis.Flags.Count(f => f.Code == r.Code)))
            .ToList();
        return T($"The analysis flags {string.Join(", ", parts[..^1])} and {parts[^1]} (sections {Brief.NumberOf<ShortlistSection>()} and {Brief.NumberOf<AdjustmentsSection>()}).",
            $"本月分析共提示{string.Join("、", parts)}（见第{Brief.NumberOf<ShortlistSection>()}、{Brief.NumberOf<AdjustmentsSection>()}部分）。");
    }
}
