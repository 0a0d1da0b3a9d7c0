using static Analytics.Ingest.Tests.SampleData.SampleFacts;

namespace Analytics.Ingest.Tests.SampleData.Sample;

/// <summary>
/// The planted situations hold in the generated numbers, computed from the CSVs with the definitions of metrics.md
/// (peers: other tenants of the category in force on D). Thresholds are the brief's, not values copied from output.
/// </summary>
[Collection(GeneratedSampleCollection.Name)]
public sealed class PlantedSituationTests(GeneratedSample sample)
{
    private static readonly DateOnly October = Month(2026, 10);
    private SampleFacts Facts => sample.Facts;

    [Fact]
    public void Truth_EverySituation_HasTheBriefsNumberOfTenants()
    {
        sample.TenantsIn("replace").Should().HaveCountGreaterThanOrEqualTo(4);
        sample.TenantsIn("rent_relief").Should().HaveCountGreaterThanOrEqualTo(3);
        sample.TenantsIn("rent_review_up").Should().HaveCountGreaterThanOrEqualTo(3);
        sample.TenantsIn("improvement_plan").Should().HaveCountGreaterThanOrEqualTo(3);
        sample.TenantsIn("sales_audit").Should().HaveCountGreaterThanOrEqualTo(3);
        sample.TenantsIn("control_new_tenant").Should().HaveCountGreaterThanOrEqualTo(3);
        sample.TenantsIn("control_seasonal").Should().HaveCountGreaterThanOrEqualTo(3);
        sample.TenantsIn("control_one_bad_month").Should().HaveCountGreaterThanOrEqualTo(2);
        sample.Truth.Rows().Where(r => r("situation").StartsWith("control_", StringComparison.Ordinal))
            .Should().OnlyContain(r => r("expected_flag") == "none");
    }

    [Fact]
    public void Replace_PlantedTenants_UnderperformPeersWithArrearsAndLeaseEndingSoon()
    {
        foreach (var t in sample.TenantsIn("replace"))
        {
            Facts.LeaseOn(t, D).Should().NotBeNull(because: $"{t} is still trading on D");
            foreach (var month in Months(Month(2026, 5), October))
            {
                var peers = Facts.Peers(t, MonthEnd(month));
                peers.Should().HaveCountGreaterThanOrEqualTo(3, because: "a benchmark needs 3 peers");
                var ratio = Facts.Density(t, month) / Median(peers.Select(p => Facts.Density(p, month)));
                ratio.Should().BeInRange(0.3m, 0.6m, because: $"{t} sells 40-60 % of the peer median in {month:yyyy-MM}");
            }
            Facts.Sales(t, October).Should().BeLessThan(Facts.Sales(t, October.AddMonths(-12)), because: $"{t} is falling year on year");
            Facts.ArrearsDays(t, D).Should().BeGreaterThanOrEqualTo(60, because: $"{t} owes rent for 60+ days");
            var lease = Facts.LeaseOn(t, D)!;
            Leases(t).Min(l => l.Start).Should().BeBefore(D.AddMonths(-12), because: "open more than 12 months");
            lease.End.Should().BeOnOrAfter(D.AddMonths(3)).And.BeOnOrBefore(D.AddMonths(15));
        }
    }

    [Fact]
    public void Replace_PlantedTenants_ShowRisingComplaintsOrFindings()
    {
        foreach (var t in sample.TenantsIn("replace"))
        {
            var recent = Facts.Complaints(t, Month(2026, 5), October) + Facts.Findings(t, Month(2026, 5), October);
            var before = Facts.Complaints(t, Month(2025, 5), Month(2025, 10)) + Facts.Findings(t, Month(2025, 5), Month(2025, 10));
            recent.Should().BeGreaterThan(before + 2, because: $"{t}'s complaints or patrol findings rise in its last six months");
        }
    }

    [Fact]
    public void RentRelief_PlantedTenants_HealthyButOcrOverTwiceThePeerMedian()
    {
        foreach (var t in sample.TenantsIn("rent_relief"))
        {
            var peers = Facts.Peers(t, D);
            var ocr = Facts.OcrTtm(t, October);
            var peerOcr = Median(peers.Select(p => Facts.OcrTtm(p, October)));
            ocr.Should().BeGreaterThan(2 * peerOcr, because: $"{t}'s OCR {ocr:P1} against a peer median of {peerOcr:P1}");
            ocr.Should().BeInRange(0.25m, 0.45m);
            Facts.DensityTtm(t, October).Should().BeGreaterThanOrEqualTo(Median(peers.Select(p => Facts.DensityTtm(p, October))));
            Facts.LatePayments12m(t, D).Should().Be(0, because: $"{t} always pays on time");
        }
    }

