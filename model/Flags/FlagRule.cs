using Analytics.Model.Analysis;
using Analytics.Model.Scoring;

namespace Analytics.Model.Flags;

/// <summary>
/// One flag, whole: its code, its name in both languages, the sentences of the reasons it gives, how the monthly
/// brief lists and counts it, and the rule that raises it. Everything a new flag needs is one class deriving from
/// this, in its own file, plus its line in <see cref="FlagRules.All"/> (its thresholds go in
/// <see cref="FlagSettings"/>, the settings file's contract, when it needs new ones). A convention test fails when
/// a flag lacks a name, a reason sentence, its brief list title or its row in docs/analysis.md.
/// </summary>
public abstract class FlagRule
{
    /// <summary>The fixed code (exports, API, decisions); snake_case.</summary>
    public abstract string Code { get; }

    /// <summary>The flag's name in reports and lists.</summary>
    public abstract (string En, string Zh) Name { get; }

    /// <summary>The title of the flag's list in the monthly brief (a section or a sub-heading).</summary>
    public abstract (string En, string Zh) ListTitle { get; }

    /// <summary>
    /// Its part of the monthly brief's "the analysis flags ..." sentence, {0} being the count; null keeps the flag
    /// out of that sentence (watch: a list to keep an eye on, not a decision to take).
    /// </summary>
    public abstract (string En, string Zh)? BriefCount { get; }

    /// <summary>
    /// The sentence of every reason code only this flag gives, with {figure:format} placeholders (see
    /// <see cref="ReasonText"/>); reasons several flags give live in <see cref="ReasonText"/>.
    /// </summary>
    public abstract IReadOnlyDictionary<string, (string En, string Zh)> Reasons { get; }

    /// <summary>True for a flag raised only when no other flag explains the tenant (watch).</summary>
    public virtual bool OnlyWhenNoOther => false;

    /// <summary>The flag on the tenant with its evidence and reasons, or null when the rule does not fire.</summary>
    internal abstract TenantFlag? Evaluate(TenantScore s, AnalysisSettings settings, FlagContext context);

    /// <summary>The name in a language ("en", "zh", ...).</summary>
    public string NameIn(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Name.Zh : Name.En;

    /// <summary>True when every condition holds (the rule fires); the flag carries them all with their strengths.</summary>
    protected static bool All(params Condition[] conditions) => conditions.All(c => c.Holds);
}

/// <summary>What a rule may read besides the tenant's score: whether the risk model is used, and its base rate.</summary>
internal sealed record FlagContext(bool RiskModelUsed, double RiskBaseRate);
