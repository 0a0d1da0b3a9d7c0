using Analytics.Reports.Data;

namespace Analytics.Reports.Tests.Data;

public sealed class IsoWeekTests
{
    [Theory]
    [InlineData("2026-W54")]
    [InlineData("2026-44")]
    [InlineData("W44")]
    public void IsoWeekParse_NotAWeek_IsAUserError(string text)
    {
        var act = () => IsoWeek.Parse(text);

        act.Should().Throw<Analytics.Ingest.UserError>().WithMessage("*YYYY-Www*");
    }

    [Fact]
    public void IsoWeek_2026W44_RunsMondayToSundayAndComparesWith52WeeksBefore()
    {
        var week = IsoWeek.Parse("2026-w44");

        week.Monday.Should().Be(new DateOnly(2026, 10, 26));
        week.Sunday.Should().Be(new DateOnly(2026, 11, 1));
        week.Previous.ToString().Should().Be("2026-W43");
        week.SameWeekLastYear.Monday.Should().Be(new DateOnly(2025, 10, 27));
        week.SameWeekLastYear.Monday.DayOfWeek.Should().Be(DayOfWeek.Monday);
        IsoWeek.LastCompleteOn(new DateOnly(2026, 10, 31)).ToString().Should().Be("2026-W43");
        IsoWeek.LastCompleteOn(new DateOnly(2026, 11, 1)).ToString().Should().Be("2026-W44");
    }
}
