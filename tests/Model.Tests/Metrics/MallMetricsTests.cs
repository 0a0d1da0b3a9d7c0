using Analytics.Model.Metrics;
using Analytics.Model.Tests.Support;

namespace Analytics.Model.Tests.Metrics;

// The per-mall rows of metrics.md. P = 2025-06, D = 2025-06-30.
public sealed class MallMetricsTests : IDisposable
{
    private static readonly DateOnly P = Some.Month(2025, 6);
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private MallMetricsRow Only() => MallMetrics.Query(_w.Connection, null, Month.Of(P)).Single();

    [Fact]
    public void GlaAndOccupancy_UnitsDataset_UsesUnitsAndLeasedAreaOnD()
    {
        _w.Unit("U1", area: 100m).Unit("U2", area: 300m).Unit("U3", area: 600m)
            .Tenant("T1", unitId: "U1").Tenant("T2", unitId: "U2", area: 250m).Tenant("T3", unitId: "U3", exit: Some.Day(2025, 5, 31));

        var m = Only();
        m.GlaSqm.Should().Be(1000m);
        m.OccupancyRate.Should().BeApproximately(350.0 / 1000, 1e-9);
    }

    [Fact]
    public void Gla_NoUnitsDataset_IsLeasedAreaInForce()
    {
        _w.Tenant("T1", area: 80m).Tenant("T2", area: 120m);

        var m = Only();
        m.GlaSqm.Should().Be(200m);
        m.OccupancyRate.Should().BeApproximately(1.0, 1e-9);
    }

    [Fact]
    public void MallSalesAndDensity_TenantsSales_SumOverLeasedArea()
    {
        _w.Unit("U1", area: 100m).Unit("U2", area: 100m).Unit("U3", area: 200m)
            .Tenant("T1", unitId: "U1").Tenant("T2", unitId: "U2")
            .Sale("T1", Some.Day(2025, 6, 1), 1000m).Sale("T2", Some.Day(2025, 6, 2), 3000m).Sale("T2", Some.Day(2025, 7, 2), 5000m);

        var m = Only();
        m.MallSales.Should().Be(4000m);
        m.MallDensity.Should().BeApproximately(4000.0 / 200, 1e-9);
    }

    [Fact]
    public void CollectionRate_BillsDueInP_ShareOfAmountPaidByD()
    {
        _w.Unit("U1").Tenant("T1", unitId: "U1")
            .Rent("T1", P, 1000m, Some.Day(2025, 6, 5), 1000m, Some.Day(2025, 6, 10))
            .Rent("T1", P, 500m, Some.Day(2025, 6, 5), 200m, Some.Day(2025, 6, 20), "service_charge")
            .Rent("T1", P, 500m, Some.Day(2025, 6, 5), 500m, Some.Day(2025, 7, 3), "turnover_rent")
            .Rent("T1", Some.Month(2025, 5), 900m, Some.Day(2025, 5, 5));

        Only().CollectionRate.Should().BeApproximately(1200.0 / 2000, 1e-9);
    }

    [Fact]
    public void Footfall_WholeMallRows_UsesOnlyEmptyZone()
    {
        _w.Unit("U1").Tenant("T1", unitId: "U1").Sale("T1", Some.Day(2025, 6, 1), 100m, 50)
            .Footfall(Some.Day(2025, 6, 1), 1000).Footfall(Some.Day(2025, 6, 2), 1000)
            .Footfall(Some.Day(2025, 6, 1), 700, "A").Footfall(Some.Day(2025, 7, 1), 9999);

        var m = Only();
        m.Footfall.Should().Be(2000);
        m.Conversion.Should().BeApproximately(50.0 / 2000, 1e-9);
    }

    [Fact]
    public void Footfall_OnlyZoneRows_SumsAllZones()
    {
        _w.Unit("U1").Tenant("T1", unitId: "U1")
            .Footfall(Some.Day(2025, 6, 1), 700, "A").Footfall(Some.Day(2025, 6, 1), 300, "B");

        var m = Only();
        m.Footfall.Should().Be(1000);
        m.Conversion.Should().BeNull("no receipts were reported");
    }
}
