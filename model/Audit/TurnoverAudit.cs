using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Model.Audit;

/// <summary>One lease-month whose billed turnover rent differs from what the lease makes due by more than the tolerance.</summary>
public sealed record TurnoverFinding(
    string MallId, string TenantId, string TenantName, DateOnly Period, decimal NetSales, decimal Expected, decimal Billed, string Reason)
{
    /// <summary>billed − expected: negative when the month was billed short.</summary>
    public decimal Difference => Billed - Expected;

    public static IReadOnlyList<string> Columns { get; } =
        ["mall_id", "tenant_id", "tenant_name", "period", "net_sales", "expected_turnover_rent", "billed_turnover_rent", "difference", "reason"];

    public object?[] Values() => [MallId, TenantId, TenantName, Month.Of(Period).ToString(), NetSales, Expected, Billed, Difference, Reason];
}

/// <summary>One tier of a progressive turnover clause: <see cref="RatePct"/> applies to monthly net sales from <see cref="SalesFrom"/>.</summary>
public readonly record struct TurnoverTier(decimal SalesFrom, decimal RatePct);

/// <summary>
/// The turnover-rent audit: for every month in which one lease of a tenant is in force from the first to the last
/// day, the turnover rent the lease makes due (the turnover amount above the guaranteed base rent) against the
/// turnover_rent charges billed for the month. The one home of expected_turnover_rent and turnover_rent_gap.
/// </summary>
public static class TurnoverAudit
{
    /// <summary>A lease-month is a finding when billed and expected differ by more than this (rounding is not a finding).</summary>
    public const decimal Tolerance = 1.00m;

    // Why a month was billed wrong; stable codes (exports, API), with words in the reports' labels.
    public const string NoCharge = "no_charge";
    public const string TierMissed = "tier_missed";
    public const string WrongRate = "wrong_rate";
    public const string NotDue = "not_due";

    /// <summary>The turnover amount of a month's net sales: tier by tier on its slice, or the flat rate; none when sales are not positive.</summary>
    public static decimal TurnoverAmount(IReadOnlyList<TurnoverTier> tiers, decimal flatRatePct, decimal netSales)
    {
        if (netSales <= 0)
        {
            return 0m;
        }

        if (tiers.Count == 0)
        {
            return netSales * flatRatePct / 100m;
        }

        var ordered = tiers.OrderBy(t => t.SalesFrom).ToList();
        decimal amount = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var top = i + 1 < ordered.Count ? Math.Min(netSales, ordered[i + 1].SalesFrom) : netSales;
            amount += Math.Max(0m, top - ordered[i].SalesFrom) * ordered[i].RatePct / 100m;
        }

