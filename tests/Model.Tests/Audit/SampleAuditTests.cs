using Analytics.Model.Audit;
using Analytics.Model.Tests.Support;
using static Analytics.Model.Tests.Support.SampleCsv;

namespace Analytics.Model.Tests.Audit;

/// <summary>The audit on the committed sample against a computation straight from its CSV files and the planted truth.</summary>
[Collection(SampleCsvCollection.Name)]
public sealed class SampleAuditTests(SampleCsv sample)
{
    private static readonly DateOnly Period = new(2026, 10, 1);

    /// <summary>metrics.md's turnover-rent rule computed from the files, with nothing from the model.</summary>
    private List<(string Tenant, DateOnly Period, decimal Expected, decimal Billed)> FromCsv()
    {
        var tiers = sample.Rows("turnover_tiers").GroupBy(r => (r["tenant_id"], Date(r["lease_start"])))
            .ToDictionary(g => g.Key, g => g.Select(r => (From: Money(r["sales_from"]), Rate: Money(r["rate_pct"].TrimEnd('%')))).OrderBy(t => t.From).ToList());
        var found = new List<(string, DateOnly, decimal, decimal)>();
        for (var m = Period.AddMonths(-11); m <= Period; m = m.AddMonths(1))
        {
            foreach (var g in sample.Leases.GroupBy(l => l.TenantId))
            {
                var lease = g.Where(l => l.Start <= m && l.LastDay >= LastDay(m)).MaxBy(l => l.Start);
                if (lease is null)
                {
                    continue;
                }

                var sales = sample.Sales(g.Key, m);
                decimal amount = 0;
                if (sales > 0 && tiers.TryGetValue((g.Key, lease.Start), out var list))
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        var upper = i + 1 < list.Count ? list[i + 1].From : decimal.MaxValue;
                        amount += Math.Max(0, Math.Min(sales, upper) - list[i].From) * list[i].Rate / 100m;
                    }
                }
                else if (sales > 0)
                {
                    amount = sales * lease.RatePct / 100m;
                }

                var expected = Math.Round(Math.Max(0, amount - lease.BaseRent), 2, MidpointRounding.AwayFromZero);
                var billed = sample.Rent.Where(c => c.TenantId == g.Key && c.Period == m && c.Type == "turnover_rent").Sum(c => c.Due);
                if (Math.Abs(billed - expected) > 1m)
                {
                    found.Add((g.Key, m, expected, billed));
                }
            }
        }

        return found;
    }

    [Fact]
    public void Run_Sample_FindsExactlyWhatTheFilesSayWithTheAmounts()
    {
        var findings = TurnoverAudit.Run(sample.Warehouse.Connection, null, Month.Of(Period));

        findings.Select(f => (f.TenantId, f.Period, f.Expected, f.Billed)).Should().BeEquivalentTo(FromCsv());
        findings.Should().OnlyContain(f => f.MallId == "main" && f.TenantName.Length > 0 && f.Difference == f.Billed - f.Expected);
    }

    [Fact]
    public void Run_Sample_EveryPlantedSlipFoundWithItsReasonAndNothingElse()
    {
        var planted = sample.Rows("operations-truth.csv").Where(r => r["kind"] == "turnover_rent")
            .Select(r => (Tenant: r["tenant_id"], Period: Date(r["period"] + "-01"), Reason: r["reason"], Expected: Money(r["expected"]), Billed: Money(r["billed"])))
            .Where(p => p.Period > Period.AddMonths(-12) && p.Period <= Period).ToList();

        var findings = TurnoverAudit.Run(sample.Warehouse.Connection, null, Month.Of(Period));

        planted.Select(p => p.Reason).Distinct().Should().BeEquivalentTo([TurnoverAudit.NoCharge, TurnoverAudit.TierMissed, TurnoverAudit.WrongRate, TurnoverAudit.NotDue]);
        findings.Select(f => (f.TenantId, f.Period, f.Reason, f.Expected, f.Billed)).Should().BeEquivalentTo(planted,
            because: "every planted slip is found with its amounts, and no lease-month billed right is flagged");
    }
}
