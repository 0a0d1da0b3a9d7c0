using Analytics.SampleData.Common;
using Analytics.SampleData.Csv;

namespace Analytics.SampleData.Sample;

/// <summary>
/// Progressive turnover tiers for a few leases and the turnover-rent billing slips the audit must find. The rent
/// book bills every lease at its flat rate, correctly; this book then gives some leases tiers (so months above
/// the upper threshold were billed short: a tier missed), and alters a few existing turnover_rent rows of other
/// leases (a charge forgotten, a wrong rate, a charge billed in a month that owed none). Everything is drawn
/// from its own stream, so the other datasets keep their bytes.
/// </summary>
internal sealed class TurnoverBook
{
    public const string NoCharge = "no_charge";
    public const string TierMissed = "tier_missed";
    public const string WrongRate = "wrong_rate";
    public const string NotDue = "not_due";

    /// <summary>Planted slips fall in these months: inside the audit year of the sample's last month, but not the last month itself.</summary>
    private static readonly DateOnly PlantFrom = new(2025, 11, 1);
    private static readonly DateOnly PlantTo = new(2026, 9, 1);

    internal sealed record Tier(string TenantId, DateOnly LeaseStart, decimal SalesFrom, decimal RatePct);

    internal sealed record Finding(string TenantId, DateOnly Period, string Reason, decimal NetSales, decimal Expected, decimal Billed);

    public List<Tier> Tiers { get; } = [];
    public List<Finding> Findings { get; } = [];

    /// <summary>Leases given tiers whose upper threshold the tenant never reached: billed right, never flagged.</summary>
    public List<string> Controls { get; } = [];

    private sealed record Candidate(TenantPlan Tenant, LeasePlan Lease, List<DateOnly> Months);

    public static TurnoverBook Plant(MallPlan plan, SalesBook sales, List<RentBook.Row> rent, int seed)
    {
        var rng = Seeds.For(seed, "turnover-audit");
        var book = new TurnoverBook();
        var candidates = plan.Tenants.Where(t => t.Situation == "ordinary").OrderBy(t => t.TenantId, StringComparer.Ordinal)
            .SelectMany(t => t.Leases.Where(l => l.TurnoverRatePct > 0).Select(l => new Candidate(t, l, FullMonths(t, l))))
            .Where(c => c.Months.Count(m => m >= PlantFrom && m <= PlantTo) >= 11)
            .ToList();
        Shuffle(candidates, rng);
        var queue = new Queue<Candidate>(candidates);
        var planted = new List<(Candidate Lease, DateOnly Month)>();

        decimal Sales(Candidate c, DateOnly m) => sales.Reported(c.Tenant.TenantId, m, SampleCalendar.MonthEnd(m));
        List<RentBook.Row> Turnover(Candidate c, DateOnly m) =>
            rent.Where(r => r.TenantId == c.Tenant.TenantId && r.Period == m && r.Type == "turnover_rent").ToList();
        List<DateOnly> Window(Candidate c) => c.Months.Where(m => m >= PlantFrom && m <= PlantTo).ToList();

        // Tier missed: an upper tier two points above the flat rate from just under the third-best month of the window.
        for (var n = 0; n < 4 && queue.Count > 0; n++)
        {
            var c = queue.Dequeue();
            var best = Window(c).Select(m => Sales(c, m)).OrderDescending().ToList();
            var from = Math.Floor((best[2] - 500m) / 1000m) * 1000m;
            book.AddTiers(c, from);
            planted.AddRange(c.Months.Select(m => (c, m)));
        }

        // Controls: tiers whose upper threshold lies far above any month, so the flat billing is right.
        for (var n = 0; n < 2 && queue.Count > 0; n++)
        {
            var c = queue.Dequeue();
            var most = c.Months.Max(m => Sales(c, m));
            book.AddTiers(c, Math.Ceiling(most * 1.5m / 10000m) * 10000m);
            book.Controls.Add(c.Tenant.TenantId);
        }

        // A month's turnover charge forgotten.
        for (var n = 0; n < 3 && queue.Count > 0;)
        {
            var c = queue.Dequeue();
            var months = Window(c).Where(m => Turnover(c, m).Sum(r => r.Due) > 500m).ToList();
            if (months.Count == 0)
            {
                continue;
            }
            var month = rng.Pick(months);
            rent.RemoveAll(r => Turnover(c, month).Contains(r));
            planted.Add((c, month));
            n++;
        }

        // Billed at a rate one point too low.
        for (var n = 0; n < 3 && queue.Count > 0;)
        {
            var c = queue.Dequeue();
            var rate = c.Lease.TurnoverRatePct - 1m;
            var months = Window(c).Where(m => Turnover(c, m).Count == 1 && (rate / 100m * Sales(c, m)) - c.Lease.BaseRent > 100m).ToList();
            if (months.Count == 0)
            {
                continue;
            }
            var month = rng.Pick(months);
            var old = Turnover(c, month)[0];
            var due = Format.Round2((rate / 100m * Sales(c, month)) - c.Lease.BaseRent);
            var paid = old.Paid == old.Due ? due : Format.Round2(due * old.Paid / old.Due);
            rent[rent.IndexOf(old)] = old with { Due = due, Paid = paid };
            planted.Add((c, month));
            n++;
        }

        // A turnover charge billed in a month whose turnover stayed under the base rent (the base not deducted).
        for (var n = 0; n < 2 && queue.Count > 0;)
        {
            var c = queue.Dequeue();
            var months = Window(c).Where(m => Turnover(c, m).Count == 0 && Sales(c, m) > 0).ToList();
            if (months.Count == 0)
            {
                continue;
            }
            var month = rng.Pick(months);
            // Paid like the other charges due on the same day (the utilities of the month).
            var sibling = rent.First(r => r.TenantId == c.Tenant.TenantId && r.Period == month && r.Type == "utilities");
            var due = Format.Round2(c.Lease.TurnoverRatePct / 100m * Sales(c, month));
            var paid = sibling.Paid == sibling.Due ? due : Format.Round2(due * sibling.Paid / sibling.Due);
            rent.Add(new RentBook.Row(c.Tenant.TenantId, month, "turnover_rent", due, sibling.DueDate, paid, sibling.PaidOn));
            planted.Add((c, month));
            n++;
        }

        foreach (var (c, month) in planted.Distinct().OrderBy(p => p.Lease.Tenant.TenantId, StringComparer.Ordinal).ThenBy(p => p.Month))
        {
            var netSales = Sales(c, month);
            var expected = Format.Round2(Math.Max(0m, book.Amount(c.Tenant.TenantId, c.Lease, netSales) - c.Lease.BaseRent));
            var billed = Turnover(c, month).Sum(r => r.Due);
            if (Math.Abs(billed - expected) > 1m)
            {
                book.Findings.Add(new Finding(c.Tenant.TenantId, month, Reason(book, c, netSales, expected, billed), netSales, expected, billed));
            }
        }
        return book;
    }

