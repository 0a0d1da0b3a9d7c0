using Analytics.SampleData.Common;
using Analytics.SampleData.Csv;

namespace Analytics.SampleData.Sample;

/// <summary>Daily sales of every tenant on every day it trades (within its leases, before any exit).</summary>
internal sealed class SalesBook
{
    /// <summary>Average days per month, to turn a monthly norm into a daily one.</summary>
    private const double DaysPerMonth = 30.4;

    /// <summary>Chance of a day dominated by returns (0 or negative net sales).</summary>
    private const double RefundDayChance = 0.003;

    private readonly Dictionary<string, TenantSales> byTenant = new(StringComparer.Ordinal);

    internal sealed class TenantSales(DateOnly from, int days)
    {
        public DateOnly From { get; } = from;
        public long[] Cents { get; } = new long[days];
        public int?[] Transactions { get; } = new int?[days];
    }

    public static SalesBook Draw(MallPlan plan, int seed)
    {
        var book = new SalesBook();
        for (var i = 0; i < plan.Tenants.Count; i++)
        {
            var t = plan.Tenants[i];
            if (t.TradingFrom > t.TradingTo)
            {
                continue;
            }
            var rng = Seeds.For(seed, "sales", i);
            var days = t.TradingTo.DayNumber - t.TradingFrom.DayNumber + 1;
            var s = new TenantSales(t.TradingFrom, days);
            var daily = t.NormalMonthlySales(t.Quality) / DaysPerMonth;
            for (var k = 0; k < days; k++)
            {
                var d = t.TradingFrom.AddDays(k);
                var years = (d.DayNumber - SampleCalendar.Start.DayNumber) / 365.0;
                var trade = daily
                    * SampleCalendar.Weekly(d.DayOfWeek, t.Category.Rhythm)
                    * SampleCalendar.Season(d, t.Category)
                    * SampleCalendar.MallTrend(d)
                    * Math.Pow(1 + t.TrendPerYear, years)
                    * SampleCalendar.MallEvent(d)
                    * t.Sales.At(d)
                    * rng.LogNormal(0.16);
                var receipts = (int)Math.Max(0, Math.Round(trade / (t.Ticket * rng.LogNormal(0.08))));
                var reported = trade * t.Reported.At(d);
                if (rng.Chance(RefundDayChance))
                {
                    reported = rng.Chance(0.5) ? 0 : -rng.Uniform(0.02, 0.25) * daily;
                    receipts = rng.Between(0, 3);
                }
                s.Cents[k] = (long)Math.Round(reported * 100);
                s.Transactions[k] = t.ReportsTransactions ? receipts : null;
            }
            book.byTenant.Add(t.TenantId, s);
        }
        return book;
    }

    /// <summary>Reported net sales of a tenant between two days (inclusive); the base of turnover rent.</summary>
    public decimal Reported(string tenantId, DateOnly from, DateOnly to)
    {
        if (!byTenant.TryGetValue(tenantId, out var s))
        {
            return 0m;
        }
        long cents = 0;
        for (var n = Math.Max(from.DayNumber, s.From.DayNumber); n <= to.DayNumber; n++)
        {
            var k = n - s.From.DayNumber;
            if (k >= s.Cents.Length)
            {
                break;
            }
            cents += s.Cents[k];
        }
        return cents / 100m;
    }

    /// <summary>Rows ordered by date, then tenant, as a POS export of the whole mall comes.</summary>
    public long Write(string path, IReadOnlyList<TenantPlan> tenants)
    {
        using var csv = new CsvWriter(path, ["tenant_id", "date", "net_sales", "transactions"]);
        var ordered = tenants.Where(t => byTenant.ContainsKey(t.TenantId)).OrderBy(t => t.TenantId, StringComparer.Ordinal)
            .Select(t => (t.TenantId, Sales: byTenant[t.TenantId])).ToList();
        foreach (var d in SampleCalendar.Days(SampleCalendar.Start, SampleCalendar.End))
        {
            var date = Format.Date(d);
            foreach (var (id, s) in ordered)
            {
                var k = d.DayNumber - s.From.DayNumber;
                if (k < 0 || k >= s.Cents.Length)
                {
                    continue;
                }
                csv.WriteRow([id, date, Format.Money(s.Cents[k] / 100m), s.Transactions[k] is { } n ? Format.Int(n) : string.Empty]);
            }
        }
        return csv.Rows;
    }
}
