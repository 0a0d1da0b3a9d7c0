using Analytics.SampleData.Sample;
using static Analytics.Ingest.Tests.SampleData.SampleFacts;

namespace Analytics.Ingest.Tests.SampleData.Sample;

/// <summary>The operations datasets of the sample hold what their truth file says was planted.</summary>
[Collection(GeneratedSampleCollection.Name)]
public sealed class OperationsSampleTests(GeneratedSample sample)
{
    private IEnumerable<Func<string, string>> Truth(string kind) => sample.OperationsTruth.Rows().Where(r => r("kind") == kind);

    [Fact]
    public void Truth_TurnoverSlips_EveryKindPlantedInTheAuditYearOfTheLastMonth()
    {
        var slips = Truth("turnover_rent").Select(r => (Reason: r("reason"), Period: Date(r("period") + "-01"))).ToList();
        foreach (var reason in new[] { "no_charge", "tier_missed", "wrong_rate", "not_due" })
        {
            slips.Should().Contain(s => s.Reason == reason && s.Period > D.AddMonths(-12), because: $"a {reason} slip falls in the year the audit of 2026-10 covers");
        }
        Truth("tiers_billed_right").Should().HaveCount(2);
    }

    [Fact]
    public void Truth_TurnoverSlips_BilledAmountIsWhatRentCsvHolds()
    {
        foreach (var r in Truth("turnover_rent"))
        {
            var billed = sample.Facts.Charges.Where(c => c.TenantId == r("tenant_id") && c.Period == Date(r("period") + "-01") && c.Type == "turnover_rent").Sum(c => c.Due);
            billed.Should().Be(Money(r("billed")), because: $"{r("tenant_id")} {r("period")}");
            sample.Facts.Sales(r("tenant_id"), Date(r("period") + "-01")).Should().Be(Money(r("net_sales")));
            Math.Abs(Money(r("expected")) - billed).Should().BeGreaterThan(1m);
        }
    }

    [Fact]
    public void Budget_PlantedTenants_FarBelowTheirTargetThisYear()
    {
        var budget = CsvTable.Read(Path.Combine(sample.Drop, "budget.csv")).Rows()
            .Where(r => r("sales_budget").Length > 0)
            .Select(r => (Tenant: r("tenant_id"), Period: Date(r("period") + "-01"), Target: Money(r("sales_budget")))).ToList();
        var far = Truth("far_below_budget").Select(r => r("tenant_id")).ToList();
        far.Should().NotBeEmpty();
        decimal Ratio(string tenant) =>
            budget.Where(b => b.Tenant == tenant && b.Period.Year == 2026 && b.Period <= D).Sum(b => sample.Facts.Sales(tenant, b.Period))
            / budget.Where(b => b.Tenant == tenant && b.Period.Year == 2026 && b.Period <= D).Sum(b => b.Target);
        far.Select(Ratio).Should().OnlyContain(r => r < 0.75m);
        var others = budget.Select(b => b.Tenant).Distinct().Except(far).Where(t => budget.Any(b => b.Tenant == t && b.Period == Month(2026, 10))).ToList();
        others.Median(Ratio).Should().BeInRange(0.85m, 1.1m, because: "an ordinary target is last year's plus a few percent");
    }

    [Fact]
    public void Requests_PlantedTenants_HaveARepairOpenForWeeks()
    {
        var requests = CsvTable.Read(Path.Combine(sample.Drop, "requests.csv")).Rows().ToList();
        foreach (var tenant in Truth("overdue_request").Select(r => r("tenant_id")))
        {
            requests.Should().Contain(r => r("tenant_id") == tenant && r("category") == "repair" && r("resolved_at") == ""
                && DateTime.Parse(r("raised_at"), System.Globalization.CultureInfo.InvariantCulture) < D.AddDays(-20).ToDateTime(TimeOnly.MinValue));
        }
        requests.Select(r => r("status")).Distinct().Should().BeEquivalentTo(["open", "in_progress", "resolved"]);
        requests.Should().OnlyContain(r => (r("status") == "resolved") == (r("resolved_at").Length > 0));
    }

    [Fact]
    public void Malls_OneRowNamingTheSampleMall()
    {
        var malls = CsvTable.Read(Path.Combine(sample.Drop, "malls.csv")).Rows().ToList();
        malls.Should().ContainSingle().Which("mall_name").Should().Be(SampleDrop.MallName);
    }
}

internal static class MedianExtensions
{
    public static decimal Median(this IEnumerable<string> items, Func<string, decimal> value) => SampleFacts.Median(items.Select(value));
}
