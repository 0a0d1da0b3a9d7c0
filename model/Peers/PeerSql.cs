using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace Analytics.Model.Peers;

/// <summary>
/// Leave-one-out peer statistics in SQL. A tenant's peers are the OTHER tenants of its group, so every tenant has
/// its own median. Instead of a self-join (n² rows per group) each group's values are sorted into one list and
/// each tenant's quantiles are read from that list with its own position skipped: O(n log n) per group.
/// Quantiles interpolate linearly like <c>quantile_cont</c>.
/// </summary>
internal static class PeerSql
{
    /// <summary>Macros on this connection: <c>loo_n(list, rank)</c> and <c>loo_q(list, rank, q)</c>.</summary>
    public static void CreateMacros(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        // rk: 1-based position of the tenant's own value in the sorted list (null when it has none).
        // loo_at: the j-th (0-based) value of the list once the tenant's own value is removed.
        cmd.CommandText = """
            CREATE OR REPLACE TEMP MACRO loo_n(l, rk) AS coalesce(len(l), 0) - CASE WHEN rk IS NULL THEN 0 ELSE 1 END;
            CREATE OR REPLACE TEMP MACRO loo_at(l, rk, j) AS l[CASE WHEN rk IS NOT NULL AND j + 1 >= rk THEN j + 2 ELSE j + 1 END];
            CREATE OR REPLACE TEMP MACRO loo_h(l, rk, q) AS (loo_n(l, rk) - 1) * q;
            CREATE OR REPLACE TEMP MACRO loo_q(l, rk, q) AS CASE WHEN loo_n(l, rk) >= 1 THEN
                loo_at(l, rk, floor(loo_h(l, rk, q))::BIGINT)
                + (loo_h(l, rk, q) - floor(loo_h(l, rk, q)))
                  * (loo_at(l, rk, least(floor(loo_h(l, rk, q))::BIGINT + 1, loo_n(l, rk) - 1)) - loo_at(l, rk, floor(loo_h(l, rk, q))::BIGINT))
                END;
            """;
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// A SELECT over <paramref name="source"/> adding, per metric m, <c>m_peer_n</c> and (only when there are at
    /// least <paramref name="minPeers"/> peers) <c>m_peer_p25</c>, <c>m_peer_median</c>, <c>m_peer_p75</c>.
    /// <paramref name="prefix"/> names the added columns (default: the metric name).
    /// </summary>
    public static string LeaveOneOut(string source, IReadOnlyList<string> partition, IReadOnlyList<string> metrics, int minPeers, string? prefix = null)
    {
        var keys = string.Join(", ", partition);
        var sb = new StringBuilder();
        sb.Append("WITH loo_ranked AS (SELECT src.*");
        foreach (var m in metrics)
        {
            sb.Append(CultureInfo.InvariantCulture, $", CASE WHEN {m} IS NOT NULL THEN row_number() OVER (PARTITION BY {keys}, ({m} IS NULL) ORDER BY {m}) END AS {m}__rk");
        }

        sb.Append(CultureInfo.InvariantCulture, $" FROM {source} src), loo_lists AS (SELECT {keys}");
        foreach (var m in metrics)
        {
            sb.Append(CultureInfo.InvariantCulture, $", list({m} ORDER BY {m}) FILTER (WHERE {m} IS NOT NULL) AS {m}__l");
        }

        sb.Append(CultureInfo.InvariantCulture, $" FROM {source} GROUP BY {keys}) SELECT r.* EXCLUDE (");
        sb.Append(string.Join(", ", metrics.Select(m => m + "__rk")));
        sb.Append(')');
        foreach (var m in metrics)
        {
            var name = (prefix ?? "") + m;
            var n = $"loo_n(l.{m}__l, r.{m}__rk)";
            sb.Append(CultureInfo.InvariantCulture, $", {n} AS {name}_peer_n");
            foreach (var (q, label) in new[] { ("0.25", "p25"), ("0.5", "median"), ("0.75", "p75") })
            {
                sb.Append(CultureInfo.InvariantCulture, $", CASE WHEN {n} >= {minPeers} THEN loo_q(l.{m}__l, r.{m}__rk, {q}) END AS {name}_peer_{label}");
            }
        }

        sb.Append(" FROM loo_ranked r JOIN loo_lists l ON ");
        sb.Append(string.Join(" AND ", partition.Select(k => $"l.{k} IS NOT DISTINCT FROM r.{k}")));
        return sb.ToString();
    }
}
