using System.Text;
using Analytics.SampleData.Common;
using Analytics.SampleData.Sample;

namespace Analytics.SampleData.Scale;

/// <summary>
/// A large portfolio for benchmarks: many malls (mall_id filled), every tenant trading every day of the window.
/// Streams each dataset to disk with constant memory per row; numbers follow the sample's calendar and categories
/// but no situations are planted.
/// </summary>
public static class ScaleDrop
{
    private sealed class Tenant
    {
        public required string MallId { get; init; }
        public required string TenantId { get; init; }
        public required byte[] Prefix { get; init; } // "mall_id,tenant_id," pre-encoded for the sales loop
        public required string UnitId { get; init; }
        public required string Floor { get; init; }
        public required string Zone { get; init; }
        public required decimal Area { get; init; }
        public required CategoryProfile Category { get; init; }
        public required int CategoryIndex { get; init; }
        public required double DailySales { get; init; }
        public required double Ticket { get; init; }
        public required DateOnly LeaseStart { get; init; }
        public required DateOnly LeaseEnd { get; init; }
        public required decimal BaseRent { get; init; }
        public required decimal TurnoverRatePct { get; init; }
        public required decimal ServiceCharge { get; init; }
    }

    private static readonly string[] Floors = ["B1", "1F", "2F", "3F", "4F"];

    public static IReadOnlyDictionary<string, long> Write(string dir, ScaleOptions options)
    {
        options.Validate();
        Directory.CreateDirectory(dir);
        var tenants = Portfolio(options);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        bool Wants(string dataset) => options.Written.Contains(dataset, StringComparer.Ordinal);
        string In(string dataset) => Path.Combine(dir, dataset + ".csv");
        if (Wants("units"))
        {
            counts["units"] = WriteUnits(In("units"), tenants, options);
        }
        if (Wants("tenants"))
        {
            counts["tenants"] = options.RequiredOnly ? WriteRequiredTenants(In("tenants"), tenants) : WriteTenants(In("tenants"), tenants);
        }
        long[,]? monthlyCents = null;
        if (Wants("sales") || Wants("rent"))
        {
            (counts["sales"], monthlyCents) = WriteSales(Wants("sales") ? In("sales") : null, tenants, options);
            if (!Wants("sales"))
            {
                counts.Remove("sales");
            }
        }
        if (Wants("rent"))
        {
            counts["rent"] = WriteRent(In("rent"), tenants, monthlyCents!, options);
        }
        if (Wants("complaints"))
        {
            counts["complaints"] = WriteComplaints(In("complaints"), tenants, options);
        }
        if (Wants("inspections"))
        {
            counts["inspections"] = WriteInspections(In("inspections"), tenants, options);
        }
        if (Wants("footfall"))
        {
            counts["footfall"] = WriteFootfall(In("footfall"), tenants, options);
        }
        return counts;
    }

    private static List<Tenant> Portfolio(ScaleOptions o)
    {
        var rng = Seeds.For(o.Seed, "scale-portfolio");
        var list = new List<Tenant>(o.Tenants);
        var categories = CategoryProfile.All;
        for (var m = 0; m < o.Malls; m++)
        {
            var mallId = FormattableString.Invariant($"M{m + 1:00}");
            var count = (o.Tenants / o.Malls) + (m < o.Tenants % o.Malls ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                var floor = Floors[i * Floors.Length / count];
                var category = o.Categories is { } n
                    ? categories[rng.Next(n)].Name
                    : rng.Pick(CategoryProfile.FloorMix(floor)); // the sample's zoning, per floor
                var profile = CategoryProfile.Of(category);
                var area = Format.Round2(rng.Uniform(profile.AreaLow, Math.Min(profile.AreaHigh, 800)));
                var quality = Math.Clamp(rng.LogNormal(0.22), 0.6, 1.6);
                var norm = (double)area * profile.DensityPerMonth * CategoryProfile.FloorFactor(floor);
                var rate = rng.Chance(profile.TurnoverClauseShare) ? (decimal)Math.Round(rng.Uniform(profile.TurnoverRateLow, profile.TurnoverRateHigh)) : 0m;
                var start = new DateOnly(o.Start.Year, o.Start.Month, 1).AddMonths(-rng.Between(0, 36));
                var tenantId = FormattableString.Invariant($"T{list.Count + 1:000000}");
                list.Add(new Tenant
                {
                    MallId = mallId,
                    TenantId = tenantId,
                    Prefix = Encoding.UTF8.GetBytes($"{mallId},{tenantId},"),
                    UnitId = FormattableString.Invariant($"{floor}-{i + 1:0000}"),
                    Floor = floor,
                    Zone = ((char)('A' + (i % 4))).ToString(),
                    Area = area,
                    Category = profile,
                    CategoryIndex = IndexOf(categories, profile),
                    DailySales = norm * quality / 30.4,
                    Ticket = profile.Ticket * rng.LogNormal(0.15),
                    LeaseStart = start,
                    LeaseEnd = SampleCalendar.MonthEnd(o.End.AddMonths(rng.Between(1, 60))),
                    BaseRent = Math.Round((decimal)(norm * (rate > 0 ? (double)rate / 100 * 0.85 : profile.TargetOcr))),
                    TurnoverRatePct = rate,
                    ServiceCharge = Format.Round2((double)area * rng.Uniform(30, 50)),
                });
            }
        }
        return list;
    }

