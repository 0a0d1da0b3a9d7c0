using System.Globalization;

namespace Analytics.Ingest.Tests.SampleData;

/// <summary>
/// Figures of metrics.md computed straight from a generated drop's CSV files, independently of the loader and the
/// model, so the generator's tests can check that the planted situations really hold in the numbers.
/// </summary>
internal sealed class SampleFacts
{
    public static readonly DateOnly D = new(2026, 10, 31);

    public sealed record Lease(
        string TenantId, string Category, string UnitId, string Floor, decimal Area, DateOnly Start, DateOnly End,
        decimal BaseRent, decimal Rate, DateOnly? Exit, string ExitReason);

    public sealed record Charge(string TenantId, DateOnly Period, string Type, decimal Due, DateOnly DueDate, decimal Paid, DateOnly? PaidDate);

    private readonly Dictionary<(string Tenant, DateOnly Month), (decimal Sales, long Tx, bool HasTx)> monthly = [];
    private readonly Dictionary<string, List<DateTime>> complaints = [];
    private readonly Dictionary<string, List<(DateOnly Date, string Type)>> findings = [];
    private readonly ILookup<string, Lease> leasesOf;
    private readonly ILookup<string, Charge> chargesOf;
    private readonly Dictionary<DateOnly, IReadOnlyList<string>> inForce = [];

    public SampleFacts(string drop)
    {
        Units = CsvTable.Read(Path.Combine(drop, "units.csv")).Records.Count;
        Leases = CsvTable.Read(Path.Combine(drop, "tenants.csv")).Rows().Select(r => new Lease(
            r("tenant_id"), r("category"), r("unit_id"), r("floor"), Money(r("area_sqm")), Date(r("lease_start")), Date(r("lease_end")),
            Money(r("base_rent")), r("turnover_rate_pct").Length == 0 ? 0 : Money(r("turnover_rate_pct").TrimEnd('%')),
            r("exit_date").Length == 0 ? null : Date(r("exit_date")), r("exit_reason"))).ToList();
        foreach (var r in CsvTable.Read(Path.Combine(drop, "sales.csv")).Rows())
        {
            var key = (r("tenant_id"), Month(Date(r("date"))));
            var tx = r("transactions");
            monthly.TryGetValue(key, out var m);
            monthly[key] = (m.Sales + Money(r("net_sales")), m.Tx + (tx.Length == 0 ? 0 : long.Parse(tx, CultureInfo.InvariantCulture)), m.HasTx || tx.Length > 0);
        }
        Charges = CsvTable.Read(Path.Combine(drop, "rent.csv")).Rows().Select(r => new Charge(
            r("商户编号"), Date(r("账期") + "-01"), r("费用类型"), Money(r("应收金额")), Date(r("应缴日期")),
            r("实收金额").Length == 0 ? 0 : Money(r("实收金额")), r("缴费日期").Length == 0 ? null : Date(r("缴费日期")))).ToList();
        foreach (var r in CsvTable.Read(Path.Combine(drop, "complaints.csv")).Rows().Where(r => r("tenant_id").Length > 0))
        {
            Add(complaints, r("tenant_id"), DateTime.Parse(r("received_at"), CultureInfo.InvariantCulture));
        }
        foreach (var r in CsvTable.Read(Path.Combine(drop, "inspections.csv")).Rows())
        {
            Add(findings, r("商戶編號"), (Date(r("日期")), r("類型")));
        }
        leasesOf = Leases.ToLookup(l => l.TenantId);
        chargesOf = Charges.ToLookup(c => c.TenantId);
        Footfall = CsvTable.Read(Path.Combine(drop, "footfall.csv")).Rows().Where(r => r("zone").Length == 0)
            .GroupBy(r => Month(Date(r("date")))).ToDictionary(g => g.Key, g => g.Sum(r => long.Parse(r("visitors"), CultureInfo.InvariantCulture)));
    }

    public int Units { get; }
    public IReadOnlyList<Lease> Leases { get; }
    public IReadOnlyList<Charge> Charges { get; }
    public IReadOnlyDictionary<DateOnly, long> Footfall { get; }