    [Fact]
    public void RentReviewUp_PlantedTenants_TopQuartileDensityCheapRentLeaseEndingWithinAYear()
    {
        foreach (var t in sample.TenantsIn("rent_review_up"))
        {
            var peers = Facts.Peers(t, D);
            var density = Facts.DensityTtm(t, October);
            var below = peers.Count(p => Facts.DensityTtm(p, October) < density);
            ((double)below / peers.Count).Should().BeGreaterThanOrEqualTo(0.75, because: $"{t} is in its category's top quartile");
            var lease = Facts.LeaseOn(t, D)!;
            var floorRents = Facts.InForce(D).Where(o => o != t && Facts.LeaseOn(o, D)!.Floor == lease.Floor)
                .Select(o => Facts.LeaseOn(o, D)!).Select(l => l.BaseRent / l.Area);
            (lease.BaseRent / lease.Area).Should().BeLessThan(0.7m * Median(floorRents), because: $"{t} pays well below its floor");
            lease.End.Should().BeOnOrBefore(D.AddMonths(12));
        }
    }

    [Fact]
    public void ImprovementPlan_PlantedTenants_ComplaintsAndFindingsJumpWhileSalesHold()
    {
        var (from, to) = (Month(2026, 8), October);
        foreach (var t in sample.TenantsIn("improvement_plan"))
        {
            int Count(string who, DateOnly f, DateOnly l) => Facts.Complaints(who, f, l) + Facts.Findings(who, f, l);
            var recent = Count(t, from, to);
            var history = Count(t, Month(2025, 8), Month(2026, 7)) / 4.0; // per three months over the year before
            recent.Should().BeGreaterThanOrEqualTo(6).And.BeGreaterThan((int)(3 * history) + 2, because: $"{t} had {history:0.0} per quarter before");
            Facts.Peers(t, D).Select(p => Count(p, from, to)).Max().Should().BeLessThan(recent, because: "the jump is well above the peers");
            (Facts.Sales(t, from, to) / Facts.Sales(t, from.AddMonths(-12), to.AddMonths(-12))).Should().BeGreaterThan(0.9m, because: "sales hold");
        }
    }

    [Fact]
    public void SalesAudit_PlantedTenants_SalesDropWhileTransactionsFootfallAndPeersHold()
    {
        foreach (var t in sample.TenantsIn("sales_audit"))
        {
            Facts.LeaseOn(t, D)!.Rate.Should().BeGreaterThan(0, because: "under-reporting pays only with a turnover clause");
            var from = Months(Month(2026, 8), October).First(m => Facts.Sales(t, m) / Facts.Sales(t, m.AddMonths(-12)) < 0.75m);
            decimal YoY(Func<DateOnly, DateOnly, decimal> f) => f(from, October) / f(from.AddMonths(-12), October.AddMonths(-12));
            var sales = YoY((a, b) => Facts.Sales(t, a, b));
            sales.Should().BeInRange(0.55m, 0.72m, because: $"{t} reports 30-45 % less from {from:yyyy-MM}");
            YoY((a, b) => Facts.Transactions(t, a, b)).Should().BeGreaterThan(0.9m, because: "its receipts do not drop");
            YoY((a, b) => Months(a, b).Sum(m => Facts.Footfall[m])).Should().BeGreaterThan(0.95m, because: "the footfall does not drop");
            Median(Facts.Peers(t, D).Where(p => Facts.Sales(p, from.AddMonths(-12)) > 0).Select(p => Facts.Sales(p, from, October) / Facts.Sales(p, from.AddMonths(-12), October.AddMonths(-12))))
                .Should().BeGreaterThan(0.9m, because: "its peers do not drop");
        }
    }

    [Fact]
    public void Watch_PlantedTenants_SlidingWithFirstLatePaymentsButNoSixtyDayArrears()
    {
        foreach (var t in sample.TenantsIn("watch"))
        {
            var yoy = Facts.Sales(t, Month(2026, 9), October) / Facts.Sales(t, Month(2025, 9), Month(2025, 10));
            yoy.Should().BeInRange(0.75m, 0.95m, because: $"{t}'s sales slide 10-20 %");
            Facts.ArrearsDays(t, D).Should().BeInRange(1, 59);
            Facts.LatePayments12m(t, D).Should().BeGreaterThan(0);
            Facts.LatePayments12m(t, Month(2026, 7).AddDays(-1)).Should().Be(0, because: "the late payments are new");
        }
    }

    [Fact]
    public void ControlNewTenant_PlantedTenants_OpenedTwoToFiveMonthsAgoAndRampUp()
    {
        foreach (var t in sample.TenantsIn("control_new_tenant"))
        {
            var start = Leases(t).Min(l => l.Start);
            start.Should().BeOnOrAfter(D.AddMonths(-6)).And.BeOnOrBefore(D.AddMonths(-2));
            var full = Months(Month(start.AddMonths(1)), October).Select(m => Facts.Sales(t, m)).ToList();
            full.Should().HaveCountGreaterThanOrEqualTo(2);
            full[^1].Should().BeGreaterThan(full[0] * 1.2m, because: $"{t} ramps up");
            var unit = Leases(t)[0].UnitId;
            Facts.Leases.Should().Contain(l => l.UnitId == unit && l.TenantId != t && l.Exit != null && l.Exit < start, because: "it took over a vacated unit");
        }
    }