        return amount;
    }

    /// <summary>What the lease makes due as turnover rent for the month: the turnover amount above the base rent, in cents.</summary>
    public static decimal ExpectedRent(IReadOnlyList<TurnoverTier> tiers, decimal flatRatePct, decimal baseRent, decimal netSales) =>
        Math.Round(Math.Max(0m, TurnoverAmount(tiers, flatRatePct, netSales) - baseRent), 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Why a month differs: nothing was due but something was billed; the billing matches the lease with its upper
    /// tier(s) left out; nothing was billed; else the rate used was wrong.
    /// </summary>
    public static string Reason(IReadOnlyList<TurnoverTier> tiers, decimal flatRatePct, decimal baseRent, decimal netSales, decimal expected, decimal billed)
    {
        if (expected == 0m)
        {
            return NotDue;
        }

        var ordered = tiers.OrderBy(t => t.SalesFrom).ToList();
        for (var k = 1; k < ordered.Count; k++)
        {
            if (Math.Abs(ExpectedRent(ordered.Take(k).ToList(), flatRatePct, baseRent, netSales) - billed) <= Tolerance)
            {
                return TierMissed;
            }
        }

        return billed == 0m ? NoCharge : WrongRate;
    }

    /// <summary>Every finding in the 12 months ending with <paramref name="period"/>, by mall, month and tenant.</summary>
    public static IReadOnlyList<TurnoverFinding> Run(DuckDBConnection connection, string? mallId, Month period)
    {
        var from = period.AddMonths(-11);
        var tiers = Tiers(connection, mallId);
        var findings = new List<TurnoverFinding>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        TenantMetrics.AddParameters(cmd, mallId, from, period);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var key = (r.Text("mall_id"), r.Text("tenant_id"), r.Date("lease_start"));
            var leaseTiers = tiers.TryGetValue(key, out var t) ? t : [];
            var rate = r.Money("turnover_rate_pct");
            var baseRent = r.Money("base_rent");
            var sales = r.Money("net_sales");
            var billed = r.Money("billed");
            var expected = ExpectedRent(leaseTiers, rate, baseRent, sales);
            if (Math.Abs(billed - expected) > Tolerance)
            {
                findings.Add(new TurnoverFinding(key.Item1, key.Item2, r.Text("tenant_name"), r.Date("period"), sales, expected, billed,
                    Reason(leaseTiers, rate, baseRent, sales, expected, billed)));
            }
        }

        return findings;
    }

    private static Dictionary<(string, string, DateOnly), List<TurnoverTier>> Tiers(DuckDBConnection connection, string? mallId)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT mall_id, tenant_id, lease_start, sales_from, rate_pct FROM turnover_tiers t
            WHERE {MetricsSql.Filter("t")} ORDER BY mall_id, tenant_id, lease_start, sales_from
            """;
        cmd.Parameters.Add(new DuckDBParameter("mall", (object?)mallId ?? DBNull.Value));
        using var r = cmd.ExecuteReader();
        var tiers = new Dictionary<(string, string, DateOnly), List<TurnoverTier>>();
        while (r.Read())
        {
            var key = (r.Text("mall_id"), r.Text("tenant_id"), r.Date("lease_start"));
            if (!tiers.TryGetValue(key, out var list))
            {
                tiers[key] = list = [];
            }

            list.Add(new TurnoverTier(r.Money("sales_from"), r.Money("rate_pct")));
        }

        return tiers;
    }

    // Full months only: a lease in force from the month's first day to its last (metrics.md gives no figure for a
    // part month). When two leases of a tenant both cover the month, the later one names the terms, as elsewhere.
    private static string Sql => $"""
        WITH {MetricsSql.ActiveLeases},
        full_months AS (
            SELECT p.period, p.d, l.mall_id, l.tenant_id, l.tenant_name, l.lease_start, l.base_rent, t.turnover_rate_pct
            FROM periods p
            JOIN leases l ON l.lease_start <= p.period AND p.d <= l.last_day
            JOIN tenants t ON t.mall_id = l.mall_id AND t.tenant_id = l.tenant_id AND t.lease_start = l.lease_start
            QUALIFY row_number() OVER (PARTITION BY l.mall_id, l.tenant_id, p.period ORDER BY l.lease_start DESC) = 1
        ),
        sold AS (
            SELECT s.mall_id, s.tenant_id, date_trunc('month', s.date)::DATE AS period, sum(s.net_sales) AS net_sales
            FROM sales s
            WHERE s.date >= CAST($from AS DATE) AND s.date <= (SELECT max(d) FROM periods) AND {MetricsSql.Filter("s")}
            GROUP BY ALL
        ),
        billed AS (
            SELECT r.mall_id, r.tenant_id, r.period, sum(r.amount_due) AS billed
            FROM rent r
            WHERE r.charge_type = 'turnover_rent' AND r.period BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) AND {MetricsSql.Filter("r")}
            GROUP BY ALL
        )
        SELECT f.mall_id, f.tenant_id, f.tenant_name, f.period, f.lease_start, f.base_rent, f.turnover_rate_pct,
               coalesce(s.net_sales, 0)::DECIMAL(18,2) AS net_sales, coalesce(b.billed, 0)::DECIMAL(18,2) AS billed
        FROM full_months f
        LEFT JOIN sold s ON s.mall_id = f.mall_id AND s.tenant_id = f.tenant_id AND s.period = f.period
        LEFT JOIN billed b ON b.mall_id = f.mall_id AND b.tenant_id = f.tenant_id AND b.period = f.period
        ORDER BY f.mall_id, f.period, f.tenant_id
        """;
}
