using Analytics.Reports.Data;

namespace Analytics.Reports.Briefs.Weekly;

/// <summary>A section of the weekly brief (see <see cref="BriefSection{TBrief}"/> for the contract).</summary>
internal abstract class WeeklySection(WeeklyBrief brief) : BriefSection<WeeklyBrief>(brief)
{
    protected WeekData Data => Brief.Data;
}
