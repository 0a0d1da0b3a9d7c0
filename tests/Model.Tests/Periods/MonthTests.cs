namespace Analytics.Model.Tests.Periods;

public sealed class MonthTests
{
    [Theory]
    [InlineData("2026-10", 2026, 10)]
    [InlineData("0001-01", 1, 1)]
    [InlineData("9999-12", 9999, 12)]
    public void TryParse_YyyyMm_GivesTheMonth(string text, int year, int number)
    {
        Month.TryParse(text, out var month).Should().BeTrue();

        month.Should().Be(new Month(year, number));
        month.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("0000-01")]                  // year 0 is not a year
    [InlineData("2026-10\n")]                // a regex's $ lets a trailing line break through
    [InlineData(" 2026-10")]                 // nothing before or after
    [InlineData("2026-10 ")]
    [InlineData("2026-1")]
    [InlineData("26-10")]
    [InlineData("2026/10")]
    [InlineData("2026-10-01")]
    [InlineData("٢٠٢٦-١٠")]                  // Arabic-Indic digits: \d takes them, we do not
    [InlineData("２０２６-１０")]              // full-width digits
    [InlineData("+026-10")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingElse_IsNotAMonth(string? text)
    {
        Month.TryParse(text, out _).Should().BeFalse();
        Month.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _).Should().BeFalse("binding uses the same rule");
    }

    [Fact]
    public void Parse_ForgivesSpacesAround_AndNamesABadValueInOneSentence()
    {
        Month.Parse("  2026-10 ").Should().Be(new Month(2026, 10));

        var act = () => Month.Parse("2026-13\n");

        act.Should().Throw<Analytics.Ingest.UserError>().WithMessage("The period '2026-13?' is not a month in the form YYYY-MM.");
    }

    [Theory]
    [InlineData(2026, 1, -1, 2025, 12)]
    [InlineData(2025, 12, 1, 2026, 1)]
    [InlineData(2026, 10, -12, 2025, 10)]
    [InlineData(2026, 10, -23, 2024, 11)]
    [InlineData(2024, 2, 12, 2025, 2)]
    public void AddMonths_CrossesYearEnds(int year, int number, int months, int toYear, int toNumber) =>
        new Month(year, number).AddMonths(months).Should().Be(new Month(toYear, toNumber));

    [Theory]
    [InlineData(2024, 2, "2024-02-01", "2024-02-29")]   // leap year
    [InlineData(2025, 2, "2025-02-01", "2025-02-28")]
    [InlineData(2026, 12, "2026-12-01", "2026-12-31")]
    [InlineData(2026, 4, "2026-04-01", "2026-04-30")]
    public void FirstAndLast_AreTheMonthsFirstAndLastDays(int year, int number, string first, string last)
    {
        var month = new Month(year, number);

        month.First.Should().Be(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture));
        month.Last.Should().Be(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
        Month.Of(month.First).Should().Be(month);
        Month.Of(month.Last).Should().Be(month);
        month.Contains(month.Last).Should().BeTrue();
        month.Contains(month.Last.AddDays(1)).Should().BeFalse();
    }

    [Fact]
    public void Order_IsCalendarOrder_AcrossYears()
    {
        Month[] months = [new(2026, 1), new(2025, 12), new(2026, 10), new(2025, 2), new(2026, 2)];

        months.Order().Select(m => m.ToString()).Should().Equal("2025-02", "2025-12", "2026-01", "2026-02", "2026-10");
        (new Month(2025, 12) < new Month(2026, 1)).Should().BeTrue();
        (new Month(2026, 1) > new Month(2025, 12)).Should().BeTrue();
        (new Month(2026, 1) <= new Month(2026, 1)).Should().BeTrue();
        (new Month(2026, 2) >= new Month(2026, 3)).Should().BeFalse();
    }

    [Fact]
    public void Text_IsYyyyMmInEveryForm_AndADayFormatIsAMistake()
    {
        var month = new Month(987, 3);

        $"{month}".Should().Be("0987-03");
        month.ToString("yyyy-MM", null).Should().Be("0987-03");
        var act = () => month.ToString("yyyy-MM-dd", null);
        act.Should().Throw<FormatException>();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10000, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, 13)]
    public void Constructor_OutOfRange_Throws(int year, int number)
    {
        var act = () => new Month(year, number);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
