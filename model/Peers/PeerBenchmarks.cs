using System.Globalization;
using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Model.Peers;

/// <summary>
/// Peer benchmarks per mall and category (median, quartiles, count) for a month. Peers are the other tenants of
/// the same mall and category in force on D; with fewer than <c>minPeers</c> of them there is no benchmark
/// (metrics.md: a merchant never sees a median of fewer than 3 others).
/// </summary>
public static class PeerBenchmarks
{
    /// <summary>The metrics benchmarked against peers.</summary>
    public static IReadOnlyList<string> Metrics { get; } =
        ["sales_density", "sales_density_ttm", "yoy", "avg_ticket", "ocr", "ocr_ttm", "late_share_12m", "complaint_rate"];

    public const int DefaultMinPeers = 3;

    /// <summary>Each tenant's own value and the leave-one-out benchmark of its peers, per metric.</summary>
    public static IReadOnlyList<TenantPeerRow> ForTenants(DuckDBConnection connection, string? mallId, Month period, int minPeers = DefaultMinPeers)
    {
        TenantMetrics.CreateTempTable(connection, "peer_tm", mallId, period, period);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = PeerSql.LeaveOneOut("peer_tm", ["mall_id", "category", "period"], Metrics, minPeers) + " ORDER BY mall_id, tenant_id";
        using var r = cmd.ExecuteReader();
        var rows = new List<TenantPeerRow>();
        while (r.Read())
        {
            foreach (var m in Metrics)
            {
                rows.Add(new TenantPeerRow(
                    r.Text("mall_id"), r.Text("tenant_id"), r.Text("category"), m, r.Real(m),
                    (int)r.Count(m + "_peer_n"), r.Real(m + "_peer_p25"), r.Real(m + "_peer_median"), r.Real(m + "_peer_p75")));
            }
        }

        return rows;
    }

    /// <summary>Category benchmarks over every tenant of the group (for a mall-level report, not a merchant).</summary>
    public static IReadOnlyList<CategoryBenchmarkRow> ForCategories(DuckDBConnection connection, string? mallId, Month period)
    {
        TenantMetrics.CreateTempTable(connection, "peer_tm", mallId, period, period);
        var rows = new List<CategoryBenchmarkRow>();
        foreach (var m in Metrics)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = string.Format(CultureInfo.InvariantCulture, """
                SELECT mall_id, category, count({0}) AS n,
                       quantile_cont({0}, 0.25) AS p25, quantile_cont({0}, 0.5) AS median, quantile_cont({0}, 0.75) AS p75
                FROM peer_tm GROUP BY ALL ORDER BY mall_id, category
                """, m);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                rows.Add(new CategoryBenchmarkRow(r.Text("mall_id"), r.Text("category"), m, (int)r.Count("n"), r.Real("p25"), r.Real("median"), r.Real("p75")));
            }
        }

        return rows.OrderBy(x => x.MallId, StringComparer.Ordinal).ThenBy(x => x.Category, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One metric's category benchmarks for every month from <paramref name="from"/> to <paramref name="to"/>, the
    /// same figures as <see cref="ForCategories"/> month by month, with the metrics computed once for the whole range
    /// (a trend chart of 36 months would otherwise compute them 36 times).
    /// </summary>
    public static IReadOnlyList<(DateOnly Period, CategoryBenchmarkRow Row)> ForCategoriesSeries(
        DuckDBConnection connection, string? mallId, Month from, Month to, string metric)
    {
        if (!Metrics.Contains(metric))
        {
            throw new ArgumentException($"'{metric}' is not a benchmarked metric.", nameof(metric));
        }

        TenantMetrics.CreateTempTable(connection, "peer_tm", mallId, from, to);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = string.Format(CultureInfo.InvariantCulture, """
            SELECT period, mall_id, category, count({0}) AS n,
                   quantile_cont({0}, 0.25) AS p25, quantile_cont({0}, 0.5) AS median, quantile_cont({0}, 0.75) AS p75
            FROM peer_tm GROUP BY ALL ORDER BY period, mall_id, category
            """, metric);
        var rows = new List<(DateOnly, CategoryBenchmarkRow)>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add((r.GetFieldValue<DateOnly>(0),
                new CategoryBenchmarkRow(r.Text("mall_id"), r.Text("category"), metric, (int)r.Count("n"), r.Real("p25"), r.Real("median"), r.Real("p75"))));
        }

        return rows;
    }
}

/// <summary>A tenant's value of one metric beside its peers' (leave-one-out) quartiles; null quartiles: too few peers.</summary>
public sealed record TenantPeerRow(
    string MallId, string TenantId, string Category, string Metric, double? Value, int PeerCount, double? P25, double? Median, double? P75);

/// <summary>One metric's distribution over all tenants of a mall's category.</summary>
public sealed record CategoryBenchmarkRow(string MallId, string Category, string Metric, int Count, double? P25, double? Median, double? P75);
