using Analytics.Api.Endpoints;
using Analytics.Api.Server;
using Analytics.Model.Metrics;

namespace Analytics.Api.Figures;

/// <summary>
/// What every request checks first, kept in memory until the next load: which tenant ids exist and the latest month
/// with sales (the default period). The server is the warehouse's only writer, and every load clears the cache, so a
/// hot request touches no table at all.
/// </summary>
internal sealed class WarehouseFacts(FiguresCache cache, WarehouseAccess warehouse)
{
    private sealed record Facts(
        HashSet<string> TenantIds, DateOnly? LastSalesDay, HashSet<DateOnly> SalesMonths, IReadOnlyList<string> Malls, HashSet<string> IdsInSeveralMalls)
    {
        public DateOnly? LatestPeriod => LastSalesDay is { } d ? new DateOnly(d.Year, d.Month, 1) : null;
    }

    public bool TenantExists(string tenantId) => Current().TenantIds.Contains(tenantId);

    /// <summary>The id names tenants of several malls (a merchant key naming it cannot tell which one it is).</summary>
    public bool InSeveralMalls(string tenantId) => Current().IdsInSeveralMalls.Contains(tenantId);

    /// <summary>The warehouse holds several malls: documents are then kept per mall.</summary>
    public bool IsPortfolio => Current().Malls.Count > 1;

    /// <summary>Whether the warehouse holds sales in the month starting on <paramref name="firstDay"/>.</summary>
    public bool HasSales(DateOnly firstDay) => Current().SalesMonths.Contains(firstDay);

    /// <summary>The last day with sales in the warehouse, null when it holds none.</summary>
    public DateOnly? LastSalesDay => Current().LastSalesDay;

    /// <summary>
    /// Resolves ?mall= (the warehouse's one mall needs none; null then stands for the whole warehouse): the problem to
    /// answer (400 naming the malls) when the mall is unknown or several malls leave the choice open, else null.
    /// </summary>
    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? MallProblem(string? mall, out string? resolved)
    {
        var malls = Current().Malls;
        var (chosen, error) = malls.Count == 0 ? (mall, null) : Malls.Choose(malls, mall, "?mall=");
        resolved = string.IsNullOrEmpty(mall) ? null : chosen;
        return error is null ? null : TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>Resolves ?period= : given and valid, or absent and the warehouse has data; null otherwise.</summary>
    public DateOnly? ResolvePeriod(string? period) =>
        string.IsNullOrEmpty(period) ? Current().LatestPeriod
        : TenantAccess.TryParsePeriod(period, out var p) ? p
        : null;

    private Facts Current() => cache.GetOrAdd("facts", default, () =>
    {
        using var connection = warehouse.Connect();
        var months = SalesDays.Months(connection);
        return new Facts(Leases.TenantIds(connection), months.Count == 0 ? null : SalesDays.Last(connection, null), months, Malls.InWarehouse(connection),
            Leases.IdsInSeveralMalls(connection));
    });
}
