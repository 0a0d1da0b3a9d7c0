namespace Analytics.Model.Metrics;

/// <summary>
/// The SQL building blocks every metric shares, written once: the months asked for, the leases with their
/// effective area, and which lease is in force on each as-of day. Parameters: <c>$from</c>, <c>$to</c>
/// (first days of the first and last month) and <c>$mall</c> (null: every mall).
/// </summary>
/// <remarks>
/// Exit-date semantics: <c>exit_date</c> is the tenant's last day in the unit, so a lease is in force on D when
/// <c>lease_start ≤ D ≤ coalesce(exit_date, lease_end)</c>; a tenant that leaves on the last day of a month still
/// counts for that month and is gone the next. When two leases of one tenant overlap D the later one wins.
/// </remarks>
internal static class MetricsSql
{
    public const string MallFilter = "(CAST($mall AS VARCHAR) IS NULL OR {0}.mall_id = CAST($mall AS VARCHAR))";

    public static string Filter(string alias) => string.Format(System.Globalization.CultureInfo.InvariantCulture, MallFilter, alias);

    /// <summary>CTEs <c>periods</c>, <c>leases</c>, <c>firsts</c>, <c>active</c> (without the leading WITH).</summary>
    public static string ActiveLeases => $"""
        periods AS (
            SELECT g.p::DATE AS period, (g.p + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS d
            FROM generate_series(CAST($from AS DATE)::TIMESTAMP, CAST($to AS DATE)::TIMESTAMP, INTERVAL 1 MONTH) AS g(p)
        ),
        leases AS (
            SELECT t.mall_id, t.tenant_id, t.tenant_name, t.category, t.unit_id,
                   coalesce(t.floor, u.floor) AS floor, u.zone,
                   coalesce(t.area_sqm, u.area_sqm)::DECIMAL(18,2) AS area_sqm,
                   t.lease_start, t.lease_end, t.exit_date, coalesce(t.exit_date, t.lease_end) AS last_day,
                   t.base_rent
            FROM tenants t
            LEFT JOIN units u ON u.mall_id = t.mall_id AND u.unit_id = t.unit_id
            WHERE {Filter("t")}
        ),
        firsts AS (
            SELECT mall_id, tenant_id, min(lease_start) AS first_start FROM leases GROUP BY ALL
        ),
        active AS (
            SELECT p.period, p.d, l.*
            FROM periods p
            JOIN leases l ON l.lease_start <= p.d AND p.d <= l.last_day
            QUALIFY row_number() OVER (PARTITION BY l.mall_id, l.tenant_id, p.period ORDER BY l.lease_start DESC) = 1
        )
        """;
}
