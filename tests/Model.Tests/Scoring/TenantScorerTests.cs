using Analytics.Model.Analysis;
using Analytics.Model.Scoring;
using Analytics.Model.Tests.Support;

namespace Analytics.Model.Tests.Scoring;

public sealed class TenantScorerTests : IDisposable
{
    private readonly Scenario _s = new();

    public void Dispose() => _s.Dispose();

    [Theory]
    [InlineData(0.5, 0.5, 1.5, 0)]
    [InlineData(1.0, 0.5, 1.5, 50)]
    [InlineData(2.0, 0.5, 1.5, 100)]
    [InlineData(45.0, 90, 0, 50)]   // a "lower is better" band: 90 days scores 0, 0 days scores 100
    [InlineData(120.0, 90, 0, 0)]
    public void Band_RawValue_LinearBetweenWorstAndBestClamped(double value, double worst, double best, double expected)
    {
        TenantScorer.Band(value, worst, best).Should().Be(expected);
    }

    [Fact]
    public void Band_NoValue_NoScore()
    {
        TenantScorer.Band(null, 0, 1).Should().BeNull();
    }

    [Fact]
    public void Score_BetterOperator_HigherTotalAndPillarsBesidePeerMedians()
    {
        _s.Peers().Footfall()
            .Tenant("GOOD", "fashion", m => 150_000 * Scenario.Wiggle("GOOD", m))
            .Tenant("POOR", "fashion", m => 50_000 * Scenario.Wiggle("POOR", m), unpaidFrom: new DateOnly(2025, 4, 1));

        var scores = _s.Analyse().Scores.ToDictionary(x => x.Frame.Metrics.TenantId);

        scores["GOOD"].Total.Should().BeGreaterThan(scores["POOR"].Total!.Value + 20);
        var productivity = scores["GOOD"].Pillars.Single(p => p.Name == "productivity");
        productivity.Raw.Should().BeApproximately(1500, 60, "150,000 a month on 100 m²");
        productivity.PeerMedian.Should().BeApproximately(1000, 40);
        scores["POOR"].Pillars.Single(p => p.Name == "payment").Score.Should().BeLessThan(60);
        scores["GOOD"].Pillars.Select(p => p.Name).Should().Equal(TenantScore.PillarNames);
    }

    [Fact]
    public void Score_PillarWithoutData_WeightSpreadOverTheOthers()
    {
        // Why: a tenant that never reports receipts has no complaint rate; its total must not be dragged to 0 by it.
        _s.Peers().Footfall().Tenant("X", "fashion", m => 100_000 * Scenario.Wiggle("X", m), receipts: _ => null);

        var x = _s.Analyse().Scores.Single(s => s.Frame.Metrics.TenantId == "X");
        var known = x.Pillars.Where(p => p.Score is not null).ToList();

        x.Pillars.Single(p => p.Name == "customer").Score.Should().BeNull();
        x.Total.Should().BeApproximately(known.Sum(p => p.Score!.Value * p.Weight) / known.Sum(p => p.Weight), 0.05);
    }
}
