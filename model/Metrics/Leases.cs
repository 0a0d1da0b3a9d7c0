using DuckDB.NET.Data;

namespace Analytics.Model.Metrics;

/// <summary>A tenant with its latest lease (the one started last), as the tenant list shows it.</summary>
public sealed record TenantSummary(
    string MallId, string TenantId, string TenantName, string? Brand, string Category, string UnitId, string? Floor,
    DateOnly LeaseStart, DateOnly LeaseEnd, DateOnly? ExitDate);

/// <summary>
/// Which tenants the warehouse knows and their latest lease, read here once so that the api and the pages read the
/// model rather than the tenants table.
/// </summary>
public static class Leases
{
    /// <summary>Every tenant with its latest lease, by mall and tenant id.</summary>
    public static List<TenantSummary> Latest(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT mall_id, tenant_id, tenant_name, brand, category, unit_id, floor, lease_start, lease_end, exit_date
            FROM tenants
            QUALIFY row_number() OVER (PARTITION BY mall_id, tenant_id ORDER BY lease_start DESC) = 1
            ORDER BY mall_id, tenant_id
            """;
        var list = new List<TenantSummary>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new TenantSummary(
                r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
                r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetFieldValue<DateOnly>(7),
                r.GetFieldValue<DateOnly>(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9)));
        }

        return list;
    }

    /// <summary>Every tenant id of the warehouse, any mall.</summary>
    public static HashSet<string> TenantIds(DuckDBConnection connection) => Ids(connection, "SELECT DISTINCT tenant_id FROM tenants");

    /// <summary>
    /// Tenant ids that name tenants of several malls (ids are unique within a mall only): a merchant key, which names
    /// a tenant id alone, cannot tell which of them it is.
    /// </summary>
    public static HashSet<string> IdsInSeveralMalls(DuckDBConnection connection) =>
        Ids(connection, "SELECT tenant_id FROM tenants GROUP BY tenant_id HAVING count(DISTINCT mall_id) > 1");

    private static HashSet<string> Ids(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read())
        {
            ids.Add(r.GetString(0));
        }

        return ids;
    }
}
