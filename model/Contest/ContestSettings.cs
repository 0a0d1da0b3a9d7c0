namespace Analytics.Model.Contest;

/// <summary>
/// The rules of the sales contest (营业竞赛), docs/analysis.md "Sales contest": who may compete, how many make a
/// contest, and the margins a win needs. Settings JSON section <c>contest</c>.
/// </summary>
public sealed record ContestSettings
{
    /// <summary>A category holds a contest (of each kind) only with at least this many contestants.</summary>
    public int MinContestants { get; init; } = 3;

    /// <summary>A tenant competes only after this many whole months since its first lease started (ramp-up months are not comparable).</summary>
    public int RampUpMonths { get; init; } = 3;

    /// <summary>The most improved must beat its category's own movement by at least this much (0.05 = 5 percentage points).</summary>
    public double MinImprovement { get; init; } = 0.05;

    /// <summary>Contestants within this of the best score share the win (a hundredth of the median, or one percentage point).</summary>
    public double TieMargin { get; init; } = 0.01;
}
