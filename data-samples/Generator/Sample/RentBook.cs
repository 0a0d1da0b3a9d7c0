using Analytics.SampleData.Common;
using Analytics.SampleData.Csv;

namespace Analytics.SampleData.Sample;

/// <summary>
/// Monthly charges and what was paid of them by the export day. Exported the way the finance system does it:
/// simplified Chinese headers. Base rent and service charge are due on the 10th of the month; utilities and
/// turnover rent, known only after the month, on the 10th of the next.
/// </summary>
internal static class RentBook
{
    private const int DueDay = 10;

    private static readonly string[] Header = ["商户编号", "账期", "费用类型", "应收金额", "应缴日期", "实收金额", "缴费日期"];

    private sealed record Charge(string TenantId, DateOnly Period, string Type, decimal Due, DateOnly DueDate);

    /// <summary>One rent row as exported: the charge and what was paid of it by the export day.</summary>
    internal sealed record Row(string TenantId, DateOnly Period, string Type, decimal Due, DateOnly DueDate, decimal Paid, DateOnly? PaidOn);

    public static List<Row> Draw(MallPlan plan, SalesBook sales, int seed)
    {
        var rows = new List<Row>();
        for (var i = 0; i < plan.Tenants.Count; i++)
        {
            var t = plan.Tenants[i];
            var rng = Seeds.For(seed, "rent", i);
            var outcomes = new Dictionary<DateOnly, (double Share, DateOnly? On)>();
            foreach (var charge in Charges(t, sales, rng))
            {
                if (!outcomes.TryGetValue(charge.DueDate, out var outcome))
                {
                    outcome = Payment(t, charge.DueDate, rng);
                    outcomes.Add(charge.DueDate, outcome);
                }
                rows.Add(new Row(charge.TenantId, charge.Period, charge.Type, charge.Due, charge.DueDate,
                    Format.Round2(charge.Due * (decimal)outcome.Share), outcome.On));
            }
        }
        return rows;
    }

    public static long Write(string path, IEnumerable<Row> rows)
    {
        using var csv = new CsvWriter(path, Header);
        foreach (var r in rows.OrderBy(r => r.Period).ThenBy(r => r.TenantId, StringComparer.Ordinal).ThenBy(r => Order(r.Type)))
        {
            csv.WriteRow([r.TenantId, Format.Period(r.Period), r.Type, Format.Money(r.Due), Format.Date(r.DueDate), Format.Money(r.Paid), r.PaidOn is { } p ? Format.Date(p) : string.Empty]);
        }
        return csv.Rows;
    }

    private static int Order(string type) => type switch
    {
        "base_rent" => 0, "turnover_rent" => 1, "service_charge" => 2, _ => 3,
    };

    private static IEnumerable<Charge> Charges(TenantPlan t, SalesBook sales, Random rng)
    {
        if (t.TradingFrom > t.TradingTo)
        {
            yield break;
        }
        foreach (var month in SampleCalendar.MonthsBetween(t.TradingFrom, t.TradingTo))
        {
            var monthEnd = SampleCalendar.MonthEnd(month);
            var daysInMonth = monthEnd.Day;
            decimal baseRent = 0, service = 0;
            var tradingDays = 0;
            LeasePlan? last = null;
            // A month can hold the end of one lease and the start of its renewal: one charge line each, summed.
            foreach (var lease in t.Leases)
            {
                var from = Max(Max(month, lease.Start), t.TradingFrom);
                var to = Min(Min(monthEnd, lease.LastDay), t.TradingTo);
                if (from > to)
                {
                    continue;
                }
                var days = to.DayNumber - from.DayNumber + 1;
                tradingDays += days;
                baseRent += lease.BaseRent * days / daysInMonth;
                service += lease.ServiceCharge * days / daysInMonth;
                last = lease;
            }
            if (last is null)
            {
                continue;
            }
            var due = new DateOnly(month.Year, month.Month, DueDay);
            var dueNext = due.AddMonths(1);
            baseRent = Format.Round2(baseRent);
            yield return new Charge(t.TenantId, month, "base_rent", baseRent, due);
            if (last.TurnoverRatePct > 0)
            {
                var turnover = Format.Round2((last.TurnoverRatePct / 100m * sales.Reported(t.TenantId, month, monthEnd)) - baseRent);
                if (turnover > 0)
                {
                    yield return new Charge(t.TenantId, month, "turnover_rent", turnover, dueNext);
                }
            }
            yield return new Charge(t.TenantId, month, "service_charge", Format.Round2(service), due);
            var perSqm = t.Category.Name switch { "f&b" => 18.0, "supermarket" => 14.0, _ => 8.0 };
            var season = month.Month is >= 6 and <= 9 ? 1.5 : month.Month is 12 or 1 or 2 ? 1.2 : 1.0; // air conditioning, heating
            var utilities = (double)t.Unit.AreaSqm * perSqm * season * rng.LogNormal(0.08) * tradingDays / daysInMonth;
            yield return new Charge(t.TenantId, month, "utilities", Format.Round2(utilities), dueNext);
        }
    }

    /// <summary>What share of a charge was paid, and when, as known on the export day.</summary>
    private static (double Share, DateOnly? On) Payment(TenantPlan t, DateOnly due, Random rng)
    {
        double share = 1;
        DateOnly? on;
        var rule = t.PaymentRules.FirstOrDefault(r => r.FromDue <= due && due <= r.ToDue);
        if (rule is not null)
        {
            share = rule.PaidShare;
            on = rule.SettleOn ?? (rule.DelayDays is { } delay ? due.AddDays(delay) : null);
            if (rule.SettleOn is null && rule.DelayDays is null && share > 0)
            {
                on = due.AddDays(rng.Between(3, 12)); // a part payment, the rest still owed
            }
        }
        else if (t.SometimesLate && rng.Chance(0.12))
        {
            on = due.AddDays(rng.Between(6, 40));
        }
        else
        {
            on = due.AddDays(rng.Between(-8, 3));
            var recent = due > SampleCalendar.End.AddDays(-45) && due <= SampleCalendar.End;
            if (recent && t.SometimesLate && rng.Chance(0.15))
            {
                (share, on) = rng.Chance(0.5) ? (0.0, (DateOnly?)null) : (rng.Uniform(0.5, 0.9), due.AddDays(rng.Between(0, 5)));
            }
        }
        if (on is null || on > SampleCalendar.End)
        {
            return (0, null); // nothing paid yet as of the export day
        }
        return share <= 0 ? (0, null) : (share, on);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
