using Analytics.Model.Analysis;
using Analytics.Model.Decisions;
using Analytics.Model.Flags;
using Analytics.Model.Frame;
using Analytics.Model.Metrics;
using Analytics.Model.Scoring;

namespace Analytics.Model.Tests.Decisions;

/// <summary>Which flags are "new" once the leasing team has decided on some: the rule the weekly brief and the workspace share.</summary>
public sealed class FlagDecisionTests
{
    private static readonly DateOnly Period = new(2026, 10, 1);
    private static readonly DateOnly AsOf = new(2026, 11, 8);

    [Fact]
    public void WithoutDecisions_NewIsWhatTheMonthBeforeDidNotRaise()
    {
        var flags = new[] { Flag("T1", 40), Flag("T2", 40) };

        var fresh = FlagDecision.NewFlags(flags, new HashSet<(string, string)> { ("T1", FlagCodes.Replace) }, Decided(), AsOf);

        fresh.Select(Id).Should().Equal("T2");
    }

    [Theory]
    [InlineData(DecisionActions.Accept, null, 40.0, false)]            // being acted on: shows its progress instead
    [InlineData(DecisionActions.Dismiss, null, 40.0, false)]           // dismissed, evidence unchanged
    [InlineData(DecisionActions.Dismiss, null, 30.5, false)]           // fell 9.5 points: not clearly worse
    [InlineData(DecisionActions.Dismiss, null, 30.0, true)]            // fell 10 points: reopened
    [InlineData(DecisionActions.Defer, "2026-12-31", 40.0, false)]     // deferred, date not reached
    [InlineData(DecisionActions.Defer, "2026-11-07", 40.0, true)]      // deferral ran out the day before
    [InlineData(DecisionActions.Defer, "2026-12-31", 29.0, true)]      // deferred, but clearly worse
    public void StandingDecision_DecidesWhetherTheFlagIsNew(string action, string? until, double scoreNow, bool isNew)
    {
        var decision = new FlagDecision(1, new DateTime(2026, 11, 2), "leasing", "T1", FlagCodes.Replace, Period, action,
            until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), "note", Score: 40);

        // Raised the month before too: without the decision it would not be new; a lapsed decision makes it new again.
        var fresh = FlagDecision.NewFlags([Flag("T1", scoreNow)], new HashSet<(string, string)> { ("T1", FlagCodes.Replace) }, Decided(decision), AsOf);

        fresh.Any().Should().Be(isNew);
    }

    [Fact]
    public void Describe_SaysWhatWasDecided_InBothLanguages()
    {
        var d = new FlagDecision(1, new DateTime(2026, 11, 2, 9, 0, 0), "王经理", "T1", FlagCodes.Replace, Period, DecisionActions.Defer,
            new DateOnly(2027, 3, 31), "等一季度销售", 40);

        d.Describe("en").Should().Be("Decision: deferred until 2027-03-31 (王经理, 2026-11-02): 等一季度销售");
        d.Describe("zh").Should().Be("决定：暂缓至 2027-03-31（王经理，2026-11-02）：等一季度销售");
    }

    private static string Id(TenantFlag f) => f.Score.Frame.Metrics.TenantId;

    private static Dictionary<(string, string), FlagDecision> Decided(params FlagDecision[] decisions) =>
        decisions.ToDictionary(d => (d.TenantId, d.Flag));

    private static TenantFlag Flag(string tenant, double score) => new(
        new TenantScore(new TenantFrame
        {
            Metrics = new TenantMetricsRow { MallId = "main", TenantId = tenant, TenantName = "商户" + tenant, Category = "fashion", UnitId = "U1", Period = Period },
        }, score, [], null, null, null),
        FlagCodes.Replace, Priority.High, 0, []);
}
