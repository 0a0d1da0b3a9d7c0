using Analytics.Model.Requests;
using DuckDB.NET.Data;

namespace Analytics.Model.Metrics;

/// <summary>
/// The per-tenant, per-month metrics of metrics.md, implemented once in SQL. Every score, flag, report and export
/// reads them from here. One row per tenant with a lease in force on the month's last day.
/// </summary>
public static class TenantMetrics
{
    /// <summary>Metrics of one month.</summary>
    public static IReadOnlyList<TenantMetricsRow> Query(DuckDBConnection connection, string? mallId, Month period, RequestSettings? requests = null) =>
        Series(connection, mallId, period, period, requests);

    /// <summary>Metrics of every month from <paramref name="from"/> to <paramref name="to"/> (both included), for trends.</summary>
    public static IReadOnlyList<TenantMetricsRow> Series(
        DuckDBConnection connection, string? mallId, Month from, Month to, RequestSettings? requests = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = SqlFor(requests ?? RequestSettings.Default) + " ORDER BY mall_id, tenant_id, period";
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
    internal static void CreateTempTable(
        DuckDBConnection connection, string table, string? mallId, Month from, Month to, RequestSettings? requests = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"CREATE OR REPLACE TEMP TABLE {table} AS {SqlFor(requests ?? RequestSettings.Default)}";
        AddParameters(cmd, mallId, from, to);
        cmd.ExecuteNonQuery();
    }

    internal static void AddParameters(DuckDBCommand cmd, string? mallId, Month from, Month to)
    {
        cmd.Parameters.Add(new DuckDBParameter("from", from.First));
        cmd.Parameters.Add(new DuckDBParameter("to", to.First));
        cmd.Parameters.Add(new DuckDBParameter("mall", (object?)mallId ?? DBNull.Value));
    }

    // Money stays DECIMAL (exact, as billed); ratios are DOUBLE. SUM over INTEGER is HUGEINT in DuckDB, hence ::BIGINT.
    // Set-based in three moves: (1) every dataset is reduced to one row per tenant and month and the reductions are
    // stacked and summed (one aggregate instead of a join per dataset); (2) the tenant-months are laid on a dense
    // calendar grid (12 months before the first month asked for, for TTM and YoY), so that 12-month windows are plain
    // ROWS frames; (3) the grid is joined to the leases in force. Arrears need each bill's state on D and stay a
    // join, but only over bills that were not paid in full by their due date (most bills, in a healthy portfolio).
    // late_share_12m counts the bills due in the 12 calendar months ending with P; a bill due within 5 days of D
    // cannot be late yet (n_late_tail), every earlier one has had its 5 days.
    // Budgets and merchants' requests (version 2 of the contract) join last: the budget row of the month as it
    // stands, and the requests open on D with their age against the category's service time from settings.
    internal static string Sql => SqlFor(RequestSettings.Default);

    internal static string SqlFor(RequestSettings requests) => $"""
        WITH {MetricsSql.ActiveLeases},
        keys AS (
            SELECT mall_id, tenant_id, row_number() OVER (ORDER BY mall_id, tenant_id) AS tk
            FROM (SELECT DISTINCT mall_id, tenant_id FROM active)
        ),
        months AS (
            SELECT g.p::DATE AS period, year(g.p) * 12 + month(g.p) - 1 AS mi
            FROM generate_series((CAST($from AS DATE) - INTERVAL 12 MONTH)::TIMESTAMP, CAST($to AS DATE)::TIMESTAMP, INTERVAL 1 MONTH) AS g(p)
        ),
        facts AS (
            SELECT s.mall_id, s.tenant_id, year(s.date) * 12 + month(s.date) - 1 AS mi,
                   sum(s.net_sales) AS net_sales, sum(s.transactions)::BIGINT AS transactions, count(*) AS sales_rows,
                   NULL::DECIMAL(18,2) AS occupancy_cost, 0 AS n_due, 0 AS n_late, 0 AS n_late_tail,
                   0 AS complaints, 0 AS complaints_weighted, 0 AS violations
            FROM sales s
            WHERE s.date >= (CAST($from AS DATE) - INTERVAL 12 MONTH)::DATE AND s.date <= (SELECT max(d) FROM periods)
              AND {MetricsSql.Filter("s")}
            GROUP BY ALL
            UNION ALL
            SELECT r.mall_id, r.tenant_id, year(r.period) * 12 + month(r.period) - 1, NULL, NULL, 0, sum(r.amount_due), 0, 0, 0, 0, 0, 0
            FROM rent r
            WHERE r.charge_type IN ('base_rent', 'turnover_rent', 'service_charge')
              AND r.period >= (CAST($from AS DATE) - INTERVAL 12 MONTH)::DATE AND r.period <= CAST($to AS DATE)
              AND {MetricsSql.Filter("r")}
            GROUP BY ALL
            UNION ALL
            SELECT r.mall_id, r.tenant_id, year(r.due_date) * 12 + month(r.due_date) - 1, NULL, NULL, 0, NULL,
                   count(*),
                   count(*) FILTER (WHERE NOT (r.amount_paid >= r.amount_due AND r.paid_date IS NOT NULL AND r.paid_date <= r.due_date + 5)),
                   count(*) FILTER (WHERE NOT (r.amount_paid >= r.amount_due AND r.paid_date IS NOT NULL AND r.paid_date <= r.due_date + 5)
                                      AND r.due_date >= last_day(r.due_date) - 5),
                   0, 0, 0
            FROM rent r
            WHERE r.due_date >= (CAST($from AS DATE) - INTERVAL 12 MONTH)::DATE AND r.due_date <= (SELECT max(d) FROM periods)
              AND {MetricsSql.Filter("r")}
            GROUP BY ALL
            UNION ALL
            SELECT c.mall_id, c.tenant_id, year(c.received_at) * 12 + month(c.received_at) - 1, NULL, NULL, 0, NULL, 0, 0, 0,
                   count(*), sum(c.severity), 0
            FROM complaints c
            WHERE c.tenant_id IS NOT NULL
              AND c.received_at >= CAST($from AS DATE)::TIMESTAMP AND c.received_at < (CAST($to AS DATE) + INTERVAL 1 MONTH)
              AND {MetricsSql.Filter("c")}
            GROUP BY ALL
            UNION ALL
            SELECT i.mall_id, i.tenant_id, year(i.date) * 12 + month(i.date) - 1, NULL, NULL, 0, NULL, 0, 0, 0, 0, 0, count(*)
            FROM inspections i
            WHERE i.date >= CAST($from AS DATE) AND i.date <= (SELECT max(d) FROM periods)
              AND {MetricsSql.Filter("i")}
            GROUP BY ALL
        ),
        monthly AS (
            SELECT k.tk, f.mi,
                   sum(f.net_sales) AS net_sales, sum(f.transactions)::BIGINT AS transactions, sum(f.sales_rows)::BIGINT AS sales_rows,
                   sum(f.occupancy_cost) AS occupancy_cost, sum(f.n_due)::BIGINT AS n_due, sum(f.n_late)::BIGINT AS n_late,
                   sum(f.n_late_tail)::BIGINT AS n_late_tail, sum(f.complaints)::BIGINT AS complaints,
                   sum(f.complaints_weighted)::BIGINT AS complaints_weighted, sum(f.violations)::BIGINT AS violations
            FROM facts f
            JOIN keys k ON k.mall_id = f.mall_id AND k.tenant_id = f.tenant_id
            GROUP BY k.tk, f.mi
        ),
        grid AS (
            SELECT k.tk, m.mi, m.period, mo.net_sales, mo.transactions, coalesce(mo.sales_rows, 0) AS sales_rows,
                   mo.occupancy_cost, coalesce(mo.n_due, 0) AS n_due, coalesce(mo.n_late, 0) AS n_late,
                   coalesce(mo.n_late_tail, 0) AS n_late_tail, coalesce(mo.complaints, 0) AS complaints,
                   coalesce(mo.complaints_weighted, 0) AS complaints_weighted, coalesce(mo.violations, 0) AS violations
            FROM keys k
            CROSS JOIN months m
            LEFT JOIN monthly mo ON mo.tk = k.tk AND mo.mi = m.mi
        ),
        cum AS (
            SELECT g.*,
                   sum(coalesce(g.net_sales, 0)::DOUBLE) OVER wo AS cum_sales,
                   sum(coalesce(g.occupancy_cost, 0)::DOUBLE) OVER wo AS cum_occ,
                   count(g.occupancy_cost) OVER wo AS cum_occ_n,
                   sum(g.n_due) OVER wo AS cum_due,
                   sum(g.n_late) OVER wo AS cum_late,
                   lag(g.sales_rows, 12) OVER wo AS ly_rows,
                   lag(g.net_sales, 12) OVER wo AS ly_net_sales
            FROM grid g
            WINDOW wo AS (PARTITION BY g.tk ORDER BY g.mi ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        ),
        win AS (
            -- 12-month sums as differences of running sums (cheap streaming windows); money rounded back to cents.
            SELECT c.*,
                   round(c.cum_sales - coalesce(lag(c.cum_sales, 12) OVER wo, 0), 2) AS net_sales_ttm,
                   CASE WHEN c.cum_occ_n - coalesce(lag(c.cum_occ_n, 12) OVER wo, 0) > 0
                        THEN round(c.cum_occ - coalesce(lag(c.cum_occ, 12) OVER wo, 0), 2) END AS occupancy_cost_ttm,
                   c.cum_due - coalesce(lag(c.cum_due, 12) OVER wo, 0) AS n_due_12,
                   c.cum_late - coalesce(lag(c.cum_late, 12) OVER wo, 0) AS n_late_12
            FROM cum c
            WINDOW wo AS (PARTITION BY c.tk ORDER BY c.mi)
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
                   {MetricsSql.UnpaidOn("r", "a.d")} AS unpaid
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
        budget_p AS (
            SELECT b.mall_id, b.tenant_id, b.period, b.sales_budget, b.rent_budget
            FROM budget b
            WHERE b.period >= CAST($from AS DATE) AND b.period <= CAST($to AS DATE) AND {MetricsSql.Filter("b")}
        ),
        service AS ({requests.ServiceTable()}),
        requests_d AS (
            SELECT a.mall_id, a.tenant_id, a.period, count(*) AS requests_open,
                   count(*) FILTER (WHERE {RequestList.OverdueOn("a.d", requests)}) AS requests_overdue
            FROM active a
            JOIN requests q ON q.mall_id = a.mall_id AND q.tenant_id = a.tenant_id AND {RequestList.OpenOn("a.d")}
            LEFT JOIN service s ON s.category = q.category
            GROUP BY ALL
        )
        SELECT a.mall_id, a.tenant_id, a.tenant_name, a.category, a.floor, a.zone, a.unit_id, a.period,
               coalesce(w.net_sales, 0)::DECIMAL(18,2) AS net_sales,
               w.transactions,
               (w.net_sales::DOUBLE / NULLIF(w.transactions, 0)) AS avg_ticket,
               a.area_sqm,
               (coalesce(w.net_sales, 0)::DOUBLE / NULLIF(a.area_sqm, 0)::DOUBLE) AS sales_density,
               (coalesce(w.net_sales_ttm, 0)::DOUBLE / NULLIF(a.area_sqm, 0)::DOUBLE) AS sales_density_ttm,
               CASE WHEN w.ly_rows > 0
                    THEN coalesce(w.net_sales, 0)::DOUBLE / NULLIF(w.ly_net_sales, 0)::DOUBLE - 1 END AS yoy,
               w.occupancy_cost::DECIMAL(18,2) AS occupancy_cost,
               CASE WHEN coalesce(w.net_sales, 0) > 0 THEN w.occupancy_cost::DOUBLE / w.net_sales::DOUBLE END AS ocr,
               CASE WHEN coalesce(w.net_sales_ttm, 0) > 0
                    THEN w.occupancy_cost_ttm::DOUBLE / w.net_sales_ttm::DOUBLE END AS ocr_ttm,
               coalesce(ar.arrears, 0)::DECIMAL(18,2) AS arrears,
               coalesce(ar.arrears_days, 0)::BIGINT AS arrears_days,
               coalesce(ar.aging_1_30, 0)::DECIMAL(18,2) AS aging_1_30,
               coalesce(ar.aging_31_60, 0)::DECIMAL(18,2) AS aging_31_60,
               coalesce(ar.aging_61_90, 0)::DECIMAL(18,2) AS aging_61_90,
               coalesce(ar.aging_over_90, 0)::DECIMAL(18,2) AS aging_over_90,
               ((w.n_late_12 - w.n_late_tail)::DOUBLE / NULLIF(w.n_due_12, 0)) AS late_share_12m,
               w.complaints::BIGINT AS complaints,
               w.complaints_weighted::BIGINT AS complaints_weighted,
               (w.complaints::DOUBLE / NULLIF(w.transactions, 0) * 10000) AS complaint_rate,
               w.violations::BIGINT AS violations,
               (date_part('year', age(a.d, f.first_start)) * 12 + date_part('month', age(a.d, f.first_start)))::BIGINT AS months_open,
               greatest(0, date_part('year', age(a.lease_end, a.d)) * 12 + date_part('month', age(a.lease_end, a.d)))::BIGINT AS months_to_expiry,
               a.lease_end, a.base_rent::DECIMAL(18,2) AS base_rent,
               bp.sales_budget, bp.rent_budget,
               coalesce(rq.requests_open, 0)::BIGINT AS requests_open,
               coalesce(rq.requests_overdue, 0)::BIGINT AS requests_overdue
        FROM active a
        JOIN firsts f ON f.mall_id = a.mall_id AND f.tenant_id = a.tenant_id
        JOIN keys k ON k.mall_id = a.mall_id AND k.tenant_id = a.tenant_id
        JOIN win w ON w.tk = k.tk AND w.period = a.period
        LEFT JOIN arrears ar ON ar.mall_id = a.mall_id AND ar.tenant_id = a.tenant_id AND ar.period = a.period
        LEFT JOIN budget_p bp ON bp.mall_id = a.mall_id AND bp.tenant_id = a.tenant_id AND bp.period = a.period
        LEFT JOIN requests_d rq ON rq.mall_id = a.mall_id AND rq.tenant_id = a.tenant_id AND rq.period = a.period
        """;
}
