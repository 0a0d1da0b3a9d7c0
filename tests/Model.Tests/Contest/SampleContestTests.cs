using Analytics.Model.Contest;
using Analytics.Model.Tests.Support;
using static Analytics.Model.Tests.Support.SampleCsv;

namespace Analytics.Model.Tests.Contest;

/// <summary>The contest on the committed sample against a computation of the rules from its CSV files.</summary>
[Collection(SampleCsvCollection.Name)]
public sealed class SampleContestTests(SampleCsv sample)
{
    private static readonly DateOnly P = new(2026, 10, 1);

    [Fact]
    public void Query_Sample_WinnersOfEveryCategoryAndTheMallMatchTheFiles()
    {
        var expected = new List<(string Scope, string Award, string Category, string Tenant, double Score)>();
        var categoryWins = new List<(string Award, string Tenant, double Score)>();
        var now = Contestants(P);
        var before = Contestants(P.AddMonths(-12)).ToDictionary(c => c.Tenant);
        var held = 0;
        foreach (var category in now.GroupBy(c => c.Category))
        {
            var density = category.Select(c => (c.Tenant, Value: c.Density)).ToList();
            var improving = category.Where(c => before.ContainsKey(c.Tenant)).Select(c => (c.Tenant, Value: c.Density / before[c.Tenant].Density - 1)).ToList();
            held += density.Count >= 3 || improving.Count >= 3 ? 1 : 0;
            foreach (var (award, list, ratio) in new[] { ("best_density", density, true), ("most_improved", improving, false) })
            {
                if (list.Count < 3)
                {
                    continue;
                }

                var scores = list.Select(c => (c.Tenant, Score: ratio ? c.Value / MedianOfOthers(list, c.Tenant) : c.Value - MedianOfOthers(list, c.Tenant))).ToList();
                var best = scores.Max(s => s.Score);
                if (!ratio && best < 0.05)
                {
                    continue;
                }

                foreach (var s in scores.Where(s => s.Score >= best - 0.01))
                {
                    expected.Add(("category", award, category.Key, s.Tenant, s.Score));
                    categoryWins.Add((award, s.Tenant, s.Score));
                }
            }
        }

        foreach (var award in categoryWins.GroupBy(w => w.Award))
        {
            var best = award.Max(w => w.Score);
            expected.AddRange(award.Where(w => w.Score >= best - 0.01).Select(w => ("mall", award.Key, now.Single(c => c.Tenant == w.Tenant).Category, w.Tenant, w.Score)));
        }

        var result = SalesContest.Query(sample.Warehouse.Connection, "main", Month.Of(P), new ContestSettings());

        result.Categories.Should().HaveCount(held);
        result.Winners.Select(w => (w.Scope, w.Award, w.Category, w.TenantId)).Should()
            .BeEquivalentTo(expected.Select(e => (e.Scope, e.Award, e.Category, e.Tenant)));
        foreach (var w in result.Winners)
        {
            w.Score.Should().BeApproximately(expected.Single(e => (e.Scope, e.Award, e.Tenant) == (w.Scope, w.Award, w.TenantId)).Score, 1e-9);
        }

        result.Winners.Should().Contain(w => w.Award == "most_improved", because: "the sample's year has movers to reward");
        result.Winners.Count(w => w.Scope == "mall" && w.Award == "best_density").Should().BeGreaterThan(0);
    }

    private static double MedianOfOthers(List<(string Tenant, double Value)> list, string tenant)
    {
        var others = list.Where(c => c.Tenant != tenant).Select(c => c.Value).OrderBy(v => v).ToArray();
        return others.Length % 2 == 1 ? others[others.Length / 2] : (others[others.Length / 2 - 1] + others[others.Length / 2]) / 2;
    }

    /// <summary>
    /// Tenants that may compete in a month, from the files: a lease in force on the last day (the later lease when two
    /// are), at least 3 whole months since the first lease started, sales reported and a leased area.
    /// </summary>
    private List<(string Tenant, string Category, double Density)> Contestants(DateOnly month)
    {
        var d = LastDay(month);
        var units = sample.Rows("units").ToDictionary(u => u["unit_id"], u => Money(u["area_sqm"]));
        var leases = sample.Rows("tenants");
        var list = new List<(string, string, double)>();
        foreach (var tenant in leases.GroupBy(l => l["tenant_id"]))
        {
            var first = tenant.Min(l => Date(l["lease_start"]));
            var lease = tenant.Where(l => Date(l["lease_start"]) <= d && d <= Date(l["exit_date"].Length > 0 ? l["exit_date"] : l["lease_end"]))
                .MaxBy(l => Date(l["lease_start"]));
            var months = (d.Year - first.Year) * 12 + d.Month - first.Month - (d.Day < first.Day ? 1 : 0);
            var sales = sample.Sales(tenant.Key, month);
            if (lease is null || months < 3 || sales <= 0)
            {
                continue;
            }

            var area = lease["area_sqm"].Length > 0 ? Money(lease["area_sqm"]) : units[lease["unit_id"]];
            list.Add((tenant.Key, lease["category"], (double)(sales / area)));
        }

        return list;
    }
}
