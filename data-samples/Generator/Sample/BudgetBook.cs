using Analytics.SampleData.Common;
using Analytics.SampleData.Csv;

namespace Analytics.SampleData.Sample;

/// <summary>
/// The mall's monthly targets for 2025 and 2026: each tenant's sales target is last year's same month plus a few
/// percent (the supermarket gets a rent budget only), its rent budget the rent that sales target would bring.
/// A few tenants get a target set far too high at signing: they end far below budget.
/// </summary>
internal static class BudgetBook
{
    private static readonly DateOnly First = new(2025, 1, 1);
    private static readonly DateOnly Last = new(2026, 12, 1);

    /// <summary>How much too high a planted target is.</summary>
    public const decimal OptimisticFactor = 1.6m;

    internal sealed record Row(string TenantId, DateOnly Period, decimal? SalesBudget, decimal RentBudget);

    public static (List<Row> Rows, List<string> FarBelow) Draw(MallPlan plan, SalesBook sales, int seed)
    {
        var rng = Seeds.For(seed, "budget");
        var ordinary = plan.Tenants.Where(t => t.Situation == "ordinary" && t.Category.Name != "supermarket"
            && t.TradingFrom <= First.AddYears(-1) && t.LastDay >= SampleCalendar.End).Select(t => t.TenantId).Order(StringComparer.Ordinal).ToList();
        var farBelow = Enumerable.Range(0, 3).Select(_ => ordinary[rng.Next(ordinary.Count)]).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = new List<Row>();
        foreach (var t in plan.Tenants.OrderBy(t => t.TenantId, StringComparer.Ordinal))
        {
            for (var m = First; m <= Last; m = m.AddMonths(1))
            {
                var lease = t.LeaseOn(m);
                if (lease is null || t.LastDay < SampleCalendar.MonthEnd(m) && t.LastDay < SampleCalendar.End)
                {
                    continue;   // no budget for a month the tenant is known not to trade through
                }
                var growth = 1m + (decimal)rng.Uniform(0.02, 0.08);
                var lastYear = m.AddYears(-1);
                decimal? target = null;
                if (t.Category.Name != "supermarket" && t.TradingFrom <= lastYear && t.TradingTo >= SampleCalendar.MonthEnd(lastYear))
                {
                    var factor = farBelow.Contains(t.TenantId) && m.Year == 2026 ? OptimisticFactor : growth;
                    target = Math.Round(sales.Reported(t.TenantId, lastYear, SampleCalendar.MonthEnd(lastYear)) * factor / 100m) * 100m;
                }
                var turnover = target is { } s ? Math.Max(0m, (lease.TurnoverRatePct / 100m * s) - lease.BaseRent) : 0m;
                rows.Add(new Row(t.TenantId, m, target, Format.Round2(lease.BaseRent + lease.ServiceCharge + turnover)));
            }
        }
        return (rows, farBelow);
    }

    public static long Write(string path, IEnumerable<Row> rows)
    {
        using var csv = new CsvWriter(path, ["tenant_id", "period", "sales_budget", "rent_budget"]);
        foreach (var r in rows.OrderBy(r => r.Period).ThenBy(r => r.TenantId, StringComparer.Ordinal))
        {
            csv.WriteRow([r.TenantId, Format.Period(r.Period), r.SalesBudget is { } s ? Format.Money(s) : string.Empty, Format.Money(r.RentBudget)]);
        }
        return csv.Rows;
    }
}
