using Analytics.Model.Metrics;
using Analytics.Model.Tests.Support;

namespace Analytics.Model.Tests.Metrics;

// One test (or more) per row of metrics.md, on hand-built rows with hand-computed values. P = 2025-06, D = 2025-06-30.
public sealed class TenantMetricsTests : IDisposable
{
    private static readonly DateOnly P = Some.Month(2025, 6);
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private TenantMetricsRow Only(string tenantId = "T1") => TenantMetrics.Query(_w.Connection, null, Month.Of(P)).Single(r => r.TenantId == tenantId);

    [Fact]
    public void NetSales_RowsInsideAndOutsideMonth_SumsOnlyTheMonth()
    {
        _w.Unit("U-T1").Tenant("T1")
            .Sale("T1", Some.Day(2025, 5, 31), 999m).Sale("T1", Some.Day(2025, 6, 1), 100.50m)
            .Sale("T1", Some.Day(2025, 6, 30), 200m).Sale("T1", Some.Day(2025, 6, 15), -20m).Sale("T1", Some.Day(2025, 7, 1), 999m);

        Only().NetSales.Should().Be(280.50m);
    }

    [Fact]
    public void NetSales_NoRows_IsZero()
    {
        _w.Unit("U-T1").Tenant("T1");

        Only().NetSales.Should().Be(0m);
    }

    [Fact]
    public void Transactions_SomeRowsWithoutValue_SumsTheValues()
    {
        _w.Unit("U-T1").Tenant("T1")
            .Sale("T1", Some.Day(2025, 6, 1), 100m, 10).Sale("T1", Some.Day(2025, 6, 2), 100m).Sale("T1", Some.Day(2025, 6, 3), 100m, 5);

        Only().Transactions.Should().Be(15);
    }

    [Fact]
    public void Transactions_NoRowCarriesValue_IsNull()
    {
        _w.Unit("U-T1").Unit("U-T2").Tenant("T1").Tenant("T2").Sale("T1", Some.Day(2025, 6, 1), 100m);

        Only("T1").Transactions.Should().BeNull();
        Only("T2").Transactions.Should().BeNull("a tenant without sales rows has no transactions either");
    }

    [Fact]
    public void AvgTicket_SalesAndReceipts_IsTheirRatio()
    {
        _w.Unit("U-T1").Tenant("T1").Sale("T1", Some.Day(2025, 6, 1), 300m, 10).Sale("T1", Some.Day(2025, 6, 2), 200m, 15);

        Only().AvgTicket.Should().BeApproximately(20.0, 1e-9);
    }

    [Fact]
    public void AvgTicket_NoReceipts_IsNull()
    {
        _w.Unit("U-T1").Tenant("T1").Sale("T1", Some.Day(2025, 6, 1), 300m);

        Only().AvgTicket.Should().BeNull();
    }

    [Fact]
    public void AreaSqm_LeaseCarriesArea_LeaseAreaWinsOverUnit()
    {
        _w.Unit("U-T1", area: 100m).Unit("U-T2", area: 120m).Tenant("T1", area: 80m).Tenant("T2");

        Only("T1").AreaSqm.Should().Be(80m);
        Only("T2").AreaSqm.Should().Be(120m);
    }

    [Fact]
    public void SalesDensity_SalesOverArea_IsPerSquareMetre()
    {
        _w.Unit("U-T1", area: 100m).Tenant("T1", area: 80m).Sale("T1", Some.Day(2025, 6, 3), 3000m);

        Only().SalesDensity.Should().BeApproximately(37.5, 1e-9);
    }

    [Fact]
    public void SalesDensityTtm_TwelveMonthsEndingWithP_ExcludesTheThirteenthMonth()
    {
        _w.Unit("U-T1", area: 50m).Tenant("T1")
            .Sale("T1", Some.Day(2024, 6, 30), 10_000m)   // P − 12: outside the window
            .Sale("T1", Some.Day(2024, 7, 1), 1000m)
            .Sale("T1", Some.Day(2025, 1, 10), 2000m)
            .Sale("T1", Some.Day(2025, 6, 30), 2000m);

        Only().SalesDensityTtm.Should().BeApproximately(5000.0 / 50, 1e-9);
    }

    [Fact]
    public void Yoy_SalesAYearBefore_IsGrowth()
    {
        _w.Unit("U-T1").Tenant("T1").Sale("T1", Some.Day(2024, 6, 5), 400m).Sale("T1", Some.Day(2025, 6, 5), 600m);

        Only().Yoy.Should().BeApproximately(0.5, 1e-9);
    }

    [Fact]
    public void Yoy_NoSalesRowsAYearBefore_IsNull()
    {
        _w.Unit("U-T1").Tenant("T1").Sale("T1", Some.Day(2024, 7, 1), 400m).Sale("T1", Some.Day(2025, 6, 5), 600m);

        Only().Yoy.Should().BeNull();
    }

