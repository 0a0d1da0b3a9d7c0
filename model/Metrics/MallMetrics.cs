using System.Data.Common;
using DuckDB.NET.Data;

namespace Analytics.Model.Metrics;

/// <summary>The per-mall, per-month metrics of metrics.md, implemented once in SQL.</summary>
public static class MallMetrics
{
    public static IReadOnlyList<MallMetricsRow> Query(DuckDBConnection connection, string? mallId, Month period) =>
        Series(connection, mallId, period, period);

    public static IReadOnlyList<MallMetricsRow> Series(DuckDBConnection connection, string? mallId, Month from, Month to)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql + " ORDER BY mall_id, period";
        TenantMetrics.AddParameters(cmd, mallId, from, to);
        using var r = cmd.ExecuteReader();
        var rows = new List<MallMetricsRow>();
        while (r.Read())
        {
            rows.Add(MallMetricsRow.Read(r));
        }

        return rows;
    }

    // gla_sqm: the units dataset when the mall has one, else the leased area in force on D (the contract allows
    // a drop without units). Footfall: whole-mall rows (zone '') when a month has any, else the sum over zones.
    internal static string Sql => $"""
        WITH {MetricsSql.ActiveLeases},
        malls AS (
            SELECT mall_id FROM units u WHERE {MetricsSql.Filter("u")}
            UNION SELECT mall_id FROM leases
        ),
        mall_periods AS (SELECT m.mall_id, p.period, p.d FROM malls m CROSS JOIN periods p),
        gla_units AS (SELECT mall_id, sum(area_sqm) AS gla FROM units GROUP BY ALL),
        leased AS (SELECT mall_id, period, sum(area_sqm) AS leased_area, count(*) AS tenants FROM active GROUP BY ALL),
        sales_p AS (
            SELECT s.mall_id, date_trunc('month', s.date)::DATE AS period,
                   sum(s.net_sales) AS mall_sales, sum(s.transactions)::BIGINT AS transactions
            FROM sales s
            WHERE s.date >= CAST($from AS DATE) AND s.date <= (SELECT max(d) FROM periods) AND {MetricsSql.Filter("s")}
            GROUP BY ALL
        ),
        collection AS (
            SELECT r.mall_id, p.period, sum(r.amount_due) AS due,
                   sum(CASE WHEN r.paid_date IS NOT NULL AND r.paid_date <= p.d THEN r.amount_paid ELSE 0 END) AS paid
            FROM rent r JOIN periods p ON r.due_date >= p.period AND r.due_date <= p.d
            WHERE {MetricsSql.Filter("r")}
            GROUP BY ALL
        ),
        foot AS (
            SELECT f.mall_id, date_trunc('month', f.date)::DATE AS period,
                   CASE WHEN count(*) FILTER (WHERE f.zone = '') > 0
                        THEN sum(f.visitors) FILTER (WHERE f.zone = '') ELSE sum(f.visitors) END::BIGINT AS footfall
            FROM footfall f
            WHERE f.date >= CAST($from AS DATE) AND f.date <= (SELECT max(d) FROM periods) AND {MetricsSql.Filter("f")}
            GROUP BY ALL
        )
        SELECT mp.mall_id, mp.period,
               coalesce(g.gla, l.leased_area)::DECIMAL(18,2) AS gla_sqm,
               (coalesce(l.leased_area, 0)::DOUBLE / NULLIF(coalesce(g.gla, l.leased_area), 0)::DOUBLE) AS occupancy_rate,
               coalesce(s.mall_sales, 0)::DECIMAL(18,2) AS mall_sales,
               (coalesce(s.mall_sales, 0)::DOUBLE / NULLIF(l.leased_area, 0)::DOUBLE) AS mall_density,
               (c.paid::DOUBLE / NULLIF(c.due, 0)::DOUBLE) AS collection_rate,
               f.footfall,
               (s.transactions::DOUBLE / NULLIF(f.footfall, 0)) AS conversion,
               coalesce(l.tenants, 0) AS tenants
        FROM mall_periods mp
        LEFT JOIN gla_units g ON g.mall_id = mp.mall_id
        LEFT JOIN leased l ON l.mall_id = mp.mall_id AND l.period = mp.period
        LEFT JOIN sales_p s ON s.mall_id = mp.mall_id AND s.period = mp.period
        LEFT JOIN collection c ON c.mall_id = mp.mall_id AND c.period = mp.period
        LEFT JOIN foot f ON f.mall_id = mp.mall_id AND f.period = mp.period
        """;
}

/// <summary>One mall's metrics for one month.</summary>
public sealed record MallMetricsRow
{
    public required string MallId { get; init; }
    public DateOnly Period { get; init; }
    public decimal? GlaSqm { get; init; }
    public double? OccupancyRate { get; init; }
    public decimal MallSales { get; init; }
    public double? MallDensity { get; init; }
    public double? CollectionRate { get; init; }
    public long? Footfall { get; init; }
    public double? Conversion { get; init; }
    public long Tenants { get; init; }

    public static IReadOnlyList<string> Columns { get; } =
        ["mall_id", "period", "gla_sqm", "occupancy_rate", "mall_sales", "mall_density", "collection_rate", "footfall", "conversion", "tenants"];

    public object?[] Values() =>
        [MallId, Month.Of(Period).ToString(), GlaSqm, OccupancyRate, MallSales, MallDensity, CollectionRate, Footfall, Conversion, Tenants];

    internal static MallMetricsRow Read(DbDataReader r) => new()
    {
        MallId = r.Text("mall_id"),
        Period = r.Date("period"),
        GlaSqm = r.MoneyOrNull("gla_sqm"),
        OccupancyRate = r.Real("occupancy_rate"),
        MallSales = r.Money("mall_sales"),
        MallDensity = r.Real("mall_density"),
        CollectionRate = r.Real("collection_rate"),
        Footfall = r.CountOrNull("footfall"),
        Conversion = r.Real("conversion"),
        Tenants = r.Count("tenants"),
    };
}
