using System.Globalization;
using System.Text;
using Analytics.Ingest;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Model.Analysis;

/// <summary>
/// Which inputs a mall's drops have given the analysis of a month: the optional datasets and optional columns of the
/// data contract, and how many tenants, categories and months of sales there are. Read once per analysis straight
/// from the warehouse; the scorer leaves out pillars whose data never came, the models drop features whose input is
/// missing, and the model card and the briefs say what was not available. A dataset counts as sent when the mall has
/// any row of it dated on or before the month's last day (drops are incremental: a month without complaints is not
/// a mall without a complaints register).
/// </summary>
public sealed record DataAvailability
{
    public bool Units { get; init; }
    public bool Rent { get; init; }
    public bool Complaints { get; init; }
    public bool Inspections { get; init; }
    public bool Footfall { get; init; }

    /// <summary>A floor is known for some lease (tenants.floor or the unit's floor).</summary>
    public bool Floor { get; init; }

    /// <summary>A zone is known for some unit (units.zone).</summary>
    public bool Zone { get; init; }

    /// <summary>Some sales row carries receipts (sales.transactions).</summary>
    public bool Transactions { get; init; }

    public bool TurnoverRate { get; init; }
    public bool ServiceCharge { get; init; }
    public bool ExitDate { get; init; }

    /// <summary>Tenants with a lease in force on the month's last day, and their categories.</summary>
    public long Tenants { get; init; }
    public long Categories { get; init; }

    /// <summary>First and last day with sales on or before the month's last day (null: no sales yet).</summary>
    public DateOnly? FirstSalesDay { get; init; }
    public DateOnly? LastSalesDay { get; init; }

    /// <summary>Months from the first month with sales to the month analysed, both included (0: no sales yet).</summary>
    public int SalesMonths { get; init; }

    /// <summary>The month analysed has sales rows.</summary>
    public bool SalesInMonth { get; init; }

    /// <summary>Some sale up to the month's end is not zero.</summary>
    public bool NonZeroSales { get; init; }

    /// <summary>Every input the contract makes optional, available or not, and what its absence costs the analysis.</summary>
    public IReadOnlyList<(string Input, bool Available, string WhenMissing)> Inputs =>
    [
        ("units", Units, "no units dataset: the mall's area is the leased area and zones are unknown"),
        ("floor", Floor, "floor unknown: the floor factor is dropped from the expected-performance model, rent per m² is compared across the mall, the floor tables of the briefs are left out"),
        ("zone", Zone, "zone unknown: the zone factor is dropped from the expected-performance model"),
        ("transactions", Transactions, "no receipts: average ticket, complaint rate, conversion and the sales audit are unavailable; the customer pillar is left out"),
        ("rent", Rent, "no rent bills: occupancy cost, OCR, arrears and late payments are unknown; the affordability and payment pillars are left out; rent_relief and the watch rules cannot fire, replace needs rising complaints"),
        ("complaints", Complaints, "no complaints: the customer pillar is left out; improvement plans on complaints and replace's rising-complaints test cannot fire"),
        ("inspections", Inspections, "no patrol findings: the compliance pillar is left out; improvement plans on findings cannot fire"),
        ("footfall", Footfall, "no footfall: conversion is unknown and the sales audit skips its footfall check"),
        ("exit_date", ExitDate, "no exit dates: the risk model learns from arrears episodes only"),
        ("turnover_rate_pct", TurnoverRate, "no turnover rates: not read by the analysis (occupancy cost comes from the rent bills)"),
        ("service_charge", ServiceCharge, "no service charges on the leases: not read by the analysis (occupancy cost comes from the rent bills)"),
    ];

    /// <summary>The inputs not available, with what that costs.</summary>
    public IEnumerable<(string Input, string WhenMissing)> Missing => Inputs.Where(i => !i.Available).Select(i => (i.Input, i.WhenMissing));

    /// <summary>Degenerate shapes of the mall that limit the comparisons, one sentence each.</summary>
    public IEnumerable<string> Limits(int minPeers)
    {
        var c = CultureInfo.InvariantCulture;
        if (SalesMonths == 0)
            yield return "no sales on or before this month: nothing to score";
        else if (SalesMonths < 13)
            yield return string.Create(c, $"{SalesMonths} months of sales: year-on-year growth and 12-month figures are incomplete");
        if (SalesMonths > 0 && !SalesInMonth)
            yield return "no sales rows in this month: sales figures of the month are zero";
        if (SalesMonths > 0 && !NonZeroSales)
            yield return "every sale is zero: sales per m², OCR and every sales comparison are undefined";
        if (Tenants <= minPeers)
            yield return string.Create(c, $"{Tenants} tenants in force: fewer than {minPeers + 1}, so no peer median can be shown");
        if (Categories == 1 && Tenants > 1)
            yield return "one category: every tenant's peers are the whole mall";
    }

