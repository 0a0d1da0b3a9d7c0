using Analytics.Api.Server;

namespace Analytics.Api.Endpoints;

/// <summary>
/// What every request checks first, kept in memory until the next load: which tenant ids exist and the latest month
/// with sales (the default period). The server is the warehouse's only writer, and every load clears the cache, so a
/// hot request touches no table at all.
/// </summary>
internal sealed class WarehouseFacts(FiguresCache cache, WarehouseAccess warehouse)
{
    private sealed record Facts(HashSet<string> TenantIds, DateOnly? LatestPeriod);

    public bool TenantExists(string tenantId) => Current().TenantIds.Contains(tenantId);

    /// <summary>Resolves ?period= : given and valid, or absent and the warehouse has data; null otherwise.</summary>
    public DateOnly? ResolvePeriod(string? period) =>
        string.IsNullOrEmpty(period) ? Current().LatestPeriod
        : TenantAccess.TryParsePeriod(period, out var p) ? p
        : null;

    private Facts Current() => cache.GetOrAdd("facts", default, () =>
    {
        using var connection = warehouse.Connect();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT DISTINCT tenant_id FROM tenants";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                ids.Add(r.GetString(0));
            }
        }

        using var latest = connection.CreateCommand();
        latest.CommandText = "SELECT date_trunc('month', max(date))::DATE FROM sales";
        return new Facts(ids, latest.ExecuteScalar() is DateOnly d ? d : null);
    });
}
