using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Reports.Data;

/// <summary>One tenant's sales over a span of days, with the floor and category of its lease on the span's last day.</summary>
internal sealed record SpanSales(string TenantId, string TenantName, string Category, string Floor, decimal NetSales);

/// <summary>A complaint with the name of the tenant it is about (null: the mall itself).</summary>
internal sealed record ComplaintRow(
    string ComplaintId, DateTime ReceivedAt, string? TenantId, string? TenantName, string Category, int Severity, string Status, DateTime? ResolvedAt);

/// <summary>A patrol finding with the tenant's name.</summary>
internal sealed record FindingRow(DateOnly Date, string TenantId, string TenantName, string Type, int? Minutes);

/// <summary>A tenant's arrears on a given day (metrics.md <c>arrears</c> and <c>arrears_days</c> with that day as D).</summary>
internal sealed record ArrearsRow(string TenantId, string TenantName, decimal Arrears, long ArrearsDays);

/// <summary>
/// The figures a week needs that the monthly metrics module cannot give (its as-of day is a month end). Each uses the
/// definition of metrics.md over a span of days instead of a month: net sales are the sum of the sales rows dated in the
/// span; footfall counts whole-mall rows (empty zone) when the span has any, else all zones; arrears follow the
/// metrics.md rule with the chosen day as D. Tenants are named and placed by their latest lease started by the day.
/// </summary>
internal static class WeekQueries
{
    // The lease that names and places a tenant on $day: the latest one started by then (also for a tenant that left).
    private static string LeaseOn => $"""
        lease_on AS (
            SELECT t.mall_id, t.tenant_id, t.tenant_name, t.category, coalesce(t.floor, u.floor, '') AS floor
            FROM tenants t LEFT JOIN units u ON u.mall_id = t.mall_id AND u.unit_id = t.unit_id
            WHERE t.lease_start <= CAST($day AS DATE) AND {MetricsSql.Filter("t")}
            QUALIFY row_number() OVER (PARTITION BY t.mall_id, t.tenant_id ORDER BY t.lease_start DESC) = 1
        )
        """;

    public static IReadOnlyList<SpanSales> Sales(DuckDBConnection connection, string? mallId, DateOnly from, DateOnly to)
    {
        using var cmd = Command(connection, mallId, to, $"""
            WITH {LeaseOn},
            s AS (
                SELECT s.mall_id, s.tenant_id, sum(s.net_sales) AS net_sales
                FROM sales s
                WHERE s.date >= CAST($from AS DATE) AND s.date <= CAST($day AS DATE) AND {MetricsSql.Filter("s")}
                GROUP BY ALL
            )
            SELECT s.tenant_id, l.tenant_name, l.category, l.floor, s.net_sales::DECIMAL(18,2) AS net_sales
            FROM s JOIN lease_on l ON l.mall_id = s.mall_id AND l.tenant_id = s.tenant_id
            ORDER BY s.tenant_id
            """);
        cmd.Parameters.Add(new DuckDBParameter("from", from));
        using var r = cmd.ExecuteReader();
        var rows = new List<SpanSales>();
        while (r.Read())
            rows.Add(new SpanSales(r.Text("tenant_id"), r.Text("tenant_name"), r.Text("category"), r.Text("floor"), r.Money("net_sales")));
        return rows;
    }

