using Analytics.Model.Budget;
using Analytics.Model.Metrics;
using Analytics.Model.Tests.Support;
using static Analytics.Model.Tests.Support.Some;

namespace Analytics.Model.Tests.Budget;

public sealed class BudgetFiguresTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public void TenantMetrics_BudgetRows_GiveSalesAndRentAgainstBudget()
    {
        _w.Tenant("A", baseRent: 10_000m).Tenant("B").Tenant("C");
        _w.MonthSales("A", Month(2025, 6), 100_000m).PaidRent("A", Month(2025, 6), 10_000m).Budget("A", Month(2025, 6), 125_000m, 8_000m)
            .MonthSales("B", Month(2025, 6), 50_000m).Budget("B", Month(2025, 6), null, 12_000m)
            .MonthSales("C", Month(2025, 6), 70_000m);

        var rows = TenantMetrics.Query(_w.Connection, null, new Month(2025, 6)).ToDictionary(r => r.TenantId);

        rows["A"].SalesVsBudget.Should().BeApproximately(-0.2, 1e-9);
        rows["A"].RentVsBudget.Should().BeApproximately(0.25, 1e-9);
        rows["B"].SalesVsBudget.Should().BeNull();
        rows["B"].RentVsBudget.Should().BeNull(because: "no charge was billed, so there is no occupancy cost to compare");
        rows["C"].SalesBudget.Should().BeNull();
        rows["C"].SalesVsBudget.Should().BeNull();
    }

    [Fact]
    public void Query_MallMonthAndYearToDate_SumEachSideOverTenantsWithThatBudget()
    {
        _w.Tenant("A").Tenant("B").Tenant("C");
        foreach (var m in new[] { Month(2025, 1), Month(2025, 2) })
        {
            _w.MonthSales("A", m, 90_000m).PaidRent("A", m, 10_000m).Budget("A", m, 100_000m, 10_000m)
                .MonthSales("B", m, 40_000m).PaidRent("B", m, 6_000m).Budget("B", m, 80_000m, null)
                .MonthSales("C", m, 500_000m).Budget("C", m, null, 5_000m);   // no charge billed: cost 0 against 5,000
        }
        _w.MonthSales("A", Month(2024, 12), 1_000_000m).Budget("A", Month(2024, 12), 1m, 1m);   // last year: not in the YTD

        var budget = BudgetFigures.Query(_w.Connection, "main", new Month(2025, 2));

        budget.Month.Should().Be(new BudgetTotals(130_000m, 180_000m, 10_000m, 15_000m));
        budget.Ytd.Should().Be(new BudgetTotals(260_000m, 360_000m, 20_000m, 30_000m));
        budget.Month.SalesVsBudget.Should().BeApproximately(130.0 / 180 - 1, 1e-9);
        budget.Tenants.Select(t => t.TenantId).Should().BeEquivalentTo(["A", "B", "C"]);
        budget.Tenants.Single(t => t.TenantId == "B").Ytd.SalesVsBudget.Should().BeApproximately(-0.5, 1e-9);
    }
}
