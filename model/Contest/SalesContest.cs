using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Model.Contest;

/// <summary>
/// One win of the sales contest. <see cref="Scope"/>: <c>category</c> (the best of its category) or <c>mall</c> (the
/// best of the mall's category winners). <see cref="Award"/>: <c>best_density</c>, where <see cref="Value"/> is the
/// month's sales per m², <see cref="Benchmark"/> the median of the category's other contestants and
/// <see cref="Score"/> their ratio; or <c>most_improved</c>, where <see cref="Value"/> is the change of the tenant's
/// sales per m² against the same month a year before, <see cref="Benchmark"/> the median change of the category's
/// other contestants and <see cref="Score"/> the difference. <see cref="Lead"/>: how far the score is ahead of the
/// best non-winner (null when every contestant won).
/// </summary>
public sealed record ContestWinner(
    string MallId, DateOnly Period, string Scope, string Award, string Category, string TenantId, string TenantName,
    double Value, double Benchmark, double Score, double? Lead, int Contestants)
{
    public const string CategoryScope = "category";
    public const string MallScope = "mall";
    public const string BestDensity = "best_density";
    public const string MostImproved = "most_improved";

    public static IReadOnlyList<string> Columns { get; } =
        ["mall_id", "period", "scope", "award", "category", "tenant_id", "tenant_name", "value", "benchmark", "score", "lead", "contestants"];

    public object?[] Values() =>
        [MallId, Month.Of(Period).ToString(), Scope, Award, Category, TenantId, TenantName, Value, Benchmark, Score, Lead, Contestants];
}

/// <summary>One category's contest of the month: how many competed for each award (0: too few to hold it).</summary>
public sealed record ContestCategory(string MallId, string Category, int DensityContestants, int ImprovementContestants);

/// <summary>The month's contest: categories that held one and every win, category wins first.</summary>
public sealed record ContestResult(DateOnly Period, IReadOnlyList<ContestCategory> Categories, IReadOnlyList<ContestWinner> Winners)
{
    /// <summary>The tenant's own wins of the month (what its merchant sheet and a merchant's API call may show).</summary>
    public IReadOnlyList<ContestWinner> WinsOf(string mallId, string tenantId) =>
        Winners.Where(w => w.MallId == mallId && w.TenantId == tenantId).ToList();
}

/// <summary>
/// The sales contest (营业竞赛), the one home of its rules (docs/analysis.md "Sales contest"): each month and category
/// with enough contestants, the best sales density against the category's other contestants and the most improved
/// against the category's own movement over the year, then the mall-wide winners among the category winners.
/// Computed on read from the tenant metrics of the month and of the same month a year before.
/// </summary>
public static class SalesContest
{
    public static ContestResult Query(DuckDBConnection connection, string? mallId, Month period, ContestSettings settings) =>
        From([.. TenantMetrics.Query(connection, mallId, period), .. TenantMetrics.Query(connection, mallId, period.AddMonths(-12))], period, settings);

    /// <summary>From tenant metrics that include the month and the same month a year before (other months are ignored).</summary>
    public static ContestResult From(IEnumerable<TenantMetricsRow> metrics, Month period, ContestSettings settings)
    {
        var p = period.First;
        var rows = metrics.Where(r => r.Period == p || r.Period == p.AddMonths(-12)).ToList();
        var yearBefore = rows.Where(r => r.Period == p.AddMonths(-12)).ToDictionary(r => (r.MallId, r.TenantId));
        var now = rows.Where(r => r.Period == p && Competes(r, settings)).ToList();

        var categories = new List<ContestCategory>();
        var winners = new List<ContestWinner>();
        foreach (var group in now.GroupBy(r => (r.MallId, r.Category)).OrderBy(g => g.Key.MallId, StringComparer.Ordinal).ThenBy(g => g.Key.Category, StringComparer.Ordinal))
        {
            var density = group.Select(r => (Row: r, Value: Density(r))).ToList();
            var improving = group
                .Where(r => yearBefore.TryGetValue((r.MallId, r.TenantId), out var before) && Competes(before, settings))
                .Select(r => (Row: r, Value: Density(r) / Density(yearBefore[(r.MallId, r.TenantId)]) - 1))
                .ToList();
            var densityHeld = density.Count >= settings.MinContestants;
            var improvementHeld = improving.Count >= settings.MinContestants;
            if (!densityHeld && !improvementHeld)
            {
                continue;
            }

            categories.Add(new ContestCategory(group.Key.MallId, group.Key.Category, densityHeld ? density.Count : 0, improvementHeld ? improving.Count : 0));
            if (densityHeld)
            {
                winners.AddRange(Best(density, ContestWinner.BestDensity, p, settings, (v, median) => v / median, _ => true));
            }

            if (improvementHeld)
            {
                winners.AddRange(Best(improving, ContestWinner.MostImproved, p, settings, (v, median) => v - median, s => s >= settings.MinImprovement));
            }
        }

        // Mall-wide: the best score among the category winners of each award (scores compare across categories).
        var mallWide = winners.GroupBy(w => (w.MallId, w.Award)).OrderBy(g => g.Key.MallId, StringComparer.Ordinal).ThenBy(g => g.Key.Award, StringComparer.Ordinal)
            .SelectMany(g =>
            {
                var best = g.Max(w => w.Score);
                var top = g.Where(w => w.Score >= best - settings.TieMargin).ToList();
                var rest = g.Where(w => w.Score < best - settings.TieMargin).Select(w => w.Score).ToList();
                return top.Select(w => w with { Scope = ContestWinner.MallScope, Lead = rest.Count > 0 ? w.Score - rest.Max() : null, Contestants = g.Count() });
            })
            .ToList();
        return new ContestResult(p, categories, [.. winners, .. mallWide]);
    }

    /// <summary>In force on D, past ramp-up, with sales reported and an area: a month whose sales per m² can be compared.</summary>
    private static bool Competes(TenantMetricsRow r, ContestSettings settings) =>
        r.MonthsOpen >= settings.RampUpMonths && r.NetSales > 0 && r.AreaSqm is > 0;

    private static double Density(TenantMetricsRow r) => (double)(r.NetSales / r.AreaSqm!.Value);

    /// <summary>
    /// Each contestant's score against the median of the others (leave-one-out, as peer benchmarks are); the best
    /// wins, with those within the tie margin, when the score passes <paramref name="qualifies"/>.
    /// </summary>
    private static IEnumerable<ContestWinner> Best(List<(TenantMetricsRow Row, double Value)> contestants, string award, DateOnly period,
        ContestSettings settings, Func<double, double, double> score, Func<double, bool> qualifies)
    {
        var scored = contestants.Select((c, i) =>
        {
            var median = Median.Of(contestants.Where((_, j) => j != i).Select(o => o.Value).ToList());
            return (c.Row, c.Value, Median: median, Score: score(c.Value, median));
        }).ToList();
        var best = scored.Max(s => s.Score);
        if (!qualifies(best))
        {
            return [];
        }

        var top = scored.Where(s => s.Score >= best - settings.TieMargin).OrderBy(s => s.Row.TenantId, StringComparer.Ordinal).ToList();
        var rest = scored.Where(s => s.Score < best - settings.TieMargin).Select(s => s.Score).ToList();
        return top.Select(s => new ContestWinner(s.Row.MallId, period, ContestWinner.CategoryScope, award, s.Row.Category, s.Row.TenantId,
            s.Row.TenantName, s.Value, s.Median, s.Score, rest.Count > 0 ? s.Score - rest.Max() : null, contestants.Count));
    }
}
