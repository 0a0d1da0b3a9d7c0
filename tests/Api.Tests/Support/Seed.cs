using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace Analytics.Api.Tests.Support;

/// <summary>Test data: rows written straight into the warehouse, and drops written as contract CSV files.</summary>
internal static class Seed
{
    /// <summary>Three tenants with leases in force through 2027 and a month of sales in October 2026.</summary>
    public static readonly string[] TenantIds = ["T001", "T002", "T003"];

    public static void Tenants(DuckDBConnection connection)
    {
        foreach (var (id, category) in new[] { ("T001", "fashion"), ("T002", "fashion"), ("T003", "f&b") })
        {
            Execute(connection, $"""
                INSERT INTO tenants (mall_id, tenant_id, tenant_name, brand, category, unit_id, floor, area_sqm,
                    lease_start, lease_end, base_rent, turnover_rate_pct, service_charge, load_id)
                VALUES ('main', '{id}', '商户{id}', NULL, '{category}', 'U-{id}', '1F', 100, DATE '2024-01-01', DATE '2027-12-31', 20000, 0, 1000, 0)
                """);
            Execute(connection, $"""
                INSERT INTO sales SELECT 'main', '{id}', d::DATE, 1000, 50, 0
                FROM range(DATE '2026-10-01', DATE '2026-11-01', INTERVAL 1 DAY) t(d)
                """);
            // One repair request each, still open at the month's end (overdue: 11 days against 3).
            Execute(connection, $"""
                INSERT INTO requests VALUES ('main', 'RQ-{id}', TIMESTAMP '2026-10-20 10:00:00', '{id}', 'repair', 'open', NULL, '漏水', NULL, 0)
                """);
        }
    }

    public static long Count(DuckDBConnection connection, string table)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM {table}";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>A drop that follows the contract: one new tenant and its sales for a week.</summary>
    public static Dictionary<string, string> GoodDrop(string tenantId = "T100") => new()
    {
        ["tenants.csv"] = "tenant_id,tenant_name,category,unit_id,area_sqm,lease_start,lease_end,base_rent\n" +
                          $"{tenantId},新商户,beauty,U-9,80,2025-01-01,2028-12-31,15000\n",
        ["sales.csv"] = "tenant_id,date,net_sales,transactions\n" + string.Concat(Enumerable.Range(1, 7)
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{tenantId},2026-10-{d:D2},{1000 + d}.50,{40 + d}\n"))),
    };

    /// <summary>A drop whose sales break the contract on most rows (unparsable numbers): refused whole.</summary>
    public static Dictionary<string, string> BadDrop() => new()
    {
        ["sales.csv"] = "tenant_id,date,net_sales,transactions\n" + string.Concat(Enumerable.Range(1, 10)
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"T001,2026-10-{d:D2},{(d <= 2 ? "12.5" : "lots")},3\n"))),
    };

    public static void WriteDrop(string folder, Dictionary<string, string> files)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text, new UTF8Encoding(false));
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