    private static int IndexOf(IReadOnlyList<CategoryProfile> all, CategoryProfile c)
    {
        for (var i = 0; i < all.Count; i++)
        {
            if (ReferenceEquals(all[i], c))
            {
                return i;
            }
        }
        return -1;
    }

    private static long WriteUnits(string path, List<Tenant> tenants, ScaleOptions o)
    {
        using var sink = new Utf8Sink(path, "mall_id,unit_id,floor,zone,area_sqm");
        var rng = Seeds.For(o.Seed, "scale-units");
        foreach (var mall in tenants.GroupBy(t => t.MallId))
        {
            foreach (var t in mall)
            {
                sink.Text(t.MallId).Comma().Text(t.UnitId).Comma().Text(t.Floor).Comma().Text(t.Zone).Comma().Cents((long)(t.Area * 100)).Line();
            }
            // About 5 % of each mall's units stand empty.
            var vacant = Math.Max(1, mall.Count() / 20);
            for (var v = 0; v < vacant; v++)
            {
                sink.Text(mall.Key).Comma().Text(FormattableString.Invariant($"V-{v + 1:0000}")).Comma().Text(rng.Pick(Floors)).Comma().Text("A").Comma()
                    .Cents((long)(rng.Uniform(50, 300) * 100)).Line();
            }
        }
        return sink.Rows;
    }

    private static long WriteTenants(string path, List<Tenant> tenants)
    {
        using var sink = new Utf8Sink(path, "mall_id,tenant_id,tenant_name,brand,category,unit_id,floor,area_sqm,lease_start,lease_end,base_rent,turnover_rate_pct,service_charge,exit_date,exit_reason");
        foreach (var t in tenants)
        {
            sink.Text(t.MallId).Comma().Text(t.TenantId).Comma().Text($"商户{t.TenantId[1..]}").Comma().Comma().Text(t.Category.Name).Comma()
                .Text(t.UnitId).Comma().Text(t.Floor).Comma().Cents((long)(t.Area * 100)).Comma()
                .Text(Format.Date(t.LeaseStart)).Comma().Text(Format.Date(t.LeaseEnd)).Comma().Cents((long)(t.BaseRent * 100)).Comma();
            if (t.TurnoverRatePct > 0)
            {
                sink.Int((long)t.TurnoverRatePct);
            }
            sink.Comma().Cents((long)(t.ServiceCharge * 100)).Comma().Comma().Line();
        }
        return sink.Rows;
    }

    /// <summary>The required columns only (and the lease's area, required when there is no units dataset).</summary>
    private static long WriteRequiredTenants(string path, List<Tenant> tenants)
    {
        using var sink = new Utf8Sink(path, "mall_id,tenant_id,tenant_name,category,unit_id,area_sqm,lease_start,lease_end,base_rent");
        foreach (var t in tenants)
        {
            sink.Text(t.MallId).Comma().Text(t.TenantId).Comma().Text($"商户{t.TenantId[1..]}").Comma().Text(t.Category.Name).Comma()
                .Text(t.UnitId).Comma().Cents((long)(t.Area * 100)).Comma()
                .Text(Format.Date(t.LeaseStart)).Comma().Text(Format.Date(t.LeaseEnd)).Comma().Cents((long)(t.BaseRent * 100)).Line();
        }
        return sink.Rows;
    }

