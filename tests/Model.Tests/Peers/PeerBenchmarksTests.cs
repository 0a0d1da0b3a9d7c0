using Analytics.Model.Peers;
using Analytics.Model.Tests.Support;

namespace Analytics.Model.Tests.Peers;

public sealed class PeerBenchmarksTests : IDisposable
{
    private static readonly DateOnly P = Some.Month(2025, 6);
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private void Shop(string id, string category, decimal sales, string mall = "main")
    {
        _w.Unit("U-" + id, area: 100m, mall: mall).Tenant(id, category, mall: mall).Sale(id, Some.Day(2025, 6, 10), sales, mall: mall);
    }

    private TenantPeerRow Density(string tenantId) =>
        PeerBenchmarks.ForTenants(_w.Connection, null, Month.Of(P)).Single(r => r.TenantId == tenantId && r.Metric == "sales_density");

    [Fact]
    public void ForTenants_FivePeersInCategory_MedianAndQuartilesLeaveTheTenantOut()
    {
        Shop("T1", "fashion", 1000m);
        Shop("T2", "fashion", 2000m);
        Shop("T3", "fashion", 3000m);
        Shop("T4", "fashion", 4000m);
        Shop("T5", "fashion", 5000m);
        Shop("F1", "f&b", 99_000m);

        var t3 = Density("T3");
        t3.PeerCount.Should().Be(4);
        t3.Median.Should().BeApproximately(30, 1e-9);
        t3.P25.Should().BeApproximately(17.5, 1e-9);
        t3.P75.Should().BeApproximately(42.5, 1e-9);

        var t1 = Density("T1");
        t1.Median.Should().BeApproximately(35, 1e-9, "peers of T1 are 20, 30, 40 and 50");
        t1.P25.Should().BeApproximately(27.5, 1e-9);
    }

    [Fact]
    public void ForTenants_TwoPeersOnly_NoBenchmark()
    {
        // Why: metrics.md's at-least-3-peers rule; with 2 others a merchant could work out a neighbour's sales.
        Shop("T1", "kids", 1000m);
        Shop("T2", "kids", 2000m);
        Shop("T3", "kids", 3000m);

        var t1 = Density("T1");
        t1.PeerCount.Should().Be(2);
        t1.Median.Should().BeNull();
        t1.P25.Should().BeNull();
    }

    [Fact]
    public void ForTenants_OtherMallSameCategory_IsNotAPeer()
    {
        Shop("T1", "fashion", 1000m);
        Shop("T2", "fashion", 2000m);
        Shop("T3", "fashion", 3000m);
        Shop("T4", "fashion", 4000m);
        Shop("E1", "fashion", 90_000m, mall: "east");

        Density("T1").PeerCount.Should().Be(3);
        Density("T1").Median.Should().BeApproximately(30, 1e-9);
    }

    [Fact]
    public void ForTenants_RandomGroups_MatchBruteForceMedians()
    {
        // Why: the sorted-list trick must agree with the definition (median of the others) for every position and ties.
        var rng = new Random(7);
        var sales = new Dictionary<string, (string Category, decimal Sales)>();
        for (var i = 0; i < 40; i++)
        {
            var id = $"T{i:00}";
            var category = (i % 3) switch { 0 => "a", 1 => "b", _ => "c" };
            var s = rng.Next(1, 12) * 500m;   // few distinct values: ties on purpose
            sales[id] = (category, s);
            Shop(id, category, s);
        }

        foreach (var row in PeerBenchmarks.ForTenants(_w.Connection, null, Month.Of(P)).Where(r => r.Metric == "sales_density"))
        {
            var others = sales.Where(kv => kv.Key != row.TenantId && kv.Value.Category == row.Category)
                .Select(kv => (double)kv.Value.Sales / 100).OrderBy(v => v).ToList();
            var mid = (others.Count - 1) / 2.0;
            var expected = (others[(int)Math.Floor(mid)] + others[(int)Math.Ceiling(mid)]) / 2;
            row.Median.Should().BeApproximately(expected, 1e-9, row.TenantId);
        }
    }

    [Fact]
    public void ForCategories_FiveTenants_QuartilesOverAll()
    {
        Shop("T1", "fashion", 1000m);
        Shop("T2", "fashion", 2000m);
        Shop("T3", "fashion", 3000m);
        Shop("T4", "fashion", 4000m);
        Shop("T5", "fashion", 5000m);

        var d = PeerBenchmarks.ForCategories(_w.Connection, null, Month.Of(P)).Single(r => r.Metric == "sales_density");
        d.Count.Should().Be(5);
        d.Median.Should().BeApproximately(30, 1e-9);
        d.P25.Should().BeApproximately(20, 1e-9);
    }

    [Fact]
    public void ForCategoriesSeries_EqualsForCategoriesMonthByMonth()
    {
        foreach (var (id, category, may, june) in new[] { ("T1", "fashion", 500m, 1500m), ("T2", "fashion", 900m, 4000m), ("T3", "fashion", 700m, 1200m), ("F1", "f&b", 2000m, 2500m) })
        {
            _w.Unit("U-" + id, area: 100m).Tenant(id, category);
            _w.Sale(id, Some.Day(2025, 5, 3), may).Sale(id, Some.Day(2025, 6, 10), june);
        }

        var series = PeerBenchmarks.ForCategoriesSeries(_w.Connection, null, Month.Of(P.AddMonths(-1)), Month.Of(P), "sales_density");

        foreach (var month in new[] { P.AddMonths(-1), P })
        {
            var single = PeerBenchmarks.ForCategories(_w.Connection, null, Month.Of(month)).Where(r => r.Metric == "sales_density").ToList();
            series.Where(s => s.Period == month).Select(s => s.Row).Should().BeEquivalentTo(single, "month {0}", month);
        }
    }
}
