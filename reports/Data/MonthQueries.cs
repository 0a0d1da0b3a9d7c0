using Analytics.Ingest.Warehouse;
using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Reports.Data;

/// <summary>Complaints received in a month for one category: how many, how serious, how fast they were resolved.</summary>
internal sealed record ComplaintCategoryRow(string Category, long Count, long Weighted, long AboutMall, long Resolved, long OpenAtEnd, double? MedianHours, double? P90Hours);

/// <summary>How many merchants received the mail of their sheet for a month, were refused, or await a retry.</summary>
internal sealed record SheetDeliveries(Month Period, long Received, long Refused, long Pending)
{
    public bool Any => Received + Refused + Pending > 0;
}

/// <summary>
/// Figures of the monthly brief that the metrics module does not give. Complaints are those received in P (as the
/// tenant metric <c>complaints</c>, but including those about the mall itself); a complaint counts as resolved when
/// resolved_at is on or before D, and resolution time is resolved_at − received_at in hours.
/// </summary>
internal static class MonthQueries
{
    public static IReadOnlyList<ComplaintCategoryRow> ComplaintsByCategory(DuckDBConnection connection, string? mallId, Month period)
    {
        var last = period.Last;
        using var cmd = WeekQueries.Command(connection, mallId, last, $"""
            WITH c AS (
                SELECT c.category, c.severity, c.tenant_id,
                       CASE WHEN c.resolved_at IS NOT NULL AND c.resolved_at < (CAST($day AS DATE) + 1)::TIMESTAMP
                            THEN date_diff('minute', c.received_at, c.resolved_at) / 60.0 END AS hours
                FROM complaints c
                WHERE c.received_at >= CAST($from AS DATE)::TIMESTAMP AND c.received_at < (CAST($day AS DATE) + 1)::TIMESTAMP
                  AND {MetricsSql.Filter("c")}
            )
            SELECT category, count(*) AS n, sum(severity)::BIGINT AS weighted, count(*) FILTER (WHERE tenant_id IS NULL) AS about_mall,
                   count(hours) AS resolved, count(*) - count(hours) AS open_at_end,
                   quantile_cont(hours, 0.5) AS median_hours, quantile_cont(hours, 0.9) AS p90_hours
            FROM c GROUP BY ALL ORDER BY n DESC, category
            """);
        cmd.Parameters.Add(new DuckDBParameter("from", period.First));
        using var r = cmd.ExecuteReader();
        var rows = new List<ComplaintCategoryRow>();
        while (r.Read())
        {
            rows.Add(new ComplaintCategoryRow(r.Text("category"), r.Count("n"), r.Count("weighted"), r.Count("about_mall"), r.Count("resolved"),
                r.Count("open_at_end"), r.Real("median_hours"), r.Real("p90_hours")));
        }
        return rows;
    }

    /// <summary>How many tenants have a lease in force on <paramref name="day"/> (metrics.md: start ≤ D ≤ exit or end).</summary>
    public static long TenantsInForce(DuckDBConnection connection, string? mallId, DateOnly day)
    {
        using var cmd = WeekQueries.Command(connection, mallId, day, $"""
            SELECT count(DISTINCT t.tenant_id) FROM tenants t
            WHERE {LeaseSql.InForce("t", "CAST($day AS DATE)")} AND {MetricsSql.Filter("t")}
            """);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Per merchant, how the mail of its sheet for <paramref name="period"/> ended (the deliveries table the delivery
    /// job writes): received when any message to it was accepted, else refused when the server refused one for good
    /// (5xx), else awaiting a retry.
    /// </summary>
    public static SheetDeliveries SheetDeliveries(DuckDBConnection connection, string? mallId, Month period)
    {
        using var cmd = WeekQueries.Command(connection, mallId, period.First, $"""
            WITH t AS (
                SELECT tenant_id, bool_or(status = 'sent') AS sent, bool_or(status = 'failed') AS failed
                FROM deliveries
                WHERE document = 'merchant' AND period = strftime(CAST($day AS DATE), '%Y-%m') AND tenant_id IS NOT NULL
                  AND {MetricsSql.Filter("deliveries")}
                GROUP BY tenant_id
            )
            SELECT count(*) FILTER (WHERE sent) AS sent, count(*) FILTER (WHERE NOT sent AND failed) AS failed,
                   count(*) FILTER (WHERE NOT sent AND NOT failed) AS pending
            FROM t
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new SheetDeliveries(period, r.Count("sent"), r.Count("failed"), r.Count("pending"));
    }
}
