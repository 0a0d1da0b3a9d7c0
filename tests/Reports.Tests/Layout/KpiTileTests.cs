using Analytics.Reports.Layout;

namespace Analytics.Reports.Tests.Layout;

public sealed class KpiTileTests
{
    [Theory]
    [InlineData(0.05, true, "Good")]
    [InlineData(-0.05, true, "Bad")]
    [InlineData(0.05, false, "Bad")]   // arrears up is bad news
    [InlineData(-0.05, false, "Good")]
    [InlineData(0.0001, true, "Neutral")] // rounds to 0.0%: no colour for no change
    [InlineData(double.NaN, true, "Neutral")]
    public void ToneOf_Change_DependsOnDirectionAndWhichWayIsBetter(double change, bool higherIsBetter, string expected)
    {
        // The tone is passed by name: KpiTone is internal and xunit theories must be public.
        KpiTile.ToneOf(change, higherIsBetter).Should().Be(Enum.Parse<KpiTone>(expected));
    }
}
