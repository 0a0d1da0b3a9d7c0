using System.Security.Claims;
using Analytics.Api.Auth;
using Analytics.Api.Server;
using Analytics.Model.Analysis;
using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Model.Scoring;

namespace Analytics.Api.Figures;

/// <summary>
/// The bridge from the API to the analysis layer (model/): metrics, scores and flags of a month. The month's analysis
/// is read from the warehouse where it is stored (<see cref="AnalysisStore"/>; computed and stored only when its
/// inputs changed) and kept in <see cref="FiguresCache"/> until the next load; a request then only picks its tenant's row.
/// </summary>
internal sealed class TenantFigures(
    FiguresCache cache, WarehouseAccess warehouse, WarehouseFacts facts, ServerOptions options, TimeProvider clock, ILogger<TenantFigures> log)
{
    private readonly AnalysisSettings _settings = AnalysisSettings.Load(options.AnalysisSettingsFile);

    /// <summary>The analysis settings the server runs with (service times of requests among them).</summary>
    public AnalysisSettings Settings => _settings;

    /// <summary>
    /// The tenant's metrics row (metrics.md), or null when it had no lease in force on the period's last day: the row of
    /// the month's analysis (a month before the first sale has no analysis, its metrics are computed).
    /// </summary>
    public TenantMetricsRow? Metrics(string tenantId, Month period, string? mall = null) =>
        cache.GetOrAdd("metrics" + (mall is null ? "" : ":" + mall), period, () =>
        {
            using var connection = warehouse.Connect();
            return AnalysisStore.TenantMetrics(connection, mall, period, _settings, () => Analysis(period, mall))
                .GroupBy(r => r.TenantId).ToDictionary(g => g.Key, g => g.First());
        }).GetValueOrDefault(tenantId);

    /// <summary>The tenant's score as the caller may see it, or null when it had no lease in force then.</summary>
    public ScoreView? Score(string tenantId, Month period, ClaimsPrincipal user, string? mall = null)
    {
        var score = Analysis(period, mall).Scores.FirstOrDefault(s => s.Frame.Metrics.TenantId == tenantId);
        return score is null ? null : ScoreView.Of(score, period, staff: !user.IsInRole(Role.Merchant));
    }

    public IReadOnlyList<FlagView> Flags(Month period, string? flag, string? mall = null)
    {
        if (flag is not null && !FlagCodes.All.Contains(flag))
        {
            throw new ArgumentException($"Unknown flag '{flag}'; use one of {string.Join(", ", FlagCodes.All)}.");
        }

        var analysis = Analysis(period, mall);
        return analysis.Flags.Where(f => flag is null || f.Code == flag).Select(f => FlagView.Of(f, analysis.Settings)).ToList();
    }

    /// <summary>
    /// Computes the latest month in the background (at start and after each load) so that the first caller does not
    /// wait for the analysis; a failure is logged and left for a request to meet again.
    /// </summary>
    public void WarmUpInBackground()
    {
        if (!options.WarmUp)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                // A portfolio's requests name their mall; the whole warehouse's month would be computed for nobody.
                if (facts.MallProblem(null, out _) is null && facts.LatestPeriod is { } latest)
                {
                    Analysis(latest);
                    log.LogInformation("Analysis of {Period} ready.", latest.ToString());
                }
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Warming up the latest month's analysis failed.");
            }
        });
    }

    /// <summary>The month's analysis (scores, flags, models): the stored one, read once per month until the next load.</summary>
    /// <param name="mall">The mall (?mall=); null: the whole warehouse.</param>
    public AnalysisResult Analysis(Month period, string? mall = null) =>
        cache.GetOrAdd("analysis" + (mall is null ? "" : ":" + mall), period, () =>
        {
            using var connection = warehouse.Connect();
            return AnalysisStore.Get(connection, mall, period, _settings, clock);
        });
}

/// <summary>A score as served. A merchant sees its pillars against peer medians; model outputs (risk) are for staff only.</summary>
internal sealed record ScoreView(
    string TenantId, string TenantName, string Category, string Period, double? Total, IReadOnlyList<PillarScore> Pillars,
    double? ExpectedDensity3m, double? ExpectedRatio, double? Risk)
{
    public static ScoreView Of(TenantScore s, Month period, bool staff)
    {
        var m = s.Frame.Metrics;
        return new ScoreView(m.TenantId, m.TenantName, m.Category, period.ToString(), s.Total, s.Pillars,
            staff ? s.ExpectedDensity3m : null, staff ? s.ExpectedRatio : null, staff ? s.Risk : null);
    }
}

/// <summary>A flag as served: code, priority, reasons in both languages, and the evidence figures by name.</summary>
internal sealed record FlagView(
    string TenantId, string TenantName, string Flag, string Priority, string Reasons, string ReasonsZh,
    IReadOnlyDictionary<string, object?> Evidence)
{
    public static FlagView Of(TenantFlag f, AnalysisSettings settings)
    {
        var values = f.Values(settings);
        var evidence = TenantFlag.Columns.Zip(values).ToDictionary(p => p.First, p => p.Second);
        var m = f.Score.Frame.Metrics;
        return new FlagView(m.TenantId, m.TenantName, f.Code, f.Priority.ToString().ToLowerInvariant(),
            f.ReasonsText("en"), f.ReasonsText("zh"), evidence);
    }
}