    public string ToMarkdown(int minPeers)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("## Data available to this analysis");
        sb.AppendLine();
        sb.AppendLine(c, $"- tenants in force: {Tenants} in {Categories} categories; months with sales up to this month: {SalesMonths}");
        var missing = Missing.ToList();
        if (missing.Count == 0)
            sb.AppendLine("- every optional dataset and column was available");
        foreach (var (input, effect) in missing)
            sb.AppendLine(c, $"- not available: {input} — {effect}");
        foreach (var limit in Limits(minPeers))
            sb.AppendLine(c, $"- limit: {limit}");
        return sb.ToString();
    }

    /// <summary>What the warehouse holds for a mall (null: every mall) up to the last day of <paramref name="period"/>.</summary>
    public static DataAvailability Of(DuckDBConnection connection, string? mallId, Month period)
    {
        var first = period.First;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            WITH p AS (SELECT CAST($from AS DATE) AS period, (CAST($from AS DATE) + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS d),
            t AS (SELECT t.* FROM tenants t WHERE {MetricsSql.Filter("t")}),
            inforce AS (SELECT t.* FROM t, p WHERE {LeaseSql.InForce("t", "p.d")}),
            s AS (SELECT s.* FROM sales s, p WHERE s.date <= p.d AND {MetricsSql.Filter("s")})
            SELECT
                EXISTS (SELECT 1 FROM units u WHERE {MetricsSql.Filter("u")}) AS has_units,
                EXISTS (SELECT 1 FROM rent r, p WHERE r.period <= p.d AND {MetricsSql.Filter("r")}) AS has_rent,
                EXISTS (SELECT 1 FROM complaints c, p WHERE c.received_at < (p.d + 1)::TIMESTAMP AND {MetricsSql.Filter("c")}) AS has_complaints,
                EXISTS (SELECT 1 FROM inspections i, p WHERE i.date <= p.d AND {MetricsSql.Filter("i")}) AS has_inspections,
                EXISTS (SELECT 1 FROM footfall f, p WHERE f.date <= p.d AND {MetricsSql.Filter("f")}) AS has_footfall,
                EXISTS (SELECT 1 FROM t LEFT JOIN units u ON u.mall_id = t.mall_id AND u.unit_id = t.unit_id
                        WHERE coalesce(t.floor, u.floor) IS NOT NULL AND trim(coalesce(t.floor, u.floor)) <> '') AS has_floor,
                EXISTS (SELECT 1 FROM t JOIN units u ON u.mall_id = t.mall_id AND u.unit_id = t.unit_id
                        WHERE u.zone IS NOT NULL AND trim(u.zone) <> '') AS has_zone,
                EXISTS (SELECT 1 FROM s WHERE s.transactions IS NOT NULL) AS has_transactions,
                EXISTS (SELECT 1 FROM t WHERE t.turnover_rate_pct > 0) AS has_turnover,
                EXISTS (SELECT 1 FROM t WHERE t.service_charge > 0) AS has_service,
                EXISTS (SELECT 1 FROM t WHERE t.exit_date IS NOT NULL) AS has_exit,
                (SELECT count(DISTINCT tenant_id) FROM inforce) AS tenants,
                (SELECT count(DISTINCT category) FROM inforce) AS categories,
                (SELECT min(date) FROM s) AS first_sale,
                (SELECT max(date) FROM s) AS last_sale,
                EXISTS (SELECT 1 FROM s, p WHERE s.date >= p.period) AS sales_in_month,
                EXISTS (SELECT 1 FROM s WHERE s.net_sales <> 0) AS nonzero_sales
            """;
        cmd.Parameters.Add(new DuckDBParameter("from", first));
        cmd.Parameters.Add(new DuckDBParameter("mall", (object?)mallId ?? DBNull.Value));
        using var r = cmd.ExecuteReader();
        r.Read();
        bool B(string name) => r.GetBoolean(r.GetOrdinal(name));
        DateOnly? D(string name) => r.IsDBNull(r.GetOrdinal(name)) ? null : r.GetFieldValue<DateOnly>(r.GetOrdinal(name));
        var firstSale = D("first_sale");
        return new DataAvailability
        {
            Units = B("has_units"),
            Rent = B("has_rent"),
            Complaints = B("has_complaints"),
            Inspections = B("has_inspections"),
            Footfall = B("has_footfall"),
            Floor = B("has_floor"),
            Zone = B("has_zone"),
            Transactions = B("has_transactions"),
            TurnoverRate = B("has_turnover"),
            ServiceCharge = B("has_service"),
            ExitDate = B("has_exit"),
            Tenants = r.Count("tenants"),
            Categories = r.Count("categories"),
            FirstSalesDay = firstSale,
            LastSalesDay = D("last_sale"),
            SalesMonths = firstSale is { } f ? (first.Year - f.Year) * 12 + first.Month - f.Month + 1 : 0,
            SalesInMonth = B("sales_in_month"),
            NonZeroSales = B("nonzero_sales"),
        };
    }

    /// <summary>
    /// A month can be analysed once the warehouse holds sales up to it: a month before the first sale is a request
    /// that cannot be answered (one sentence, no analysis of nothing).
    /// </summary>
    public static void RequireSalesBy(DuckDBConnection connection, string? mallId, Month period)
    {
        var firstSale = FirstSale(connection, mallId);
        if (firstSale is null)
            throw new UserError("The warehouse holds no sales yet: load a drop with sales first.");
        if (period < Month.Of(firstSale.Value))
            throw new UserError($"The warehouse's sales start on {firstSale.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {period} is before the first sale, choose {Month.Of(firstSale.Value)} or later.");
    }

    /// <summary>Whether the month can be analysed (<see cref="RequireSalesBy"/> lets it through).</summary>
    public static bool HasSalesBy(DuckDBConnection connection, string? mallId, Month period) =>
        FirstSale(connection, mallId) is { } first && period >= Month.Of(first);

    private static DateOnly? FirstSale(DuckDBConnection connection, string? mallId)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT min(date) FROM sales s WHERE {MetricsSql.Filter("s")}";
        cmd.Parameters.Add(new DuckDBParameter("mall", (object?)mallId ?? DBNull.Value));
        return cmd.ExecuteScalar() is DateOnly d ? d : null;
    }
}
