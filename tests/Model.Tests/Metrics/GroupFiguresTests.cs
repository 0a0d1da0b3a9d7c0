using Analytics.Model.Metrics;
using Analytics.Model.Peers;

namespace Analytics.Model.Tests.Metrics;

// The group figures, WALE, median and rank the briefs print, computed in model/ from tenants' rows.
public sealed class GroupFiguresTests
{
    private static readonly DateOnly AsOf = new(2026, 10, 31);

    private static TenantMetricsRow Row(string id, string category, decimal sales, decimal? area, decimal? cost = null, decimal baseRent = 0,
        DateOnly? leaseEnd = null, double? density = null, string floor = "1F") => new()
    {
        MallId = "main", TenantId = id, TenantName = id, Category = category, UnitId = "U" + id, Floor = floor,
        NetSales = sales, AreaSqm = area, OccupancyCost = cost, BaseRent = baseRent, LeaseEnd = leaseEnd ?? AsOf, SalesDensity = density,
    };

    [Fact]
    public void Of_SumsTheGroupsSalesAreaAndCost_LargestSalesFirst()
    {
        var now = new[] { Row("A", "fashion", 100_000, 100, 12_000), Row("B", "fashion", 50_000, 150, null), Row("C", "f&b", 400_000, 200, 40_000) };
        var before = new[] { Row("A", "fashion", 120_000, 100), Row("C", "f&b", 0, 200) };

        var groups = GroupFigures.Of(now, before, r => r.Category);

        groups.Select(g => g.Group).Should().Equal("f&b", "fashion");
        var fashion = groups[1];
        fashion.Tenants.Should().Be(2);
        fashion.Density.Should().BeApproximately(150_000 / 250.0, 1e-9, "the group's sales over its leased area");
        fashion.Yoy.Should().BeApproximately(150_000 / 120_000.0 - 1, 1e-9);
        fashion.Ocr.Should().BeApproximately(12_000 / 100_000.0, 1e-9, "cost over the sales of the tenants with a bill only");
        groups[0].Yoy.Should().BeNull("no sales a year before: no growth");
    }

    [Fact]
    public void Wale_WeighsByBaseRent_HoldingOverCountsZero()
    {
        var rows = new[]
        {
            Row("A", "fashion", 0, 10, baseRent: 1_000, leaseEnd: AsOf.AddDays(730)),
            Row("B", "fashion", 0, 10, baseRent: 3_000, leaseEnd: AsOf.AddDays(-30)),
            Row("C", "fashion", 0, 10, baseRent: 0, leaseEnd: AsOf.AddDays(3650)),
        };
        LeaseFigures.Wale(rows, AsOf).Should().BeApproximately(1_000 * 730 / 365.25 / 4_000, 1e-9);
        LeaseFigures.Wale([rows[2]], AsOf).Should().BeNull();
    }

    [Fact]
    public void Median_OddAndEvenCounts()
    {
        Median.Of([3, 1, 2]).Should().Be(2);
        Median.Of([4, 1, 3, 2]).Should().Be(2.5);
    }

    [Fact]
    public void PeerRank_ShareOfPeersBelow_NullBelowTheMinimum()
    {
        var own = Row("A", "fashion", 0, 10, density: 500);
        var rows = new[] { own, Row("B", "fashion", 0, 10, density: 400), Row("C", "fashion", 0, 10, density: 600), Row("D", "fashion", 0, 10, density: 100),
            Row("E", "f&b", 0, 10, density: 1) };
        PeerRank.ByDensity(own, rows, minPeers: 3).Should().Be(new PeerRank(2 / 3.0, 3));
        PeerRank.ByDensity(own, rows, minPeers: 4).Should().BeNull("three peers are fewer than the minimum");
    }
}
