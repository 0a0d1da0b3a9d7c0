using Analytics.Model.Analysis;
using Analytics.Model.Metrics;
using Analytics.Model.Peers;
using DuckDB.NET.Data;

namespace Analytics.Model.Frame;

/// <summary>
/// The analysis inputs, built set-based in DuckDB on this connection as temporary tables:
/// <c>an_tm</c> and <c>an_mm</c> (the tenant and mall metrics of every month of the history window, from
/// <see cref="TenantMetrics"/> and <see cref="MallMetrics"/>),
/// <c>an_x</c> (3-month sums, own-history baselines, robust ticket statistics),
/// <c>an_f</c> (leave-one-out peer quartiles by category, ratios to peers, persistence counts, the mall's
/// footfall and sales movement: every month, for the models) and <c>an_fc</c> (the month analysed, with the
/// peer medians only it needs, by category and by floor). Nothing here re-defines a metric: it only windows and compares them.
/// </summary>
internal static class AnalysisFrame
{
    /// <summary>Peer medians needed for every month of the history (persistence counts, the risk model's features).</summary>
    public static readonly string[] HistoryPeerMetrics = ["sales_density", "density_3m", "yoy", "momentum"];

    /// <summary>Peer medians needed for the month analysed only (pillars shown beside peers, improvement plan, sales audit).</summary>
    public static readonly string[] CurrentPeerMetrics =
        ["ocr_ttm", "late_share_12m", "complaint_rate_3m", "complaints_per_10k_3m", "complaints_3m_d", "violations_3m_d", "sales_change", "sales_density_ttm"];

    /// <summary>Quartiles of the month analysed for a metric whose median is also kept for the history (prefix <c>cur_</c>).</summary>
    public static readonly string[] CurrentQuartileMetrics = ["density_3m"];