    [Fact]
    public void ControlSeasonal_PlantedTenants_LowSeasonDipIsSharedByPeersAndLastYear()
    {
        decimal Dip(string who, int year) => Facts.Sales(who, Month(year, 9), Month(year, 10)) / Facts.Sales(who, Month(year, 7), Month(year, 8));
        foreach (var t in sample.TenantsIn("control_seasonal"))
        {
            Dip(t, 2026).Should().BeLessThan(0.8m, because: "Sep-Oct is the low season after the summer peak");
            (Facts.Sales(t, Month(2026, 9), October) / Facts.Sales(t, Month(2025, 9), Month(2025, 10))).Should().BeGreaterThan(0.9m);
            Median(Facts.Peers(t, D).Where(p => Facts.Sales(p, Month(2026, 7)) > 0).Select(p => Dip(p, 2026))).Should().BeLessThan(0.8m);
        }
    }

    [Fact]
    public void ControlOneBadMonth_PlantedTenants_RecoverAfterTheBadMonth()
    {
        foreach (var t in sample.TenantsIn("control_one_bad_month"))
        {
            var yoy = Months(Month(2026, 8), October).ToDictionary(m => m, m => Facts.Sales(t, m) / Facts.Sales(t, m.AddMonths(-12)));
            yoy.Values.Count(v => v < 0.65m).Should().Be(1, because: $"{t} has exactly one bad month");
            var bad = yoy.First(kv => kv.Value < 0.65m).Key;
            Months(bad.AddMonths(1), October).Should().NotBeEmpty().And.OnlyContain(m => yoy[m] > 0.9m, because: "it recovers");
        }
    }

    [Fact]
    public void MallDip_July2026_AllSalesAndFootfallDropThenRecover()
    {
        decimal MallYoY(int month)
        {
            // Like for like: tenants that traded in both years' month (openings would blur the dip).
            var same = Facts.InForce(D).Where(t => Facts.Sales(t, Month(2025, month)) > 0 && Facts.LeasesOf(t).Min(l => l.Start) < Month(2025, month)).ToList();
            return same.Sum(t => Facts.Sales(t, Month(2026, month))) / same.Sum(t => Facts.Sales(t, Month(2025, month)));
        }
        decimal FootfallYoY(int month) => (decimal)Facts.Footfall[Month(2026, month)] / Facts.Footfall[Month(2025, month)];
        MallYoY(7).Should().BeLessThan(0.88m);
        FootfallYoY(7).Should().BeLessThan(0.88m);
        MallYoY(6).Should().BeGreaterThan(0.95m);
        FootfallYoY(8).Should().BeGreaterThan(0.95m);
    }

    [Fact]
    public void History_PastExits_TwentyToFortyWithReasonsMostAfterWarningSigns()
    {
        var exits = Facts.Leases.Where(l => l.Exit is { } e && e < Month(2026, 5)).ToList();
        exits.Should().HaveCountGreaterThanOrEqualTo(20).And.HaveCountLessThanOrEqualTo(40);
        exits.Should().OnlyContain(l => l.Exit > new DateOnly(2024, 8, 1), because: "each exit has at least nine months of history before it");
        exits.Should().OnlyContain(l => l.ExitReason.Length > 0);
        var warned = exits.Count(l =>
        {
            var exit = l.Exit!.Value;
            var arrears = Enumerable.Range(0, 6).Max(k => Facts.ArrearsDays(l.TenantId, exit.AddDays(-k * 30)));
            var last3 = Month(exit).AddMonths(-3);
            var falling = Facts.Sales(l.TenantId, last3, last3.AddMonths(2)) < 0.85m * Facts.Sales(l.TenantId, last3.AddMonths(-6), last3.AddMonths(-4));
            return arrears >= 60 && falling;
        });
        ((double)warned / exits.Count).Should().BeGreaterThan(0.6, because: "a risk model needs positives preceded by warning signs");
    }

    [Fact]
    public void History_PastArrears_SomeCurrentTenantsOwedSixtyDaysOnceAndPaidSince()
    {
        var recovered = Facts.InForce(D).Count(t =>
            Months(Month(2024, 1), Month(2026, 3)).Any(m => Facts.ArrearsDays(t, MonthEnd(m)) >= 60) && Facts.ArrearsDays(t, D) < 30);
        recovered.Should().BeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void Ordinary_TenantsInForce_MostAreUnflaggedAndOccupancyIsNinetyToNinetyFivePercent()
    {
        var inForce = Facts.InForce(D);
        var units = Facts.Leases.Where(l => inForce.Contains(l.TenantId)).Select(l => l.UnitId).Distinct().Count();
        ((double)units / Facts.Units).Should().BeInRange(0.90, 0.95);
        var planted = sample.Truth.Rows().Select(r => r("tenant_id")).ToHashSet();
        inForce.Count(t => !planted.Contains(t)).Should().BeGreaterThan(120, because: "precision needs many ordinary tenants");
    }

    private List<Lease> Leases(string tenant) => Facts.Leases.Where(l => l.TenantId == tenant).ToList();
}
