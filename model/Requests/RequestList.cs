using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Model.Requests;

/// <summary>One merchant's request as the documents and the API list it; age and overdue as of the day asked about.</summary>
public sealed record RequestRow(
    string MallId, string RequestId, string TenantId, string TenantName, string Category, string Status,
    DateTime RaisedAt, DateTime? ResolvedAt, string? Description, int AgeDays, bool Overdue);

/// <summary>Requests of one category over a span: raised and resolved in it, open and overdue at its end, median hours to resolve.</summary>
public sealed record RequestCategoryRow(string Category, long Raised, long Resolved, long Open, long Overdue, double? MedianHours);

/// <summary>
/// Lists of merchants' requests, with the open/overdue rule of metrics.md written once (<see cref="OpenOn"/> and
/// <see cref="OverdueOn"/> are also what tenant metrics count).
/// </summary>
public static class RequestList
{
    /// <summary>SQL condition: the request (alias q) is open on day <paramref name="d"/>.</summary>
    internal static string OpenOn(string d) => $"(q.raised_at::DATE <= {d} AND (q.resolved_at IS NULL OR q.resolved_at::DATE > {d}))";

    /// <summary>SQL condition: an open request is older than its category's service time (s.days) on day <paramref name="d"/>.</summary>
    internal static string OverdueOn(string d, RequestSettings settings) =>
        $"({d} - q.raised_at::DATE > coalesce(s.days, {settings.DefaultServiceDays}))";

    /// <summary>Requests open on <paramref name="d"/> (one tenant's when <paramref name="tenantId"/> is given), oldest first.</summary>
    public static IReadOnlyList<RequestRow> Open(DuckDBConnection connection, string? mallId, DateOnly d, RequestSettings settings, string? tenantId = null) =>
        Read(connection, mallId, d, settings, tenantId, OpenOn("CAST($d AS DATE)"));

    /// <summary>Requests raised or resolved from <paramref name="from"/> to <paramref name="to"/> (days included); age as of <paramref name="to"/>.</summary>
    public static IReadOnlyList<RequestRow> Active(DuckDBConnection connection, string? mallId, DateOnly from, DateOnly to, RequestSettings settings) =>
        Read(connection, mallId, to, settings, null,
            "(q.raised_at::DATE BETWEEN CAST($from AS DATE) AND CAST($d AS DATE) OR q.resolved_at::DATE BETWEEN CAST($from AS DATE) AND CAST($d AS DATE))", from);

    /// <summary>Per category for a month: raised and resolved in it, open and overdue on its last day, median hours of those resolved in it.</summary>
    public static IReadOnlyList<RequestCategoryRow> ByCategory(DuckDBConnection connection, string? mallId, Month period, RequestSettings settings)
    {
        var first = period.First;
        var d = period.Last;
        var open = Open(connection, mallId, d, settings);
        var active = Active(connection, mallId, first, d, settings);
        return active.Select(r => r.Category).Concat(open.Select(r => r.Category)).Distinct().Order(StringComparer.Ordinal)
            .Select(c =>
            {
                var resolved = active.Where(r => r.Category == c && r.ResolvedAt is { } done && DateOnly.FromDateTime(done) <= d && DateOnly.FromDateTime(done) >= first).ToList();
                return new RequestCategoryRow(c,
                    active.Count(r => r.Category == c && DateOnly.FromDateTime(r.RaisedAt) >= first),
                    resolved.Count,
                    open.Count(r => r.Category == c),
                    open.Count(r => r.Category == c && r.Overdue),
                    resolved.Count == 0 ? null : Median.Of(resolved.Select(r => (r.ResolvedAt!.Value - r.RaisedAt).TotalHours).ToList()));
            }).ToList();
    }

    private static List<RequestRow> Read(
        DuckDBConnection connection, string? mallId, DateOnly d, RequestSettings settings, string? tenantId, string where, DateOnly? from = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            WITH service AS ({settings.ServiceTable()}),
            names AS (SELECT mall_id, tenant_id, arg_max(tenant_name, lease_start) AS tenant_name FROM tenants GROUP BY ALL)
            SELECT q.mall_id, q.request_id, q.tenant_id, coalesce(n.tenant_name, q.tenant_id) AS tenant_name, q.category, q.status,
                   q.raised_at, q.resolved_at, q.description,
                   (CAST($d AS DATE) - q.raised_at::DATE)::INTEGER AS age_days,
                   ({OpenOn("CAST($d AS DATE)")} AND {OverdueOn("CAST($d AS DATE)", settings)}) AS overdue
            FROM requests q
            LEFT JOIN service s ON s.category = q.category
            LEFT JOIN names n ON n.mall_id = q.mall_id AND n.tenant_id = q.tenant_id
            WHERE {where} AND {MetricsSql.Filter("q")}
              AND (CAST($tenant AS VARCHAR) IS NULL OR q.tenant_id = CAST($tenant AS VARCHAR))
            ORDER BY q.raised_at, q.request_id
            """;
        cmd.Parameters.Add(new DuckDBParameter("d", d));
        cmd.Parameters.Add(new DuckDBParameter("mall", (object?)mallId ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("tenant", (object?)tenantId ?? DBNull.Value));
        if (from is { } f)
        {
            cmd.Parameters.Add(new DuckDBParameter("from", f));
        }

        using var r = cmd.ExecuteReader();
        var rows = new List<RequestRow>();
        while (r.Read())
        {
            rows.Add(new RequestRow(r.Text("mall_id"), r.Text("request_id"), r.Text("tenant_id"), r.Text("tenant_name"), r.Text("category"),
                r.Text("status"), r.TimeOrNull("raised_at")!.Value, r.TimeOrNull("resolved_at"), r.TextOrNull("description"),
                (int)r.Count("age_days"), r.GetBoolean(r.GetOrdinal("overdue"))));
        }

        return rows;
    }
}
