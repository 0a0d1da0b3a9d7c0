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
        public Month? LatestPeriod => LastSalesDay is { } d ? Month.Of(d) : null;
    }

    public bool TenantExists(string tenantId) => Current().TenantIds.Contains(tenantId);

    /// <summary>The id names tenants of several malls (a merchant key naming it cannot tell which one it is).</summary>
    public bool InSeveralMalls(string tenantId) => Current().IdsInSeveralMalls.Contains(tenantId);

    /// <summary>The warehouse holds several malls: documents are then kept per mall.</summary>
    public bool IsPortfolio => Current().Malls.Count > 1;

    /// <summary>Whether the warehouse holds sales in the month.</summary>
    public bool HasSales(Month month) => Current().SalesMonths.Contains(month.First);

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

    /// <summary>The month of the latest sales day (the default period); null when the warehouse holds no sales.</summary>
    public Month? LatestPeriod => Current().LatestPeriod;

    /// <summary>A period as text (a page's ?period=, a request body): given and valid, or absent and the warehouse has data; null otherwise.</summary>
    public Month? ResolvePeriod(string? period) =>
        string.IsNullOrEmpty(period) ? LatestPeriod
        : Month.TryParse(period, out var p) ? p
        : null;

    /// <summary>A bound ?period=: the month given, else the latest (null when the warehouse has no data).</summary>
    public Month? ResolvePeriod(Month? period) => period ?? LatestPeriod;

    private Facts Current() => cache.GetOrAdd("facts", default, () =>
    {
        using var connection = warehouse.Connect();
        var months = SalesDays.Months(connection);
        return new Facts(Leases.TenantIds(connection), months.Count == 0 ? null : SalesDays.Last(connection, null), months, Malls.InWarehouse(connection),
            Leases.IdsInSeveralMalls(connection));
    });
}