    public static void Build(DuckDBConnection connection, string? mallId, Month period, AnalysisSettings settings, Timings? timings = null)
    {
        timings ??= new Timings();
        var from = period.AddMonths(-(settings.HistoryMonths - 1));
        timings.Measure("metrics history", () => TenantMetrics.CreateTempTable(connection, "an_tm", mallId, from, period, settings.Requests));
        timings.Measure("mall metrics", () => CreateMallTable(connection, mallId, from, period));

        timings.Measure("windows", () => Execute(connection, """
            CREATE OR REPLACE TEMP TABLE an_x AS
            WITH w AS (
                SELECT m.*, last_day(m.period) AS d, month(m.period) AS month_of_year,
                       count(*) OVER w3 AS n_3m,
                       sum(net_sales) OVER w3 AS sales_3m,
                       sum(transactions) OVER w3 AS receipts_3m,
                       sum(complaints) OVER w3 AS complaints_3m,
                       sum(complaints_weighted) OVER w3 AS complaints_w_3m,
                       sum(violations) OVER w3 AS violations_3m,
                       list_median([sales_density, lag(sales_density, 1) OVER wo, lag(sales_density, 2) OVER wo]) AS density_3m,
                       base_rent::DOUBLE / NULLIF(area_sqm, 0)::DOUBLE AS base_rent_psm,
                       list_median([net_sales::DOUBLE, lag(net_sales::DOUBLE, 1) OVER wo, lag(net_sales::DOUBLE, 2) OVER wo]) AS sales_3m_median,
                       count(*) OVER wprev3 AS n_prev_3m,
                       list_median([lag(net_sales::DOUBLE, 3) OVER wo, lag(net_sales::DOUBLE, 4) OVER wo, lag(net_sales::DOUBLE, 5) OVER wo]) AS sales_prev_3m_median,
                       count(*) OVER wprior AS prior_months,
                       avg(complaints) OVER wprior AS complaints_prior_avg,
                       count(transactions) OVER w3 AS receipts_n_3m,
                       CASE WHEN count(transactions) OVER wprior = count(*) OVER wprior THEN sum(transactions) OVER wprior END::DOUBLE AS receipts_prior,
                       sum(complaints) OVER wprior AS complaints_prior_sum,
                       avg(violations) OVER wprior AS violations_prior_avg
                FROM an_tm m
                WINDOW wo AS (PARTITION BY mall_id, tenant_id ORDER BY period),
                       w3 AS (PARTITION BY mall_id, tenant_id ORDER BY period ROWS BETWEEN 2 PRECEDING AND CURRENT ROW),
                       wprev3 AS (PARTITION BY mall_id, tenant_id ORDER BY period ROWS BETWEEN 5 PRECEDING AND 3 PRECEDING),
                       wprior AS (PARTITION BY mall_id, tenant_id ORDER BY period ROWS BETWEEN 11 PRECEDING AND 3 PRECEDING)
            )
            SELECT *,
                   CASE WHEN n_3m = 3 AND n_prev_3m = 3 AND sales_prev_3m_median > 0
                        THEN sales_3m_median / sales_prev_3m_median - 1 END AS momentum,
                   (complaints_w_3m::DOUBLE / NULLIF(receipts_3m, 0) * 10000) AS complaint_rate_3m,
                   -- complaint_rate over 3 months (unweighted, per 10,000 receipts), only when every month has receipts
                   CASE WHEN receipts_n_3m = n_3m THEN complaints_3m::DOUBLE / NULLIF(receipts_3m, 0) * 10000 END AS complaints_per_10k_3m,
                   complaints_3m::DOUBLE AS complaints_3m_d,
                   violations_3m::DOUBLE AS violations_3m_d
            FROM w
            """));

        // The implausible-sales check looks at the month analysed only: its robust baselines (medians, MAD) are
        // computed over the 13 months it needs rather than the whole history.
        timings.Measure("sales check", () => Execute(connection, """
            CREATE OR REPLACE TEMP TABLE an_xc AS
            WITH w AS (
                SELECT mall_id, tenant_id, period, net_sales, transactions, avg_ticket,
                       median(net_sales::DOUBLE) OVER wbase AS sales_base,
                       median(transactions::DOUBLE) OVER wbase AS receipts_base,
                       median(avg_ticket) OVER wticket AS ticket_median,
                       mad(avg_ticket) OVER wticket AS ticket_mad,
                       count(avg_ticket) OVER wticket AS ticket_n
                FROM an_tm
                WHERE period >= CAST($base_from AS DATE)
                WINDOW wbase AS (PARTITION BY mall_id, tenant_id ORDER BY period ROWS BETWEEN 6 PRECEDING AND 1 PRECEDING),
                       wticket AS (PARTITION BY mall_id, tenant_id ORDER BY period ROWS BETWEEN 12 PRECEDING AND 1 PRECEDING)
            )
            SELECT mall_id, tenant_id, period,
                   CASE WHEN sales_base > 0 THEN net_sales::DOUBLE / sales_base - 1 END AS sales_change,
                   CASE WHEN receipts_base > 0 THEN transactions::DOUBLE / receipts_base - 1 END AS receipts_change,
                   CASE WHEN ticket_n >= 4 AND ticket_median > 0
                        THEN (avg_ticket - ticket_median) / (1.4826 * greatest(ticket_mad, CAST($mad_floor AS DOUBLE) * ticket_median / 1.4826)) END AS ticket_z
            FROM w
            WHERE period = CAST($p AS DATE)
            """, ("base_from", period.AddMonths(-12).First), ("p", period.First), ("mad_floor", settings.Flags.AuditTicketMadFloor)));

        var byCategory = PeerSql.LeaveOneOut("an_x", ["mall_id", "category", "period"], HistoryPeerMetrics, settings.MinPeers, medianOnly: true,
            carry: ["mall_id", "tenant_id", "period"]);
        timings.Measure("peers (history)", () => Execute(connection, "CREATE OR REPLACE TEMP TABLE an_p1 AS " + byCategory));

        var f = settings.Flags;
        timings.Measure("ratios", () => Execute(connection, """
            CREATE OR REPLACE TEMP TABLE an_f AS
            SELECT p.*,
                   p.density_3m / NULLIF(p.density_3m_peer_median, 0) AS density_ratio_3m,
                   p.sales_density / NULLIF(p.sales_density_peer_median, 0) AS density_ratio,
                   CASE WHEN p.yoy_peer_median > -1 THEN (1 + p.yoy) / (1 + p.yoy_peer_median) - 1 END AS rel_yoy,
                   CASE WHEN p.momentum_peer_median > -1 THEN (1 + p.momentum) / (1 + p.momentum_peer_median) - 1 END AS rel_momentum,
                   count(*) FILTER (WHERE p.sales_density / NULLIF(p.sales_density_peer_median, 0) < CAST($under_ratio AS DOUBLE)) OVER w6 AS months_under,
                   count(p.sales_density / NULLIF(p.sales_density_peer_median, 0)) OVER w6 AS months_rated,
                   mm.footfall_change, mm.mall_sales_change
            FROM (SELECT x.*, k.* EXCLUDE (mall_id, tenant_id, period)
                  FROM an_x x JOIN an_p1 k ON k.mall_id = x.mall_id AND k.tenant_id = x.tenant_id AND k.period = x.period) p
            LEFT JOIN an_mall mm ON mm.mall_id = p.mall_id AND mm.period = p.period
            WINDOW w6 AS (PARTITION BY p.mall_id, p.tenant_id ORDER BY p.period ROWS BETWEEN CAST($window_back AS INTEGER) PRECEDING AND CURRENT ROW)
            """, ("under_ratio", f.ReplacePeerRatio), ("window_back", f.ReplaceWindowMonths - 1)));

        // The month analysed: the remaining peer medians, and rent per m² against the same category on the same
        // floor (rent is priced by floor and trade), or the same category across the mall where it has too few
        // units on the floor (a floor's other trades pay too differently to stand in for it).
        var current = $"(SELECT f.*, xc.sales_change, xc.receipts_change, xc.ticket_z FROM an_f f JOIN an_xc xc USING (mall_id, tenant_id, period) WHERE f.period = CAST($p AS DATE))";
        var byCategoryNow = PeerSql.LeaveOneOut(current, ["mall_id", "category", "period"], CurrentPeerMetrics, settings.MinPeers);
        var quartilesNow = PeerSql.LeaveOneOut("an_c0", ["mall_id", "category", "period"], CurrentQuartileMetrics, settings.MinPeers, "cur_");
        var byFloorCategory = PeerSql.LeaveOneOut("an_c1", ["mall_id", "floor", "category", "period"], ["base_rent_psm"], settings.MinPeers, "floorcat_");
        var byCategoryRent = PeerSql.LeaveOneOut("an_c2", ["mall_id", "category", "period"], ["base_rent_psm"], settings.MinPeers, "catrent_", medianOnly: true);
        timings.Measure("peers (month)", () =>
        {
            Execute(connection, "CREATE OR REPLACE TEMP TABLE an_c0 AS " + byCategoryNow, ("p", period.First));
            Execute(connection, "CREATE OR REPLACE TEMP TABLE an_c1 AS " + quartilesNow);
            Execute(connection, "CREATE OR REPLACE TEMP TABLE an_c2 AS " + byFloorCategory);
            Execute(connection, "CREATE OR REPLACE TEMP TABLE an_fc AS " + byCategoryRent);
        });
    }

