using Analytics.Model.Analysis;
using Analytics.Model.Scoring;

namespace Analytics.Model.Flags;

/// <summary>
/// The flag rules (docs/analysis.md, "Flags"), in the order flags are listed. Each rule reads the month's frame, the
/// unit's expected density and the risk model's probability, and, when it fires, returns a flag with its evidence
/// and reasons as data.
/// </summary>
public static class FlagRules
{
    /// <summary>Every flag; a new flag is one <see cref="FlagRule"/> class and its line here.</summary>
    public static IReadOnlyList<FlagRule> All { get; } =
    [
        new ReplaceRule(),
        new RentReliefRule(),
        new RentReviewUpRule(),
        new ImprovementPlanRule(),
        new SalesAuditRule(),
        new WatchRule(),
    ];

    /// <summary>The rule of a code, or null for a code no rule has.</summary>
    public static FlagRule? Find(string code) => All.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));

    internal static IReadOnlyList<TenantFlag> Evaluate(IReadOnlyList<TenantScore> scores, AnalysisSettings settings, bool riskModelUsed, double riskBaseRate)
    {
        var context = new FlagContext(riskModelUsed, riskBaseRate);
        var flags = new List<TenantFlag>();
        foreach (var s in scores)
        {
            var own = Raised(All.Where(r => !r.OnlyWhenNoOther), s, settings, context);
            if (own.Count == 0)
            {
                own = Raised(All.Where(r => r.OnlyWhenNoOther), s, settings, context);
            }

            flags.AddRange(own);
        }

        // Within a flag: priority first, then the rule's own ranking figure (re-letting opportunity for replace).
        return flags
            .OrderBy(f => Array.IndexOf(FlagCodes.All, f.Code))
            .ThenBy(f => f.Priority)
            .ThenByDescending(f => f.RankValue)
            .ThenBy(f => f.Score.Frame.Metrics.MallId, StringComparer.Ordinal)
            .ThenBy(f => f.Score.Frame.Metrics.TenantId, StringComparer.Ordinal)
            .ToList();
    }

    private static List<TenantFlag> Raised(IEnumerable<FlagRule> rules, TenantScore s, AnalysisSettings settings, FlagContext context) =>
        rules.Select(r => r.Evaluate(s, settings, context)).OfType<TenantFlag>().ToList();
}
