using Analytics.Model.Flags;

namespace Analytics.Model.Decisions;

/// <summary>What the leasing team can decide on a flag.</summary>
public static class DecisionActions
{
    /// <summary>Act on it: start the replacement or the rent talk.</summary>
    public const string Accept = "accept";

    /// <summary>Not now: quiet until a date.</summary>
    public const string Defer = "defer";

    /// <summary>Not a case, for a stated reason.</summary>
    public const string Dismiss = "dismiss";

    public static readonly string[] All = [Accept, Defer, Dismiss];
}

/// <summary>
/// One decision on one flag of one tenant (the 租户调整 workflow): who, when, on which flag of which month, what, and the
/// tenant's score at that time, the evidence a later month is compared with.
/// </summary>
public sealed record FlagDecision(
    long Id, DateTime DecidedAt, string DecidedBy, string TenantId, string Flag, DateOnly Period, string Action,
    DateOnly? Until, string Note, double? Score)
{
    /// <summary>
    /// A dismissed or deferred flag comes back as new when the tenant's score has fallen by at least this many points
    /// (of 100) below its score when the decision was taken: the score weighs every pillar the flags read, and ten
    /// points is more than a month's ordinary movement, so only a clear worsening reopens the case.
    /// </summary>
    public const double WorsenedByPoints = 10;

    /// <summary>True when the score has fallen by <see cref="WorsenedByPoints"/> or more since the decision.</summary>
    public bool Worsened(double? currentScore) => Score is { } then && currentScore is { } now && now <= then - WorsenedByPoints;

    /// <summary>
    /// Whether the decision still keeps the flag from being reported as new on <paramref name="asOf"/>: an accepted flag
    /// is being acted on (it shows its progress instead); a deferred one until its date passes; a dismissed one for
    /// good; deferred and dismissed ones only while the evidence has not clearly worsened.
    /// </summary>
    public bool Quiets(DateOnly asOf, double? currentScore) => Action switch
    {
        DecisionActions.Accept => true,
        DecisionActions.Defer => Until is { } until && asOf <= until && !Worsened(currentScore),
        DecisionActions.Dismiss => !Worsened(currentScore),
        _ => false,
    };

    /// <summary>The decision in one sentence, in English ("en") or Chinese ("zh"), as the workspace and the briefs show it.</summary>
    public string Describe(string language)
    {
        var zh = language == "zh";
        var day = DateOnly.FromDateTime(DecidedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var what = Action switch
        {
            DecisionActions.Accept => zh ? "已采纳（启动更替或租金谈判）" : "accepted (replacement or rent talk started)",
            DecisionActions.Defer => zh
                ? $"暂缓至 {Until:yyyy-MM-dd}"
                : $"deferred until {Until:yyyy-MM-dd}",
            _ => zh ? "已驳回" : "dismissed",
        };
        var note = string.IsNullOrWhiteSpace(Note) ? "" : (zh ? "：" : ": ") + Note;
        return zh ? $"决定：{what}（{DecidedBy}，{day}）{note}" : $"Decision: {what} ({DecidedBy}, {day}){note}";
    }

    /// <summary>
    /// The flags of a month that are new as of a day: not raised the month before, or reopened because their decision
    /// no longer holds; never one a standing decision keeps quiet. Decisions: the latest per tenant and flag.
    /// </summary>
    public static IReadOnlyList<TenantFlag> NewFlags(
        IReadOnlyList<TenantFlag> current, IReadOnlySet<(string TenantId, string Code)> previous,
        IReadOnlyDictionary<(string TenantId, string Flag), FlagDecision> decisions, DateOnly asOf) =>
        current.Where(f =>
        {
            var key = (f.Score.Frame.Metrics.TenantId, f.Code);
            return decisions.TryGetValue(key, out var d)
                ? !d.Quiets(asOf, f.Score.Total)
                : !previous.Contains(key);
        }).ToList();
}