    /// <summary>
    /// Mall by mall, day by day, tenant by tenant. Calendar factors are computed once per day and category; the
    /// per-row work is one noise draw and the formatting. Monthly totals are kept for turnover rent.
    /// </summary>
    private static (long Rows, long[,] MonthlyCents) WriteSales(string? path, List<Tenant> tenants, ScaleOptions o)
    {
        var monthly = new long[tenants.Count, o.Months];
        var categories = CategoryProfile.All;
        var dayFactor = new double[categories.Count];
        var dateBytes = new byte[o.Days][];
        for (var k = 0; k < o.Days; k++)
        {
            dateBytes[k] = Encoding.ASCII.GetBytes(Format.Date(o.Start.AddDays(k)) + ",");
        }
        using var sink = path is null ? null : new Utf8Sink(path, "mall_id,tenant_id,date,net_sales,transactions");
        long rows = 0;
        var rng = new FastRandom((ulong)Seeds.Derive(o.Seed, "scale-sales"));
        var from = 0;
        while (from < tenants.Count)
        {
            var to = from;
            while (to < tenants.Count && tenants[to].MallId == tenants[from].MallId)
            {
                to++;
            }
            for (var k = 0; k < o.Days; k++)
            {
                var d = o.Start.AddDays(k);
                var month = ((d.Year - o.Start.Year) * 12) + d.Month - o.Start.Month;
                var common = SampleCalendar.MallTrend(d);
                for (var c = 0; c < categories.Count; c++)
                {
                    dayFactor[c] = common * SampleCalendar.Weekly(d.DayOfWeek, categories[c].Rhythm) * SampleCalendar.Season(d, categories[c]);
                }
                for (var i = from; i < to; i++)
                {
                    var t = tenants[i];
                    var trade = t.DailySales * dayFactor[t.CategoryIndex] * rng.NoiseFactor();
                    var cents = (long)(trade * 100);
                    monthly[i, month] += cents;
                    if (sink is not null)
                    {
                        sink.Raw(t.Prefix).Raw(dateBytes[k]).Cents(cents).Comma().Int((long)(trade / t.Ticket)).Line();
                    }
                    rows++;
                }
            }
            from = to;
        }
        return (rows, monthly);
    }

    private static long WriteRent(string path, List<Tenant> tenants, long[,] monthlyCents, ScaleOptions o)
    {
        using var sink = new Utf8Sink(path, "mall_id,tenant_id,period,charge_type,amount_due,due_date,amount_paid,paid_date");
        var rng = Seeds.For(o.Seed, "scale-rent");
        for (var i = 0; i < tenants.Count; i++)
        {
            var t = tenants[i];
            for (var m = 0; m < o.Months; m++)
            {
                var period = o.Start.AddMonths(m);
                var due = period.AddDays(9);
                var late = rng.Chance(0.06) ? rng.Between(6, 40) : rng.Between(-5, 3);
                var baseCents = (long)(t.BaseRent * 100);
                Charge(sink, t, period, "base_rent", baseCents, due, late, o.End);
                if (t.TurnoverRatePct > 0)
                {
                    var turnover = (long)((double)t.TurnoverRatePct / 100 * monthlyCents[i, m]) - baseCents;
                    if (turnover > 0)
                    {
                        Charge(sink, t, period, "turnover_rent", turnover, due.AddMonths(1), late, o.End);
                    }
                }
                Charge(sink, t, period, "service_charge", (long)(t.ServiceCharge * 100), due, late, o.End);
                Charge(sink, t, period, "utilities", (long)((double)t.Area * 10 * rng.Uniform(0.8, 1.4) * 100), due.AddMonths(1), late, o.End);
            }
        }
        return sink.Rows;
    }

    private static void Charge(Utf8Sink sink, Tenant t, DateOnly period, string type, long cents, DateOnly due, int lateDays, DateOnly end)
    {
        var paid = due.AddDays(lateDays);
        sink.Text(t.MallId).Comma().Text(t.TenantId).Comma().Text(Format.Period(period)).Comma().Text(type).Comma().Cents(cents).Comma()
            .Text(Format.Date(due)).Comma();
        if (paid <= end)
        {
            sink.Cents(cents).Comma().Text(Format.Date(paid));
        }
        else
        {
            sink.Cents(0).Comma();
        }
        sink.Line();
    }

