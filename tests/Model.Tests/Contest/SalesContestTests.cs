using Analytics.Model.Contest;
using Analytics.Model.Metrics;

namespace Analytics.Model.Tests.Contest;

/// <summary>The contest's rules on hand-made metrics: who competes, the leave-one-out medians, margins and ties.</summary>
public sealed class SalesContestTests
{
    private static readonly DateOnly P = new(2026, 10, 1);
    private static readonly ContestSettings Settings = new();

    private static TenantMetricsRow Row(string tenant, DateOnly period, decimal sales, decimal area = 100m, long monthsOpen = 24, string category = "f&b") => new()
    {
        MallId = "main", TenantId = tenant, TenantName = "店" + tenant, Category = category, UnitId = "U" + tenant,
        Period = period, NetSales = sales, AreaSqm = area, MonthsOpen = monthsOpen,
    };

    [Fact]
    public void From_FourContestants_BestDensityAgainstTheMedianOfTheOthers()
    {
        var result = SalesContest.From([Row("A", P, 10_000m), Row("B", P, 20_000m), Row("C", P, 30_000m), Row("D", P, 60_000m, area: 200m)], Month.Of(P), Settings);

        var win = result.Winners.First(w => w.Scope == ContestWinner.CategoryScope && w.Award == ContestWinner.BestDensity);
        win.TenantId.Should().Be("C");
        result.Winners.Where(w => w.Scope == ContestWinner.CategoryScope && w.Award == ContestWinner.BestDensity).Select(w => w.TenantId)
            .Should().Equal(["C", "D"], because: "D's 60,000 over 200 m² is C's 300 per m²: a shared win");
        win.Benchmark.Should().Be(200, because: "the median of A, B and D (100, 200, 300) leaves C out");
        win.Score.Should().Be(1.5);
        win.Lead.Should().BeApproximately(1.5 - 200.0 / 300, 1e-12, because: "B's score is 200 over the median of 100, 300, 300");
    }

    [Fact]
    public void From_RampUpMissingSalesAndSmallCategories_DoNotCompete()
    {
        var result = SalesContest.From(
        [
            Row("A", P, 10_000m), Row("B", P, 20_000m),
            Row("N", P, 90_000m, monthsOpen: 2),   // new: still in ramp-up
            Row("Z", P, 0m),                       // no sales reported
            Row("K1", P, 5_000m, category: "kids"), Row("K2", P, 6_000m, category: "kids"), Row("K3", P, 7_000m, category: "kids"),
        ], Month.Of(P), Settings);

        result.Categories.Select(c => c.Category).Should().Equal("kids");
        result.Winners.Should().OnlyContain(w => w.TenantId == "K3");
    }

    [Fact]
    public void From_MostImproved_BeatsTheCategoryMovementByTheMargin()
    {
        var y = P.AddMonths(-12);
        List<TenantMetricsRow> rows =
        [
            Row("A", y, 10_000m), Row("A", P, 11_000m),   // +10 %
            Row("B", y, 10_000m), Row("B", P, 10_500m),   // +5 %
            Row("C", y, 10_000m), Row("C", P, 12_000m),   // +20 %
            Row("D", y, 10_000m), Row("D", P, 10_000m),   // 0 %
            Row("E", y, 10_000m, monthsOpen: 1), Row("E", P, 30_000m, monthsOpen: 13),   // ramp-up a year ago: not comparable
        ];

        var result = SalesContest.From(rows, Month.Of(P), Settings);

        var win = result.Winners.Single(w => w.Scope == ContestWinner.CategoryScope && w.Award == ContestWinner.MostImproved);
        win.TenantId.Should().Be("C");
        win.Value.Should().BeApproximately(0.20, 1e-12);
        win.Benchmark.Should().BeApproximately(0.05, 1e-12, because: "the median change of A, B and D");
        win.Contestants.Should().Be(4);
        result.Winners.Single(w => w.Scope == ContestWinner.MallScope && w.Award == ContestWinner.MostImproved).TenantId.Should().Be("C");

        var close = SalesContest.From(rows.Select(r => r.Period != P ? r : r.TenantId switch
        {
            "A" => r with { NetSales = 10_900m },
            "C" => r with { NetSales = 10_800m },
            _ => r,
        }), Month.Of(P), Settings);
        close.Winners.Should().NotContain(w => w.Award == ContestWinner.MostImproved,
            because: "the best, A at +9 % against the others' median of +5 %, is 4 points ahead: less than the 5 a win needs");
        close.Categories.Single().ImprovementContestants.Should().Be(4);
    }

    [Fact]
    public void From_MallWide_BestIndexAmongCategoryWinners()
    {
        var result = SalesContest.From(
        [
            Row("A", P, 10_000m), Row("B", P, 10_000m), Row("C", P, 15_000m),
            Row("K1", P, 1_000m, category: "kids"), Row("K2", P, 1_000m, category: "kids"), Row("K3", P, 3_000m, category: "kids"),
        ], Month.Of(P), Settings);

        var mall = result.Winners.Single(w => w.Scope == ContestWinner.MallScope && w.Award == ContestWinner.BestDensity);
        mall.TenantId.Should().Be("K3");
        mall.Score.Should().Be(3);
        mall.Lead.Should().Be(1.5);
        result.WinsOf("main", "K3").Select(w => w.Scope).Should().BeEquivalentTo(["category", "mall"]);
        result.WinsOf("main", "A").Should().BeEmpty();
    }
}
