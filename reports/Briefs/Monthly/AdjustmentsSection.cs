using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>The list of every other flag, under its rule's list title (model/Flags).</summary>
internal sealed class AdjustmentsSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_adjustments");

    public override void Compose(ContentBuilder content)
    {
        foreach (var rule in FlagRules.All.Where(r => r.Code != FlagCodes.Replace))
        {
            content.Heading2(Language.Pick(rule.ListTitle));
            FlagTable(content, Flagged(rule.Code), withOpportunity: false);
        }
    }
}