    private void AddTiers(Candidate c, decimal upperFrom)
    {
        Tiers.Add(new Tier(c.Tenant.TenantId, c.Lease.Start, 0m, c.Lease.TurnoverRatePct));
        Tiers.Add(new Tier(c.Tenant.TenantId, c.Lease.Start, upperFrom, c.Lease.TurnoverRatePct + 2m));
    }

    /// <summary>The turnover amount of a month: tiers slice by slice when the lease has them, else the flat rate.</summary>
    private decimal Amount(string tenantId, LeasePlan lease, decimal netSales, int? tierCount = null)
    {
        var tiers = Tiers.Where(t => t.TenantId == tenantId && t.LeaseStart == lease.Start).OrderBy(t => t.SalesFrom).ToList();
        if (tiers.Count == 0)
        {
            return lease.TurnoverRatePct / 100m * netSales;
        }
        tiers = tiers.Take(tierCount ?? tiers.Count).ToList();
        decimal amount = 0;
        for (var i = 0; i < tiers.Count; i++)
        {
            var top = i + 1 < tiers.Count ? Math.Min(netSales, tiers[i + 1].SalesFrom) : netSales;
            amount += Math.Max(0m, top - tiers[i].SalesFrom) * tiers[i].RatePct / 100m;
        }
        return amount;
    }

    private static string Reason(TurnoverBook book, Candidate c, decimal netSales, decimal expected, decimal billed)
    {
        if (expected == 0)
        {
            return NotDue;
        }
        var tiers = book.Tiers.Count(t => t.TenantId == c.Tenant.TenantId && t.LeaseStart == c.Lease.Start);
        for (var k = 1; k < tiers; k++)
        {
            if (Math.Abs(Math.Max(0m, book.Amount(c.Tenant.TenantId, c.Lease, netSales, k) - c.Lease.BaseRent) - billed) <= 1m)
            {
                return TierMissed;
            }
        }
        return billed == 0 ? NoCharge : WrongRate;
    }

    /// <summary>Months in which the lease is in force and the tenant trades from the first day to the last.</summary>
    private static List<DateOnly> FullMonths(TenantPlan t, LeasePlan lease) =>
        SampleCalendar.MonthsBetween(t.TradingFrom, t.TradingTo)
            .Where(m => m >= lease.Start && SampleCalendar.MonthEnd(m) <= lease.LastDay && m >= t.TradingFrom && SampleCalendar.MonthEnd(m) <= t.TradingTo)
            .ToList();

    private static void Shuffle<T>(List<T> items, Random rng)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    public long WriteTiers(string path)
    {
        using var csv = new CsvWriter(path, ["tenant_id", "lease_start", "sales_from", "rate_pct"]);
        foreach (var t in Tiers.OrderBy(t => t.TenantId, StringComparer.Ordinal).ThenBy(t => t.LeaseStart).ThenBy(t => t.SalesFrom))
        {
            csv.WriteRow([t.TenantId, Format.Date(t.LeaseStart), Format.Money(t.SalesFrom), Format.Number((double)t.RatePct)]);
        }
        return csv.Rows;
    }
}
