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
        var vsLm = Label("vs_last_month");
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
            new KpiTile(Label("conversion"), Percent(mall.Conversion), Delta(conversionYoy, vsLy), Tone(conversionYoy, true)),
            new KpiTile(Label("monthly_tenant_complaints"), Count(Brief.TenantComplaints), Delta(complaintsChange, vsLm), Tone(complaintsChange, false)));
        content.Heading2(Label("monthly_what_changed"));
        content.Bullets(Findings(salesYoy, arrearsNow, arrearsPrev).ToArray());
    }

    private string? Points(double? now, double? before, string against) => now is { } n && before is { } b
        ? Label("monthly_points", (n - b >= 0 ? "+" : "") + Language.Number((n - b) * 100, 1), against)
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
            var sentence = Label("monthly_finding_sales", Money(Data.Mall.MallSales), Language.SignedPercent(yoy));
            if (driver is not null)
            {
                var moved = driver.Sales - driver.SalesYearBefore;
                sentence += Label("monthly_finding_driver", Name(driver.Group), moved >= 0 ? "+" : "", Money(moved), Change(Growth(driver.Sales, driver.SalesYearBefore)));
            }
            else
            {
                sentence += Label("sentence_end");
            }
            // Sales move with footfall and conversion (and ticket): say which of the first two moved with it.
            var footfall = Growth((double?)Data.Mall.Footfall, Data.MallYearBefore?.Footfall);
            var conversion = Growth(Data.Mall.Conversion, Data.MallYearBefore?.Conversion);
            if (footfall is not null || conversion is not null)
            {
                sentence += Label("monthly_finding_footfall", Change(footfall), Change(conversion));
            }
            yield return sentence;
        }
        var best = categories.Where(c => c.Yoy is not null).OrderByDescending(c => c.Yoy).FirstOrDefault();
        var worst = categories.Where(c => c.Yoy is not null).OrderBy(c => c.Yoy).FirstOrDefault();
        if (best is not null && worst is not null && best.Group != worst.Group)
        {
            yield return Label("monthly_finding_categories", Name(best.Group), Change(best.Yoy), Name(worst.Group), Change(worst.Yoy));
        }
        yield return Label("monthly_finding_arrears", Money(arrearsNow), Money(arrearsNow - arrearsPrev), Money(Data.Current.Sum(r => r.Aging61To90 + r.AgingOver90)),
            arrearsNow - arrearsPrev >= 0 ? "+" : "");
        yield return FlagCounts();
        var expiring = Data.Current.Count(r => r.LeaseEnd > Data.AsOf && r.LeaseEnd <= Data.AsOf.AddDays(Settings.ExpiryNoticeDays.Max()));
        yield return Label("monthly_finding_expiries", expiring, Settings.ExpiryNoticeDays.Max(), Number(Brief.Wale, 1));
    }

    /// <summary>"The analysis flags 3 replacement candidates, ..." from each flag's own count phrase (model/Flags).</summary>
    private string FlagCounts()
    {
        var parts = FlagRules.All.Where(r => r.BriefCount is not null)
            .Select(r => string.Format(System.Globalization.CultureInfo.InvariantCulture, Language.Pick(r.BriefCount!.Value),
                Data.Analysis.Flags.Count(f => f.Code == r.Code)))
            .ToList();
        var separator = Label("list_separator");
        return Label("monthly_finding_flags", string.Join(separator, parts[..^1]), parts[^1], Brief.NumberOf<ShortlistSection>(), Brief.NumberOf<AdjustmentsSection>(),
            string.Join(separator, parts));
    }
}
