using Analytics.Model.Metrics;
using Analytics.Model.Requests;
using DuckDB.NET.Data;

namespace Analytics.Model.Budget;

/// <summary>Actual against budget: sales against the sales target, occupancy cost against the rent budget.</summary>
public sealed record BudgetTotals(decimal NetSales, decimal SalesBudget, decimal OccupancyCost, decimal RentBudget)
{
    public double? SalesVsBudget => BudgetFigures.Versus(NetSales, SalesBudget);
    public double? RentVsBudget => BudgetFigures.Versus(OccupancyCost, RentBudget);
}

/// <summary>One tenant against its sales target: the month and the year to date.</summary>
public sealed record TenantBudget(string TenantId, string TenantName, string Category, BudgetTotals Month, BudgetTotals Ytd);

/// <summary>A mall's month and year to date against budget, with every tenant that has a budget row in the month.</summary>
public sealed record MallBudget(string MallId, DateOnly Period, BudgetTotals Month, BudgetTotals Ytd, IReadOnlyList<TenantBudget> Tenants)
{
    public bool HasBudget => Month.SalesBudget > 0 || Month.RentBudget > 0;
}

/// <summary>
/// The one home of the budget comparison (metrics.md: sales_vs_budget, rent_vs_budget). A mall's figure sums
/// actual and budget over the tenants with a budget for the month, each side over the tenants that have that
/// side's budget (a tenant with only a rent budget does not dilute the sales comparison); the year to date sums
/// the months of the period's year up to the period.
/// </summary>
public static class BudgetFigures
{
    /// <summary>actual / budget − 1; null without a positive budget.</summary>
    public static double? Versus(decimal actual, decimal? budget) => budget is > 0m ? (double)(actual / budget.Value) - 1 : null;

    public static MallBudget Query(DuckDBConnection connection, string mallId, Month period, RequestSettings? requests = null) =>
        From(TenantMetrics.Series(connection, mallId, new Month(period.Year, 1), period, requests), mallId, period);

    /// <summary>From tenant metrics that cover January to the period of its year (more months are ignored).</summary>
    public static MallBudget From(IEnumerable<TenantMetricsRow> series, string mallId, Month period)
    {
        var p = period.First;
        var year = series.Where(r => r.MallId == mallId && r.Period.Year == p.Year && r.Period <= p).ToList();
        var tenants = year.Where(r => r.Period == p && (r.SalesBudget is not null || r.RentBudget is not null))
            .Select(r => new TenantBudget(r.TenantId, r.TenantName, r.Category, Totals([r]), Totals(year.Where(y => y.TenantId == r.TenantId))))
            .ToList();
        return new MallBudget(mallId, p, Totals(year.Where(r => r.Period == p)), Totals(year), tenants);
    }

    private static BudgetTotals Totals(IEnumerable<TenantMetricsRow> rows)
    {
        var list = rows.ToList();
        var sales = list.Where(r => r.SalesBudget is not null).ToList();
        var rent = list.Where(r => r.RentBudget is not null).ToList();
        return new BudgetTotals(sales.Sum(r => r.NetSales), sales.Sum(r => r.SalesBudget!.Value),
            rent.Sum(r => r.OccupancyCost ?? 0m), rent.Sum(r => r.RentBudget!.Value));
    }
}
