using Analytics.Ingest.Warehouse;

namespace Analytics.Model.Metrics;

/// <summary>
/// The SQL building blocks every metric, brief and export shares, written once: the mall filter, a bill's unpaid
/// amount on a day (arrears), the months asked for, the leases with their effective area, and which lease is in force
/// on each as-of day (the condition itself is <see cref="LeaseSql"/>, shared with the load's checks). Parameters: <c>$from</c>, <c>$to</c>
/// (first days of the first and last month) and <c>$mall</c> (null: every mall).
/// </summary>
/// <remarks>
/// Exit-date semantics are <see cref="LeaseSql"/>'s. When two leases of one tenant overlap D the later one wins.
/// </remarks>
public static class MetricsSql
{
    /// <summary>The mall filter: rows of the mall <c>$mall</c>, or of every mall when it is null.</summary>
    public static string Filter(string alias) => $"(CAST($mall AS VARCHAR) IS NULL OR {alias}.mall_id = CAST($mall AS VARCHAR))";

    /// <summary>
    /// Arrears on a day (metrics.md <c>arrears</c>): what is still unpaid on <paramref name="day"/> of the bill aliased
    /// <paramref name="bill"/> (a row of <c>rent</c> due by that day). A payment counts from its paid_date on.
    /// </summary>
    public static string UnpaidOn(string bill, string day) =>
        $"CASE WHEN {bill}.paid_date IS NOT NULL AND {bill}.paid_date <= {day} THEN {bill}.amount_due - {bill}.amount_paid ELSE {bill}.amount_due END";

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
                   t.lease_start, t.lease_end, t.exit_date, {LeaseSql.LastDay("t")} AS last_day,
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
            JOIN leases l ON {LeaseSql.InForce("l", "p.d")}
            QUALIFY row_number() OVER (PARTITION BY l.mall_id, l.tenant_id, p.period ORDER BY l.lease_start DESC) = 1
        )
        """;
}