    private static void CreateMallTable(DuckDBConnection connection, string? mallId, Month from, Month to)
    {
        using (var cmd = connection.CreateCommand())
        {
            // Kept whole: the month analysed is stored with the analysis (the metrics export of --level mall reads it).
            cmd.CommandText = $"CREATE OR REPLACE TEMP TABLE an_mm AS {MallMetrics.Sql}";
            TenantMetrics.AddParameters(cmd, mallId, from, to);
            cmd.ExecuteNonQuery();
        }

        Execute(connection, """
            CREATE OR REPLACE TEMP TABLE an_mall AS
            SELECT mall_id, period, footfall, mall_sales,
                   footfall::DOUBLE / NULLIF(median(footfall::DOUBLE) OVER wb, 0) - 1 AS footfall_change,
                   mall_sales::DOUBLE / NULLIF(median(mall_sales::DOUBLE) OVER wb, 0) - 1 AS mall_sales_change
            FROM an_mm
            WINDOW wb AS (PARTITION BY mall_id ORDER BY period ROWS BETWEEN 6 PRECEDING AND 1 PRECEDING)
            """);
    }

    internal static void Execute(DuckDBConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.Add(new DuckDBParameter(name, value));
        }

        cmd.ExecuteNonQuery();
    }

    /// <summary>The mall metrics of the month analysed, one row per mall (those of the history are in <c>an_mm</c>).</summary>
    public static List<MallMetricsRow> MallMonth(DuckDBConnection connection, Month period) =>
        RowsOfMonth(connection, "SELECT * FROM an_mm WHERE period = $p ORDER BY mall_id", period, MallMetricsRow.Read);

    /// <summary>The rows of the month analysed, one per tenant in force on D.</summary>
    public static List<TenantFrame> Current(DuckDBConnection connection, Month period) =>
        RowsOfMonth(connection, "SELECT * FROM an_fc WHERE period = $p ORDER BY mall_id, tenant_id", period, TenantFrame.Read);

    private static List<T> RowsOfMonth<T>(DuckDBConnection connection, string sql, Month period, Func<System.Data.Common.DbDataReader, T> read)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.Add(new DuckDBParameter("p", period.First));
        using var r = cmd.ExecuteReader();
        var rows = new List<T>();
        while (r.Read())
        {
            rows.Add(read(r));
        }

        return rows;
    }
}
