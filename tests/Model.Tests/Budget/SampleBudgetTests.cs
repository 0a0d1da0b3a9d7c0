using System.Globalization;
using Analytics.Model.Budget;
using Analytics.Model.Metrics;
using Analytics.Model.Tests.Support;
using static Analytics.Model.Tests.Support.SampleCsv;

namespace Analytics.Model.Tests.Budget;

/// <summary>Budget and request figures on the committed sample against a computation from its CSV files.</summary>
[Collection(SampleCsvCollection.Name)]
public sealed class SampleBudgetTests(SampleCsv sample)
{
    private static readonly DateOnly P = new(2026, 10, 1);

    private decimal OccupancyCost(string tenant, DateOnly month) =>
        sample.Rent.Where(c => c.TenantId == tenant && c.Period == month && c.Type is "base_rent" or "turnover_rent" or "service_charge").Sum(c => c.Due);

    [Fact]
    public void BudgetFigures_Sample_TenantsMallAndYearToDateMatchTheFiles()
    {
        var rows = sample.Rows("budget").Select(r => (Tenant: r["tenant_id"], Period: Date(r["period"] + "-01"),
            Sales: r["sales_budget"].Length == 0 ? (decimal?)null : Money(r["sales_budget"]), Rent: Money(r["rent_budget"]))).ToList();
        var inForce = sample.Leases.Where(l => l.Start <= LastDay(P) && l.LastDay >= LastDay(P)).Select(l => l.TenantId).ToHashSet();

        var budget = BudgetFigures.Query(sample.Warehouse.Connection, "main", Month.Of(P));

        foreach (var t in budget.Tenants)
        {
            var row = rows.Single(r => r.Tenant == t.TenantId && r.Period == P);
            if (row.Sales is { } target)
            {
                t.Month.SalesVsBudget.Should().BeApproximately((double)(sample.Sales(t.TenantId, P) / target) - 1, 1e-9, because: t.TenantId);
            }

            t.Month.RentVsBudget.Should().BeApproximately((double)(OccupancyCost(t.TenantId, P) / row.Rent) - 1, 1e-9, because: t.TenantId);
        }

        budget.Tenants.Select(t => t.TenantId).Should().BeEquivalentTo(rows.Where(r => r.Period == P && inForce.Contains(r.Tenant)).Select(r => r.Tenant));
        var ytd = rows.Where(r => r.Period.Year == P.Year && r.Period <= P && r.Sales is not null && InForceAtEnd(r.Tenant, r.Period)).ToList();
        budget.Ytd.SalesBudget.Should().Be(ytd.Sum(r => r.Sales!.Value));
        budget.Ytd.NetSales.Should().Be(ytd.Sum(r => sample.Sales(r.Tenant, r.Period)));
        budget.Month.RentVsBudget.Should().NotBeNull();
    }

    [Fact]
    public void BudgetFigures_Sample_PlantedTenantsAmongTheTenthFurthestBelowTheirTarget()
    {
        var planted = sample.Rows("operations-truth.csv").Where(r => r["kind"] == "far_below_budget").Select(r => r["tenant_id"]).ToList();

        var budget = BudgetFigures.Query(sample.Warehouse.Connection, "main", Month.Of(P));

        var furthest = budget.Tenants.Where(t => t.Ytd.SalesVsBudget is not null).OrderBy(t => t.Ytd.SalesVsBudget).Take(budget.Tenants.Count / 10).Select(t => t.TenantId);
        furthest.Should().Contain(planted);
        budget.Tenants.Where(t => planted.Contains(t.TenantId)).Should().OnlyContain(t => t.Ytd.SalesVsBudget < -0.25);
    }

    [Fact]
    public void TenantMetrics_Sample_RequestsOpenAndOverdueMatchTheFiles()
    {
        var d = LastDay(P);
        var open = sample.Rows("requests").Select(r => (Tenant: r["tenant_id"], Category: r["category"],
                Raised: DateOnly.FromDateTime(DateTime.Parse(r["raised_at"], CultureInfo.InvariantCulture)),
                Resolved: r["resolved_at"].Length == 0 ? (DateOnly?)null : DateOnly.FromDateTime(DateTime.Parse(r["resolved_at"], CultureInfo.InvariantCulture))))
            .Where(r => r.Raised <= d && (r.Resolved is null || r.Resolved > d)).ToList();
        int Days(string category) => category switch { "repair" => 3, "cleaning" or "security" => 1, _ => 7 };

        var metrics = TenantMetrics.Query(sample.Warehouse.Connection, null, Month.Of(P));

        foreach (var m in metrics)
        {
            var mine = open.Where(o => o.Tenant == m.TenantId).ToList();
            m.RequestsOpen.Should().Be(mine.Count, because: m.TenantId);
            m.RequestsOverdue.Should().Be(mine.Count(o => d.DayNumber - o.Raised.DayNumber > Days(o.Category)), because: m.TenantId);
        }

        var overdue = sample.Rows("operations-truth.csv").Where(r => r["kind"] == "overdue_request").Select(r => r["tenant_id"]);
        metrics.Where(m => m.RequestsOverdue > 0).Select(m => m.TenantId).Should().Contain(overdue);
    }

    private bool InForceAtEnd(string tenant, DateOnly month) =>
        sample.Leases.Any(l => l.TenantId == tenant && l.Start <= LastDay(month) && l.LastDay >= LastDay(month));
}
