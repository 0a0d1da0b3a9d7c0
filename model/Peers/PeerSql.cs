using System.Globalization;
using System.Text;

namespace Analytics.Model.Peers;

/// <summary>
/// Leave-one-out peer statistics in SQL. A tenant's peers are the OTHER tenants of its group, so every tenant has
/// its own median. Instead of a self-join (n² rows per group) each group's values are sorted into one list and
/// each tenant's quantiles are read from slices of that list with its own position skipped: O(n log n) per group.
/// Quantiles interpolate linearly like <c>quantile_cont</c>.
/// </summary>
internal static class PeerSql
{
    private static readonly (string Q, string Label)[] AllQuantiles = [("0.25", "p25"), ("0.5", "median"), ("0.75", "p75")];

    /// <summary>
    /// A SELECT over <paramref name="source"/> adding, per metric m, <c>m_peer_n</c> and (only when there are at
    /// least <paramref name="minPeers"/> peers) <c>m_peer_p25</c>, <c>m_peer_median</c>, <c>m_peer_p75</c>
    /// (only the median when <paramref name="medianOnly"/>). <paramref name="prefix"/> names the added columns;
    /// <paramref name="carry"/>, when given, limits the source columns passed through (default: all).
    /// </summary>
    /// <remarks>
    /// Per group the sorted values L (n of them) are cut, per quantile, into the two or three neighbours that the
    /// interpolation can need: with the tenant's own value removed (n − 1 peers, h = (n − 2)q) the peers' j-th
    /// value is L[j] below the tenant's rank and L[j + 1] from it on; without an own value (n peers) it is L[j].
    /// Only these few scalars travel to the tenant rows, so the cost is one sort per group and metric.
    /// </remarks>
    public static string LeaveOneOut(
        string source, IReadOnlyList<string> partition, IReadOnlyList<string> metrics, int minPeers, string? prefix = null, bool medianOnly = false,
        IReadOnlyList<string>? carry = null)
    {
        var c = CultureInfo.InvariantCulture;
        var quantiles = medianOnly ? AllQuantiles.Where(q => q.Label == "median").ToArray() : AllQuantiles;
        var keys = string.Join(", ", partition);
        var sb = new StringBuilder();
        sb.Append("WITH loo_ranked AS (SELECT src.*");
        foreach (var m in metrics)
        {
            sb.Append(c, $", CASE WHEN {m} IS NOT NULL THEN row_number() OVER (PARTITION BY {keys}, ({m} IS NULL) ORDER BY {m}) END AS {m}__rk");
        }

        sb.Append(c, $" FROM {source} src), loo_lists AS (SELECT {keys}");
        foreach (var m in metrics)
        {
            sb.Append(c, $", list({m} ORDER BY {m}) FILTER (WHERE {m} IS NOT NULL) AS {m}__l");
        }

        sb.Append(c, $" FROM {source} GROUP BY {keys}), loo_stats AS (SELECT {keys}");
        foreach (var m in metrics)
        {
            var n = $"coalesce(len({m}__l), 0)";
            sb.Append(c, $", {n} AS {m}__n");
            foreach (var (q, label) in quantiles)
            {
                var h1 = $"(({n} - 2) * {q})";
                var lo1 = $"greatest(floor({h1}), 0)::BIGINT";
                var h0 = $"(({n} - 1) * {q})";
                var lo0 = $"greatest(floor({h0}), 0)::BIGINT";
                sb.Append(c, $", {lo1} AS {m}__lo1_{label}, ({h1} - floor({h1})) AS {m}__f1_{label}");
                sb.Append(c, $", {m}__l[{lo1} + 1] AS {m}__a0_{label}, {m}__l[{lo1} + 2] AS {m}__a1_{label}, {m}__l[{lo1} + 3] AS {m}__a2_{label}");
                sb.Append(c, $", ({h0} - floor({h0})) AS {m}__f0_{label}, {m}__l[{lo0} + 1] AS {m}__b0_{label}, coalesce({m}__l[{lo0} + 2], {m}__l[{lo0} + 1]) AS {m}__b1_{label}");
            }
        }

        if (carry is null)
        {
            sb.Append(" FROM loo_lists) SELECT r.* EXCLUDE (");
            sb.Append(string.Join(", ", metrics.Select(m => m + "__rk")));
            sb.Append(')');
        }
        else
        {
            // Only the named columns (e.g. the row's key) and the statistics: a narrow result to join back.
            sb.Append(" FROM loo_lists) SELECT ");
            sb.Append(string.Join(", ", carry.Select(col => "r." + col)));
        }
        foreach (var m in metrics)
        {
            var name = (prefix ?? "") + m;
            var peers = $"(l.{m}__n - CASE WHEN r.{m}__rk IS NULL THEN 0 ELSE 1 END)";
            sb.Append(c, $", {peers} AS {name}_peer_n");
            foreach (var (_, label) in quantiles)
            {
                var lo = $"l.{m}__lo1_{label}";
                var j1 = $"least({lo} + 1, l.{m}__n - 2)";
                var o0 = $"(CASE WHEN {lo} >= r.{m}__rk - 1 THEN 1 ELSE 0 END)";
                var o1 = $"({j1} + CASE WHEN {j1} >= r.{m}__rk - 1 THEN 1 ELSE 0 END - {lo})";
                string At(string offset) => $"(CASE {offset} WHEN 0 THEN l.{m}__a0_{label} WHEN 1 THEN l.{m}__a1_{label} ELSE l.{m}__a2_{label} END)";
                sb.Append(c, $", CASE WHEN {peers} >= {minPeers} THEN CASE WHEN r.{m}__rk IS NULL ");
                sb.Append(c, $"THEN l.{m}__b0_{label} + l.{m}__f0_{label} * (l.{m}__b1_{label} - l.{m}__b0_{label}) ");
                sb.Append(c, $"ELSE {At(o0)} + l.{m}__f1_{label} * ({At(o1)} - {At(o0)}) END END AS {name}_peer_{label}");
            }
        }

        sb.Append(" FROM loo_ranked r JOIN loo_stats l ON ");
        sb.Append(string.Join(" AND ", partition.Select(k => $"l.{k} IS NOT DISTINCT FROM r.{k}")));
        return sb.ToString();
    }
}
