namespace Analytics.Model.Tests.Periods;

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

    [Theory]
    [InlineData("2026-W44", true)]
    [InlineData("2026-w44", false)]      // a week's folder and file names are written with W: a URL names them so
    [InlineData("2026-W44\n", false)]
    [InlineData("0000-W01", false)]
    [InlineData("2025-W53", false)]      // 2025 has 52 ISO weeks
    [InlineData("2026-W53", true)]
    public void TryParseForBinding_TakesTheCanonicalTextOnly(string text, bool parses)
    {
        IsoWeek.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var week).Should().Be(parses);
        if (parses)
        {
            week!.ToString().Should().Be(text);
        }
    }

    [Theory]
    [InlineData("2026-11-01", "2026-10")]   // sales to 1 Nov only: November is not complete yet
    [InlineData("2026-11-30", "2026-11")]
    [InlineData(null, "2026-10")]
    public void FlagMonth_IsTheMonthTheWeekEndsIn_OnceItIsComplete(string? lastSalesDay, string expected)
    {
        var week = IsoWeek.Parse("2026-W48");   // Monday 23 Nov to Sunday 29 Nov 2026
        var last = lastSalesDay is null ? (DateOnly?)null : DateOnly.Parse(lastSalesDay, System.Globalization.CultureInfo.InvariantCulture);

        week.FlagMonth(last).ToString().Should().Be(expected);
    }
}