    public static DateOnly Date(string text) =>
        DateOnly.ParseExact(text, ["yyyy-MM-dd", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    public static DateOnly Month(DateOnly d) => new(d.Year, d.Month, 1);

    public static DateOnly Month(int year, int month) => new(year, month, 1);

    public static DateOnly MonthEnd(DateOnly month) => month.AddMonths(1).AddDays(-1);

    public static IEnumerable<DateOnly> Months(DateOnly from, DateOnly to)
    {
        for (var m = from; m <= to; m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    public IEnumerable<Lease> LeasesOf(string tenant) => leasesOf[tenant];

    public Lease? LeaseOn(string tenant, DateOnly d) =>
        leasesOf[tenant].FirstOrDefault(l => l.Start <= d && d <= l.End && (l.Exit is null || l.Exit > d));

    public IReadOnlyList<string> InForce(DateOnly d)
    {
        if (!inForce.TryGetValue(d, out var list))
        {
            inForce[d] = list = leasesOf.Where(g => LeaseOn(g.Key, d) is not null).Select(g => g.Key).ToList();
        }
        return list;
    }

    public string Category(string tenant) => leasesOf[tenant].First().Category;

    /// <summary>The other tenants of the same category with a lease in force on <paramref name="d"/>.</summary>
    public IReadOnlyList<string> Peers(string tenant, DateOnly d) =>
        InForce(d).Where(t => t != tenant && Category(t) == Category(tenant)).ToList();

    public decimal Sales(string tenant, DateOnly month) => monthly.TryGetValue((tenant, month), out var m) ? m.Sales : 0;

    public decimal Sales(string tenant, DateOnly from, DateOnly to) => Months(from, to).Sum(m => Sales(tenant, m));

    public long? Transactions(string tenant, DateOnly month) => monthly.TryGetValue((tenant, month), out var m) && m.HasTx ? m.Tx : null;

    public long Transactions(string tenant, DateOnly from, DateOnly to) => Months(from, to).Sum(m => Transactions(tenant, m) ?? 0);

    public decimal Area(string tenant, DateOnly d) => (LeaseOn(tenant, d) ?? leasesOf[tenant].Last()).Area;

    public decimal Density(string tenant, DateOnly month) => Sales(tenant, month) / Area(tenant, MonthEnd(month));

    public decimal DensityTtm(string tenant, DateOnly month) => Sales(tenant, month.AddMonths(-11), month) / Area(tenant, MonthEnd(month));

    public decimal OccupancyCost(string tenant, DateOnly month) =>
        chargesOf[tenant].Where(c => c.Period == month && c.Type is "base_rent" or "turnover_rent" or "service_charge").Sum(c => c.Due);

    public decimal OcrTtm(string tenant, DateOnly month) =>
        Months(month.AddMonths(-11), month).Sum(m => OccupancyCost(tenant, m)) / Sales(tenant, month.AddMonths(-11), month);

    /// <summary>Unpaid on <paramref name="d"/> of rows due by then (metrics.md arrears).</summary>
    private IEnumerable<(Charge Charge, decimal Unpaid)> Owed(string tenant, DateOnly d) =>
        chargesOf[tenant].Where(c => c.DueDate <= d)
            .Select(c => (c, c.Due - (c.PaidDate is { } p && p <= d ? c.Paid : 0)))
            .Where(x => x.Item2 != 0);

    public decimal Arrears(string tenant, DateOnly d) => Owed(tenant, d).Sum(x => x.Unpaid);

    public int ArrearsDays(string tenant, DateOnly d) => Owed(tenant, d).Select(x => d.DayNumber - x.Charge.DueDate.DayNumber).DefaultIfEmpty(0).Max();

    /// <summary>Rows due in the 12 months ending on D not fully paid within 5 days of the due date.</summary>
    public int LatePayments12m(string tenant, DateOnly d) =>
        chargesOf[tenant].Count(c => c.DueDate <= d && c.DueDate > d.AddMonths(-12)
            && (c.Paid < c.Due || c.PaidDate is null || c.PaidDate > c.DueDate.AddDays(5)) && d > c.DueDate.AddDays(5));

    public int Complaints(string tenant, DateOnly fromMonth, DateOnly toMonth) =>
        complaints.TryGetValue(tenant, out var list) ? list.Count(c => DateOnly.FromDateTime(c) >= fromMonth && DateOnly.FromDateTime(c) <= MonthEnd(toMonth)) : 0;

    public int Findings(string tenant, DateOnly fromMonth, DateOnly toMonth, params string[] types) =>
        findings.TryGetValue(tenant, out var list)
            ? list.Count(f => f.Date >= fromMonth && f.Date <= MonthEnd(toMonth) && (types.Length == 0 || types.Contains(f.Type)))
            : 0;

    public static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            throw new InvalidOperationException("median of nothing");
        }
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }
}
