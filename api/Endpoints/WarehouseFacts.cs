using Analytics.Api.Server;
using Analytics.Model.Metrics;

namespace Analytics.Api.Endpoints;

/// <summary>
/// What every request checks first, kept in memory until the next load: which tenant ids exist and the latest month
/// with sales (the default period). The server is the warehouse's only writer, and every load clears the cache, so a
/// hot request touches no table at all.
/// </summary>
internal sealed class WarehouseFacts(FiguresCache cache, WarehouseAccess warehouse)
{
    private sealed record Facts(HashSet<string> TenantIds, DateOnly? LastSalesDay, HashSet<DateOnly> SalesMonths)
    {
        public DateOnly? LatestPeriod => LastSalesDay is { } d ? new DateOnly(d.Year, d.Month, 1) : null;
    }

    public bool TenantExists(string tenantId) => Current().TenantIds.Contains(tenantId);

    /// <summary>Whether the warehouse holds sales in the month starting on <paramref name="firstDay"/>.</summary>
    public bool HasSales(DateOnly firstDay) => Current().SalesMonths.Contains(firstDay);

    /// <summary>The last day with sales in the warehouse, null when it holds none.</summary>
    public DateOnly? LastSalesDay => Current().LastSalesDay;

    /// <summary>Resolves ?period= : given and valid, or absent and the warehouse has data; null otherwise.</summary>
    public DateOnly? ResolvePeriod(string? period) =>
        string.IsNullOrEmpty(period) ? Current().LatestPeriod
        : TenantAccess.TryParsePeriod(period, out var p) ? p
        : null;

    private Facts Current() => cache.GetOrAdd("facts", default, () =>
    {
        using var connection = warehouse.Connect();
        var months = SalesDays.Months(connection);
        return new Facts(Leases.TenantIds(connection), months.Count == 0 ? null : SalesDays.Last(connection, null), months);
    });
}
