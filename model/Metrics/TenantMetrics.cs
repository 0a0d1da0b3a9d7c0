using DuckDB.NET.Data;

namespace Analytics.Model.Metrics;

/// <summary>
/// The per-tenant, per-month metrics of metrics.md, implemented once in SQL. Every score, flag, report and export
/// reads them from here. One row per tenant with a lease in force on the month's last day.
/// </summary>
public static class TenantMetrics
{
    /// <summary>Metrics of one month.</summary>
    public static IReadOnlyList<TenantMetricsRow> Query(DuckDBConnection connection, string? mallId, DateOnly period) =>
        Series(connection, mallId, period, period);

    /// <summary>Metrics of every month from <paramref name="from"/> to <paramref name="to"/> (both included), for trends.</summary>
    public static IReadOnlyList<TenantMetricsRow> Series(DuckDBConnection connection, string? mallId, DateOnly from, DateOnly to)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql + " ORDER BY mall_id, tenant_id, period";
        AddParameters(cmd, mallId, from, to);
        using var reader = cmd.ExecuteReader();
        var rows = new List<TenantMetricsRow>();
        while (reader.Read())
        {
            rows.Add(TenantMetricsRow.Read(reader));
        }

        return rows;
    }

    /// <summary>Materialises the metrics of a range of months as a temporary table, for analysis queries on top.</summary>
    internal static void CreateTempTable(DuckDBConnection connection, string table, string? mallId, DateOnly from, DateOnly to)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"CREATE OR REPLACE TEMP TABLE {table} AS {Sql}";
        AddParameters(cmd, mallId, from, to);
        cmd.ExecuteNonQuery();
    }

    internal static void AddParameters(DuckDBCommand cmd, string? mallId, DateOnly from, DateOnly to)
    {
        cmd.Parameters.Add(new DuckDBParameter("from", Month.First(from)));
        cmd.Parameters.Add(new DuckDBParameter("to", Month.First(to)));
        cmd.Parameters.Add(new DuckDBParameter("mall", (object?)mallId ?? DBNull.Value));
    }

    // Money stays DECIMAL (exact, as billed); ratios are DOUBLE. SUM over INTEGER is HUGEINT in DuckDB, hence ::BIGINT.
    // Rent rows that were paid in full on or before their due date never contribute to arrears, so they are dropped
    // before the range join (most rows, for a healthy portfolio).
    internal static string Sql => $"""
        WITH {MetricsSql.ActiveLeases},
        sales_m AS (
            SELECT s.mall_id, s.tenant_id, date_trunc('month', s.date)::DATE AS period,
                   sum(s.net_sales) AS net_sales,
                   sum(s.transactions)::BIGINT AS transactions
            FROM sales s
            WHERE s.date >= (CAST($from AS DATE) - INTERVAL 12 MONTH)::DATE
              AND s.date <= (SELECT max(d) FROM periods)
              AND {MetricsSql.Filter("s")}
            GROUP BY ALL
        ),
        occ_m AS (
            SELECT r.mall_id, r.tenant_id, r.period, sum(r.amount_due) AS occupancy_cost
            FROM rent r
            WHERE r.charge_type IN ('base_rent', 'turnover_rent', 'service_charge')
              AND r.period > (CAST($from AS DATE) - INTERVAL 12 MONTH)::DATE
              AND r.period <= CAST($to AS DATE)
              AND {MetricsSql.Filter("r")}
            GROUP BY ALL
        ),
        sales_ttm AS (
            SELECT a.mall_id, a.tenant_id, a.period, sum(s.net_sales) AS net_sales_ttm
            FROM active a
            JOIN sales_m s ON s.mall_id = a.mall_id AND s.tenant_id = a.tenant_id
             AND s.period > (a.period - INTERVAL 12 MONTH)::DATE AND s.period <= a.period
            GROUP BY ALL
        ),
        occ_ttm AS (
            SELECT a.mall_id, a.tenant_id, a.period, sum(o.occupancy_cost) AS occupancy_cost_ttm
            FROM active a
            JOIN occ_m o ON o.mall_id = a.mall_id AND o.tenant_id = a.tenant_id
             AND o.period > (a.period - INTERVAL 12 MONTH)::DATE AND o.period <= a.period
            GROUP BY ALL
        ),
        open_rent AS (
            SELECT r.mall_id, r.tenant_id, r.due_date, r.amount_due, r.amount_paid, r.paid_date
            FROM rent r
            WHERE r.due_date <= (SELECT max(d) FROM periods)
              AND NOT (r.amount_paid = r.amount_due AND r.paid_date IS NOT NULL AND r.paid_date <= r.due_date)
              AND {MetricsSql.Filter("r")}
        ),
        arrears_rows AS (
            SELECT a.mall_id, a.tenant_id, a.period, (a.d - r.due_date) AS age,
                   CASE WHEN r.paid_date IS NOT NULL AND r.paid_date <= a.d THEN r.amount_due - r.amount_paid
                        ELSE r.amount_due END AS unpaid
            FROM active a
            JOIN open_rent r ON r.mall_id = a.mall_id AND r.tenant_id = a.tenant_id AND r.due_date <= a.d
        ),
        arrears AS (
            SELECT mall_id, tenant_id, period,
                   sum(unpaid) AS arrears,
                   max(age) FILTER (WHERE unpaid > 0) AS arrears_days,
                   sum(unpaid) FILTER (WHERE age BETWEEN 1 AND 30) AS aging_1_30,
                   sum(unpaid) FILTER (WHERE age BETWEEN 31 AND 60) AS aging_31_60,
                   sum(unpaid) FILTER (WHERE age BETWEEN 61 AND 90) AS aging_61_90,
                   sum(unpaid) FILTER (WHERE age > 90) AS aging_over_90
            FROM arrears_rows
            GROUP BY ALL
        ),
        due_days AS (
            SELECT r.mall_id, r.tenant_id, r.due_date, count(*) AS n,
                   count(*) FILTER (WHERE NOT (r.amount_paid >= r.amount_due AND r.paid_date IS NOT NULL
                                               AND r.paid_date <= r.due_date + 5)) AS n_not_on_time
            FROM rent r
            WHERE r.due_date > (CAST($from AS DATE) - INTERVAL 13 MONTH)::DATE
              AND r.due_date <= (SELECT max(d) FROM periods)
              AND {MetricsSql.Filter("r")}
            GROUP BY ALL
        ),
        late AS (
            SELECT a.mall_id, a.tenant_id, a.period,
                   sum(r.n) AS n_due,
                   sum(CASE WHEN a.d > r.due_date + 5 THEN r.n_not_on_time ELSE 0 END) AS n_late
            FROM active a
            JOIN due_days r ON r.mall_id = a.mall_id AND r.tenant_id = a.tenant_id
             AND r.due_date > (a.d - INTERVAL 12 MONTH)::DATE AND r.due_date <= a.d
            GROUP BY ALL
        ),
        complaints_m AS (
            SELECT c.mall_id, c.tenant_id, date_trunc('month', c.received_at)::DATE AS period,
                   count(*) AS complaints, sum(c.severity)::BIGINT AS complaints_weighted
            FROM complaints c
            WHERE c.tenant_id IS NOT NULL
              AND c.received_at >= CAST($from AS DATE)::TIMESTAMP
              AND c.received_at < (CAST($to AS DATE) + INTERVAL 1 MONTH)
              AND {MetricsSql.Filter("c")}
            GROUP BY ALL
        ),
        violations_m AS (
            SELECT i.mall_id, i.tenant_id, date_trunc('month', i.date)::DATE AS period, count(*) AS violations
            FROM inspections i
            WHERE i.date >= CAST($from AS DATE) AND i.date <= (SELECT max(d) FROM periods)
              AND {MetricsSql.Filter("i")}
            GROUP BY ALL
        )
        SELECT a.mall_id, a.tenant_id, a.tenant_name, a.category, a.floor, a.zone, a.unit_id, a.period,
               coalesce(s.net_sales, 0)::DECIMAL(18,2) AS net_sales,
               s.transactions,
               (s.net_sales::DOUBLE / NULLIF(s.transactions, 0)) AS avg_ticket,
               a.area_sqm,
               (coalesce(s.net_sales, 0)::DOUBLE / NULLIF(a.area_sqm, 0)::DOUBLE) AS sales_density,
               (coalesce(st.net_sales_ttm, 0)::DOUBLE / NULLIF(a.area_sqm, 0)::DOUBLE) AS sales_density_ttm,
               CASE WHEN ly.tenant_id IS NOT NULL
                    THEN coalesce(s.net_sales, 0)::DOUBLE / NULLIF(ly.net_sales, 0)::DOUBLE - 1 END AS yoy,
               o.occupancy_cost::DECIMAL(18,2) AS occupancy_cost,
               CASE WHEN coalesce(s.net_sales, 0) > 0 THEN o.occupancy_cost::DOUBLE / s.net_sales::DOUBLE END AS ocr,
               CASE WHEN coalesce(st.net_sales_ttm, 0) > 0
                    THEN ot.occupancy_cost_ttm::DOUBLE / st.net_sales_ttm::DOUBLE END AS ocr_ttm,
               coalesce(ar.arrears, 0)::DECIMAL(18,2) AS arrears,
               coalesce(ar.arrears_days, 0)::BIGINT AS arrears_days,
               coalesce(ar.aging_1_30, 0)::DECIMAL(18,2) AS aging_1_30,
               coalesce(ar.aging_31_60, 0)::DECIMAL(18,2) AS aging_31_60,
               coalesce(ar.aging_61_90, 0)::DECIMAL(18,2) AS aging_61_90,
               coalesce(ar.aging_over_90, 0)::DECIMAL(18,2) AS aging_over_90,
               (lt.n_late::DOUBLE / NULLIF(lt.n_due, 0)) AS late_share_12m,
               coalesce(c.complaints, 0)::BIGINT AS complaints,
               coalesce(c.complaints_weighted, 0)::BIGINT AS complaints_weighted,
               (coalesce(c.complaints, 0)::DOUBLE / NULLIF(s.transactions, 0) * 10000) AS complaint_rate,
               coalesce(v.violations, 0)::BIGINT AS violations,
               (date_part('year', age(a.d, f.first_start)) * 12 + date_part('month', age(a.d, f.first_start)))::BIGINT AS months_open,
               greatest(0, date_part('year', age(a.lease_end, a.d)) * 12 + date_part('month', age(a.lease_end, a.d)))::BIGINT AS months_to_expiry,
               a.lease_end, a.base_rent::DECIMAL(18,2) AS base_rent
        FROM active a
        JOIN firsts f ON f.mall_id = a.mall_id AND f.tenant_id = a.tenant_id
        LEFT JOIN sales_m s ON s.mall_id = a.mall_id AND s.tenant_id = a.tenant_id AND s.period = a.period
        LEFT JOIN sales_m ly ON ly.mall_id = a.mall_id AND ly.tenant_id = a.tenant_id
              AND ly.period = (a.period - INTERVAL 12 MONTH)::DATE
        LEFT JOIN sales_ttm st ON st.mall_id = a.mall_id AND st.tenant_id = a.tenant_id AND st.period = a.period
        LEFT JOIN occ_m o ON o.mall_id = a.mall_id AND o.tenant_id = a.tenant_id AND o.period = a.period
        LEFT JOIN occ_ttm ot ON ot.mall_id = a.mall_id AND ot.tenant_id = a.tenant_id AND ot.period = a.period
        LEFT JOIN arrears ar ON ar.mall_id = a.mall_id AND ar.tenant_id = a.tenant_id AND ar.period = a.period
        LEFT JOIN late lt ON lt.mall_id = a.mall_id AND lt.tenant_id = a.tenant_id AND lt.period = a.period
        LEFT JOIN complaints_m c ON c.mall_id = a.mall_id AND c.tenant_id = a.tenant_id AND c.period = a.period
        LEFT JOIN violations_m v ON v.mall_id = a.mall_id AND v.tenant_id = a.tenant_id AND v.period = a.period
        """;
}