    public static long? Footfall(DuckDBConnection connection, string? mallId, DateOnly from, DateOnly to)
    {
        using var cmd = Command(connection, mallId, to, $"""
            SELECT CASE WHEN count(*) FILTER (WHERE f.zone = '') > 0
                        THEN sum(f.visitors) FILTER (WHERE f.zone = '') ELSE sum(f.visitors) END::BIGINT AS footfall
            FROM footfall f
            WHERE f.date >= CAST($from AS DATE) AND f.date <= CAST($day AS DATE) AND {MetricsSql.Filter("f")}
            """);
        cmd.Parameters.Add(new DuckDBParameter("from", from));
        return cmd.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// Complaints received from <paramref name="from"/> to <paramref name="to"/>, and those received earlier that were
    /// still open at the end of <paramref name="to"/> (not resolved by then), oldest first.
    /// </summary>
    public static (IReadOnlyList<ComplaintRow> New, IReadOnlyList<ComplaintRow> StillOpen) Complaints(
        DuckDBConnection connection, string? mallId, DateOnly from, DateOnly to)
    {
        using var cmd = Command(connection, mallId, to, $"""
            WITH {LeaseOn}
            SELECT c.complaint_id, c.received_at, c.tenant_id, l.tenant_name, c.category, c.severity, c.status, c.resolved_at,
                   c.received_at >= CAST($from AS DATE)::TIMESTAMP AS is_new
            FROM complaints c
            LEFT JOIN lease_on l ON l.mall_id = c.mall_id AND l.tenant_id = c.tenant_id
            WHERE c.received_at < (CAST($day AS DATE) + 1)::TIMESTAMP AND {MetricsSql.Filter("c")}
              AND (c.received_at >= CAST($from AS DATE)::TIMESTAMP
                   OR (c.resolved_at IS NULL AND c.status = 'open')
                   OR c.resolved_at >= (CAST($day AS DATE) + 1)::TIMESTAMP)
            ORDER BY c.received_at, c.complaint_id
            """);
        cmd.Parameters.Add(new DuckDBParameter("from", from));
        using var r = cmd.ExecuteReader();
        var fresh = new List<ComplaintRow>();
        var open = new List<ComplaintRow>();
        while (r.Read())
        {
            var row = new ComplaintRow(r.Text("complaint_id"), r.TimeOrNull("received_at")!.Value, r.TextOrNull("tenant_id"), r.TextOrNull("tenant_name"),
                r.Text("category"), (int)r.Count("severity"), r.Text("status"), r.TimeOrNull("resolved_at"));
            (r.GetBoolean(r.GetOrdinal("is_new")) ? fresh : open).Add(row);
        }
        return (fresh, open);
    }

    public static IReadOnlyList<FindingRow> Findings(DuckDBConnection connection, string? mallId, DateOnly from, DateOnly to)
    {
        using var cmd = Command(connection, mallId, to, $"""
            WITH {LeaseOn}
            SELECT i.date, i.tenant_id, coalesce(l.tenant_name, i.tenant_id) AS tenant_name, i.type, i.minutes
            FROM inspections i
            LEFT JOIN lease_on l ON l.mall_id = i.mall_id AND l.tenant_id = i.tenant_id
            WHERE i.date >= CAST($from AS DATE) AND i.date <= CAST($day AS DATE) AND {MetricsSql.Filter("i")}
            ORDER BY i.date, i.tenant_id, i.type
            """);
        cmd.Parameters.Add(new DuckDBParameter("from", from));
        using var r = cmd.ExecuteReader();
        var rows = new List<FindingRow>();
        while (r.Read())
            rows.Add(new FindingRow(r.Date("date"), r.Text("tenant_id"), r.Text("tenant_name"), r.Text("type"), (int?)r.CountOrNull("minutes")));
        return rows;
    }

    /// <summary>Every tenant's arrears on <paramref name="day"/>: bills due by then, unpaid on that day (metrics.md).</summary>
    public static IReadOnlyList<ArrearsRow> ArrearsOn(DuckDBConnection connection, string? mallId, DateOnly day)
    {
        using var cmd = Command(connection, mallId, day, $"""
            WITH {LeaseOn},
            owed AS (
                SELECT r.mall_id, r.tenant_id, (CAST($day AS DATE) - r.due_date) AS age,
                       {MetricsSql.UnpaidOn("r", "CAST($day AS DATE)")} AS unpaid
                FROM rent r
                WHERE r.due_date <= CAST($day AS DATE) AND {MetricsSql.Filter("r")}
            )
            SELECT o.tenant_id, l.tenant_name, sum(o.unpaid)::DECIMAL(18,2) AS arrears,
                   coalesce(max(o.age) FILTER (WHERE o.unpaid > 0), 0)::BIGINT AS arrears_days
            FROM owed o JOIN lease_on l ON l.mall_id = o.mall_id AND l.tenant_id = o.tenant_id
            GROUP BY ALL
            ORDER BY o.tenant_id
            """);
        using var r = cmd.ExecuteReader();
        var rows = new List<ArrearsRow>();
        while (r.Read())
            rows.Add(new ArrearsRow(r.Text("tenant_id"), r.Text("tenant_name"), r.Money("arrears"), r.Count("arrears_days")));
        return rows;
    }

    internal static DuckDBCommand Command(DuckDBConnection connection, string? mallId, DateOnly day, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.Add(new DuckDBParameter("mall", (object?)mallId ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("day", day));
        return cmd;
    }
}