    [Fact]
    public void OccupancyCost_AllChargeTypes_CountsRentTurnoverAndServiceOnly()
    {
        _w.Unit("U-T1").Tenant("T1")
            .Rent("T1", P, 1000m).Rent("T1", P, 200m, chargeType: "turnover_rent").Rent("T1", P, 300m, chargeType: "service_charge")
            .Rent("T1", P, 50m, chargeType: "utilities").Rent("T1", P, 20m, chargeType: "other")
            .Rent("T1", Some.Month(2025, 5), 7777m);

        Only().OccupancyCost.Should().Be(1500m);
    }

    [Fact]
    public void OccupancyCost_NoRentRows_IsNullNotZero()
    {
        _w.Unit("U-T1").Tenant("T1").Sale("T1", Some.Day(2025, 6, 5), 600m);

        Only().OccupancyCost.Should().BeNull();
        Only().Ocr.Should().BeNull();
    }

    [Fact]
    public void Ocr_CostAndSales_IsTheirRatio()
    {
        _w.Unit("U-T1").Tenant("T1").Rent("T1", P, 1500m).Sale("T1", Some.Day(2025, 6, 5), 6000m);

        Only().Ocr.Should().BeApproximately(0.25, 1e-9);
    }

    [Fact]
    public void Ocr_NetSalesNotPositive_IsNull()
    {
        _w.Unit("U-T1").Tenant("T1").Rent("T1", P, 1500m).Sale("T1", Some.Day(2025, 6, 5), -10m);

        Only().Ocr.Should().BeNull();
    }

    [Fact]
    public void OcrTtm_TwelveMonths_IsCostOverSalesOfTheWindow()
    {
        _w.Unit("U-T1").Tenant("T1")
            .Rent("T1", Some.Month(2024, 6), 9999m).Rent("T1", Some.Month(2024, 7), 1000m).Rent("T1", P, 1000m)
            .Sale("T1", Some.Day(2024, 6, 5), 1m).Sale("T1", Some.Day(2024, 7, 5), 4000m).Sale("T1", Some.Day(2025, 6, 5), 6000m);

        Only().OcrTtm.Should().BeApproximately(2000.0 / 10_000, 1e-9);
    }

    [Fact]
    public void Arrears_PaidAfterD_CountsAsUnpaidOnD()
    {
        // Why: the as-of rule. A bill paid in July was still owed on 30 June.
        _w.Unit("U-T1").Tenant("T1")
            .Rent("T1", Some.Month(2025, 5), 1000m, Some.Day(2025, 5, 5), 1000m, Some.Day(2025, 7, 2))
            .Rent("T1", P, 1000m, Some.Day(2025, 6, 5), 400m, Some.Day(2025, 6, 10))
            .Rent("T1", Some.Month(2025, 3), 1000m, Some.Day(2025, 3, 5), 1000m, Some.Day(2025, 3, 5))
            .Rent("T1", Some.Month(2025, 7), 1000m, Some.Day(2025, 7, 5));

        var m = Only();
        m.Arrears.Should().Be(1600m);
        m.ArrearsDays.Should().Be(56, "30 June − 5 May");
    }

    [Fact]
    public void ArrearsDays_AllPaid_IsZero()
    {
        _w.Unit("U-T1").Tenant("T1").PaidRent("T1", P, 1000m);

        Only().Arrears.Should().Be(0m);
        Only().ArrearsDays.Should().Be(0);
    }

    [Fact]
    public void AgingBuckets_UnpaidOfDifferentAges_SplitByDaysPastDue()
    {
        _w.Unit("U-T1").Tenant("T1")
            .Rent("T1", P, 600m, Some.Day(2025, 6, 5))                 // 25 days
            .Rent("T1", Some.Month(2025, 5), 1000m, Some.Day(2025, 5, 5)) // 56 days
            .Rent("T1", Some.Month(2025, 4), 300m, Some.Day(2025, 4, 5))  // 86 days
            .Rent("T1", Some.Month(2025, 2), 500m, Some.Day(2025, 2, 5))  // 145 days
            .Rent("T1", P, 70m, Some.Day(2025, 6, 30));                 // due on D: owed, not yet overdue

        var m = Only();
        m.Aging1To30.Should().Be(600m);
        m.Aging31To60.Should().Be(1000m);
        m.Aging61To90.Should().Be(300m);
        m.AgingOver90.Should().Be(500m);
        m.Arrears.Should().Be(2470m);
        m.ArrearsDays.Should().Be(145);
    }

    [Fact]
    public void LateShare12m_MixedPayments_CountsLateOverDueInWindow()
    {
        _w.Unit("U-T1").Tenant("T1")
            .Rent("T1", Some.Month(2024, 6), 100m, Some.Day(2024, 6, 5))                               // outside the window
            .Rent("T1", Some.Month(2025, 1), 100m, Some.Day(2025, 1, 5), 100m, Some.Day(2025, 1, 10))  // on time (5 days)
            .Rent("T1", Some.Month(2025, 2), 100m, Some.Day(2025, 2, 5), 100m, Some.Day(2025, 2, 11))  // late
            .Rent("T1", Some.Month(2025, 3), 100m, Some.Day(2025, 3, 5), 50m, Some.Day(2025, 3, 6))    // partly paid: late
            .Rent("T1", P, 100m, Some.Day(2025, 6, 20))                                               // unpaid, 10 days: late
            .Rent("T1", P, 100m, Some.Day(2025, 6, 28));                                              // unpaid, 2 days: not yet late

        Only().LateShare12m.Should().BeApproximately(3.0 / 5, 1e-9);
    }

