using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Analytics.Api.Server;
using Analytics.Api.Web.Ranking;
using Analytics.Model.Analysis;
using Analytics.Model.Decisions;
using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Model.Peers;
using Analytics.Model.Scoring;

namespace Analytics.Api.Web;

/// <summary>One tenant's line of the ranking: the analysis's own score, metrics row and flags, nothing recomputed.</summary>
internal sealed record RankingRow(TenantScore Score, IReadOnlyList<TenantFlag> Flags)
{
    public TenantMetricsRow Metrics => Score.Frame.Metrics;
    public string TenantId => Metrics.TenantId;
}

/// <summary>The values the ranking's floor and category filters offer for a month.</summary>
internal sealed record RankingChoices(IReadOnlyList<string> Floors, IReadOnlyList<string> Categories);

/// <summary>A tenant's month in the 36-month chart, beside the category's median sales per m² that month.</summary>
internal sealed record SeriesPoint(DateOnly Period, decimal NetSales, double? Density, double? CategoryMedian);

/// <summary>
/// The figures the pages read, per month, from the same analysis the API and the briefs use (<see cref="TenantFigures"/>):
/// the ranking rows, the mall's 13-month series, the flags of the month before (for "new"), and the 36-month history.
/// Kept in the <see cref="FiguresCache"/> until the next load, so a page only filters, sorts and formats.
/// </summary>
internal sealed class WorkspaceFigures(TenantFigures figures, FiguresCache cache, WarehouseAccess warehouse)
{
    public AnalysisResult Analysis(Month period) => figures.Analysis(period);

    public IReadOnlyList<RankingRow> Ranking(Month period) => cache.GetOrAdd("web-ranking", period, () =>
    {
        var analysis = figures.Analysis(period);
        var flags = analysis.Flags.ToLookup(f => f.Score.Frame.Metrics.TenantId, StringComparer.Ordinal);
        return analysis.Scores.Select(s => new RankingRow(s, flags[s.Frame.Metrics.TenantId].ToList())).ToList();
    });

    /// <summary>The month's rows in one sort order, sorted once and kept with the month (a request then only filters and pages).</summary>
    public IReadOnlyList<RankingRow> Ranking(Month period, string sort, bool descending) =>
        cache.GetOrAdd($"web-ranking-{sort}-{(descending ? "desc" : "asc")}", period, () => RankingQuery.Order(Ranking(period), sort, descending));

    /// <summary>The floors and categories of the month's rows, for the ranking's filter lists.</summary>
    public RankingChoices Choices(Month period) => cache.GetOrAdd("web-ranking-choices", period, () =>
    {
        var rows = Ranking(period);
        return new RankingChoices(
            rows.Select(r => r.Metrics.Floor).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            rows.Select(r => r.Metrics.Category).Distinct().Order(StringComparer.Ordinal).ToList());
    });

    /// <summary>
    /// The tenant's row of the month. The workspace reads the whole warehouse, so in a portfolio an id naming tenants of
    /// several malls (ids are unique within a mall only) has no row: the page cannot tell which tenant is meant and
    /// answers 404 rather than mixing two tenants.
    /// </summary>
    public RankingRow? Row(Month period, string tenantId) =>
        cache.GetOrAdd("web-ranking-index", period, () => Ranking(period).GroupBy(r => r.TenantId, StringComparer.Ordinal)
                .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal))
            .GetValueOrDefault(tenantId);

    /// <summary>The mall's metrics of the 13 months ending with the period, oldest first (one mall: the first per month).</summary>
    public IReadOnlyList<MallMetricsRow> MallSeries(Month period) => cache.GetOrAdd("web-mall", period, () =>
    {
        using var connection = warehouse.Connect();
        return MallMetrics.Series(connection, null, period.AddMonths(-12), period)
            .GroupBy(r => r.Period).Select(g => g.First()).OrderBy(r => r.Period).ToList();
    });

    /// <summary>The flags that are new this month: not raised the month before, or reopened (<see cref="FlagDecision.NewFlags"/>).</summary>
    public IReadOnlyList<TenantFlag> NewFlags(Month period)
    {
        var previous = cache.GetOrAdd("web-previous-flags", period, () =>
            (IReadOnlySet<(string, string)>)figures.Analysis(period.AddMonths(-1)).Flags
                .Select(f => (f.Score.Frame.Metrics.TenantId, f.Code)).ToHashSet());
        return FlagDecision.NewFlags(figures.Analysis(period).Flags, previous, Decisions(period), period.Last);
    }

    /// <summary>The standing decision per tenant and flag for flags of months up to the period.</summary>
    public IReadOnlyDictionary<(string TenantId, string Flag), FlagDecision> Decisions(Month period)
    {
        using var connection = warehouse.Connect();
        return FlagDecisions.Latest(connection, period);
    }

    /// <summary>The tenant's last 36 months of metrics, with the category median of sales per m² of each month.</summary>
    public IReadOnlyList<SeriesPoint> History(Month period, string tenantId)
    {
        var months = cache.GetOrAdd("web-history", period, () =>
        {
            using var connection = warehouse.Connect();
            var from = period.AddMonths(-35);
            var medians = PeerBenchmarks.ForCategoriesSeries(connection, null, from, period, "sales_density")
                .GroupBy(c => (c.Row.Category, c.Period)).ToDictionary(g => g.Key, g => g.First().Row.Median);

            return TenantMetrics.Series(connection, null, from, period)
                .GroupBy(r => r.TenantId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<SeriesPoint>)g.OrderBy(r => r.Period)
                    .Select(r => new SeriesPoint(r.Period, r.NetSales, r.SalesDensity, medians.GetValueOrDefault((r.Category, r.Period))))
                    .ToList(), StringComparer.Ordinal);
        });
        return months.GetValueOrDefault(tenantId) ?? [];
    }
}