    private static long WriteComplaints(string path, List<Tenant> tenants, ScaleOptions o)
    {
        using var csv = new Csv.CsvWriter(path, ["mall_id", .. ComplaintBook.Header]);
        var rng = Seeds.For(o.Seed, "scale-complaints");
        long seq = 0;
        foreach (var t in tenants)
        {
            for (var m = 0; m < o.Months; m++)
            {
                var month = o.Start.AddMonths(m);
                for (var n = rng.Poisson(0.12 * t.Category.ComplaintFactor); n > 0; n--)
                {
                    var at = rng.DateBetween(month, SampleCalendar.MonthEnd(month)).ToDateTime(new TimeOnly(rng.Between(10, 21), rng.Between(0, 59), 0));
                    var category = rng.Pick(Texts.ComplaintCategories);
                    var resolved = at.AddHours(rng.Between(2, 72));
                    var open = resolved > o.End.ToDateTime(new TimeOnly(23, 0));
                    csv.WriteRow([
                        t.MallId, FormattableString.Invariant($"C{++seq:00000000}"), Format.Timestamp(at), t.TenantId, "hotline", category, Format.Int(rng.Between(1, 3)),
                        open ? "open" : "resolved", open ? string.Empty : Format.Timestamp(resolved), Texts.ComplaintText(rng, category, aboutMall: false),
                    ]);
                }
            }
        }
        return csv.Rows;
    }

    private static long WriteInspections(string path, List<Tenant> tenants, ScaleOptions o)
    {
        using var sink = new Utf8Sink(path, "mall_id,date,tenant_id,type,minutes,note");
        var rng = Seeds.For(o.Seed, "scale-inspections");
        string[] types = ["late_open", "early_close", "hygiene", "display", "pricing", "fire_safety"];
        var seen = new HashSet<(DateOnly, string)>();
        foreach (var t in tenants)
        {
            seen.Clear();
            for (var m = 0; m < o.Months; m++)
            {
                var month = o.Start.AddMonths(m);
                for (var n = rng.Poisson(0.1); n > 0; n--)
                {
                    var date = rng.DateBetween(month, SampleCalendar.MonthEnd(month));
                    var type = rng.Pick(types);
                    if (!seen.Add((date, type)))
                    {
                        continue;
                    }
                    sink.Text(t.MallId).Comma().Text(Format.Date(date)).Comma().Text(t.TenantId).Comma().Text(type).Comma();
                    if (type is "late_open" or "early_close")
                    {
                        sink.Int(rng.Between(5, 60));
                    }
                    sink.Comma().Line();
                }
            }
        }
        return sink.Rows;
    }

    private static long WriteFootfall(string path, List<Tenant> tenants, ScaleOptions o)
    {
        using var sink = new Utf8Sink(path, "mall_id,date,zone,visitors");
        var rng = Seeds.For(o.Seed, "scale-footfall");
        foreach (var mall in tenants.GroupBy(t => t.MallId))
        {
            var size = mall.Count() * 180.0; // visitors on an ordinary day per tenant
            foreach (var d in SampleCalendar.Days(o.Start, o.End))
            {
                var visitors = size * SampleCalendar.Weekly(d.DayOfWeek, WeekRhythm.Leisure) * SampleCalendar.FootfallSeason(d) * rng.LogNormal(0.06);
                sink.Text(mall.Key).Comma().Text(Format.Date(d)).Comma().Comma().Int((long)visitors).Line();
                foreach (var zone in new[] { "A", "B", "C", "D" })
                {
                    sink.Text(mall.Key).Comma().Text(Format.Date(d)).Comma().Text(zone).Comma().Int((long)(visitors * 0.28 * rng.LogNormal(0.05))).Line();
                }
            }
        }
        return sink.Rows;
    }

    /// <summary>Prints what a run wrote, for the benchmark logs.</summary>
    public static string Describe(IReadOnlyDictionary<string, long> counts, TimeSpan elapsed) =>
        string.Join(Environment.NewLine, counts.Select(c => FormattableString.Invariant($"{c.Key,-12} {c.Value,12:N0} rows")))
        + Environment.NewLine + FormattableString.Invariant($"written in {elapsed.TotalSeconds:0.0} s");

}

/// <summary>xorshift64* with a cheap approximately log-normal noise factor: the sales loop draws tens of millions.</summary>
internal struct FastRandom(ulong seed)
{
    private ulong state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    public double NextDouble()
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return ((state * 0x2545F4914F6CDD1DUL) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>exp(0.16·z), z ≈ standard normal from the sum of four uniforms (Irwin–Hall, rescaled).</summary>
    public double NoiseFactor()
    {
        var z = (NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2.0) * 1.7320508;
        return Math.Exp(0.16 * z);
    }
}