    [Fact]
    public void LateShare12m_NoRentDue_IsNull()
    {
        _w.Unit("U-T1").Tenant("T1");

        Only().LateShare12m.Should().BeNull();
    }

    [Fact]
    public void Complaints_NamedAndUnnamed_CountsThisTenantsInMonthWeightedBySeverity()
    {
        _w.Unit("U-T1").Tenant("T1")
            .Complaint("T1", new DateTime(2025, 6, 1, 0, 0, 0), 1)
            .Complaint("T1", new DateTime(2025, 6, 30, 23, 59, 0), 3)
            .Complaint(null, new DateTime(2025, 6, 10, 12, 0, 0), 2)
            .Complaint("T1", new DateTime(2025, 7, 1, 0, 0, 0), 2);

        Only().Complaints.Should().Be(2);
        Only().ComplaintsWeighted.Should().Be(4);
    }

    [Fact]
    public void ComplaintRate_ReceiptsKnown_IsPerTenThousand()
    {
        _w.Unit("U-T1").Tenant("T1").Sale("T1", Some.Day(2025, 6, 1), 1000m, 400)
            .Complaint("T1", new DateTime(2025, 6, 2, 10, 0, 0)).Complaint("T1", new DateTime(2025, 6, 3, 10, 0, 0));

        Only().ComplaintRate.Should().BeApproximately(50.0, 1e-9);
    }

    [Fact]
    public void ComplaintRate_NoReceipts_IsNull()
    {
        _w.Unit("U-T1").Tenant("T1").Sale("T1", Some.Day(2025, 6, 1), 1000m).Complaint("T1", new DateTime(2025, 6, 2, 10, 0, 0));

        Only().ComplaintRate.Should().BeNull();
    }

    [Fact]
    public void Violations_InspectionsInAndOutsideMonth_CountsMonthOnly()
    {
        _w.Unit("U-T1").Tenant("T1")
            .Inspection("T1", Some.Day(2025, 6, 1)).Inspection("T1", Some.Day(2025, 6, 30), "late_open").Inspection("T1", Some.Day(2025, 7, 1));

        Only().Violations.Should().Be(2);
    }

    [Fact]
    public void MonthsOpen_RenewedLease_CountsFromFirstLeaseStart()
    {
        _w.Unit("U-T1")
            .Tenant("T1", start: Some.Day(2023, 1, 15), end: Some.Day(2024, 1, 14))
            .Tenant("T1", start: Some.Day(2024, 1, 15), end: Some.Day(2026, 3, 31));

        var m = Only();
        m.MonthsOpen.Should().Be(29, "15 Jan 2023 to 30 Jun 2025 is 2 years, 5 months and 15 days");
        m.MonthsToExpiry.Should().Be(9, "30 Jun 2025 to 31 Mar 2026 is 9 months and a day");
    }

    [Fact]
    public void InForce_ExitDate_TenantCountsUpToAndIncludingItsExitDay()
    {
        _w.Unit("U-T1").Unit("U-T2").Unit("U-T3")
            .Tenant("T1", exit: Some.Day(2025, 6, 30))
            .Tenant("T2", exit: Some.Day(2025, 6, 29))
            .Tenant("T3", start: Some.Day(2025, 7, 1));

        TenantMetrics.Query(_w.Connection, null, Month.Of(P)).Select(r => r.TenantId).Should().Equal("T1");
    }

    [Fact]
    public void Series_ThreeMonths_OneRowPerMonthInForceWithTheSameDefinitions()
    {
        _w.Unit("U-T1").Tenant("T1", start: Some.Day(2025, 5, 1))
            .Sale("T1", Some.Day(2025, 4, 30), 999m).Sale("T1", Some.Day(2025, 5, 2), 100m).Sale("T1", Some.Day(2025, 6, 2), 300m);

        var rows = TenantMetrics.Series(_w.Connection, null, new Month(2025, 4), Month.Of(P));

        rows.Select(r => (r.Period, r.NetSales)).Should().Equal((Some.Month(2025, 5), 100m), (P, 300m));
        rows[1].SalesDensityTtm.Should().BeApproximately((999.0 + 100 + 300) / 100, 1e-9, "TTM counts sales before the lease too");
        rows[1].Should().BeEquivalentTo(TenantMetrics.Query(_w.Connection, null, Month.Of(P)).Single(), "a month reads the same in a series and alone");
    }

    [Fact]
    public void Query_MallFilter_ReturnsThatMallOnly()
    {
        _w.Unit("U-T1").Unit("U-T1", mall: "east").Tenant("T1").Tenant("T1", mall: "east");

        TenantMetrics.Query(_w.Connection, "east", Month.Of(P)).Select(r => r.MallId).Should().Equal("east");
    }
}
