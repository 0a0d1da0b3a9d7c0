using Analytics.Ingest;
using Analytics.Reports.Language;

namespace Analytics.Reports.Tests.Language;

public sealed class ReportLanguageTests
{
    [Theory]
    [InlineData("en", 1234567.4, "¥1,234,567")]
    [InlineData("zh", 1234567.5, "¥1,234,568")]
    [InlineData("zh", -2500, "-¥2,500")]
    [InlineData("en", 0, "¥0")]
    public void Money_WholeUnits_SymbolFirstWithThousandsSeparators(string code, double amount, string expected)
    {
        ReportLanguage.Parse(code).Money((decimal)amount).Should().Be(expected);
    }

    [Fact]
    public void Money_WithDecimals_KeepsThem()
    {
        ReportLanguage.Chinese.Money(1250.5m, decimals: 2).Should().Be("¥1,250.50");
        ReportLanguage.English.Money(1250m, currencySymbol: "HK$").Should().Be("HK$1,250");
    }

    [Fact]
    public void Percent_Ratio_OneDecimalByDefault()
    {
        ReportLanguage.English.Percent(0.1234).Should().Be("12.3%");
        ReportLanguage.Chinese.Percent(0.96249, 2).Should().Be("96.25%");
    }

    [Theory]
    [InlineData(0.045, "+4.5%")]
    [InlineData(-0.004, "-0.4%")]
    [InlineData(0.0001, "0.0%")]
    [InlineData(-0.0001, "0.0%")]
    public void SignedPercent_Change_ShowsItsSign(double change, string expected)
    {
        ReportLanguage.English.SignedPercent(change).Should().Be(expected);
    }

    [Fact]
    public void Number_Counts_HaveThousandsSeparators()
    {
        ReportLanguage.Chinese.Number(1284310).Should().Be("1,284,310");
        ReportLanguage.English.Number(3.25m, 1).Should().Be("3.3");
    }

    [Fact]
    public void DateAndMonth_EachLanguage_UsesItsOwnForm()
    {
        var date = new DateOnly(2026, 11, 7);
        ReportLanguage.English.Date(date).Should().Be("7 Nov 2026");
        ReportLanguage.Chinese.Date(date).Should().Be("2026年11月7日");
        ReportLanguage.English.Month(2026, 9).Should().Be("September 2026");
        ReportLanguage.Chinese.Month(2026, 9).Should().Be("2026年9月");
    }

    [Fact]
    public void PageOf_EachLanguage_FillsNumberAndTotal()
    {
        ReportLanguage.English.PageOf(2, 5).Should().Be("Page 2 of 5");
        ReportLanguage.Chinese.PageOf(2, 5).Should().Be("第 2 页，共 5 页");
    }

    [Fact]
    public void Parse_UnknownCode_IsAUserError()
    {
        var act = () => ReportLanguage.Parse("fr");
        act.Should().Throw<UserError>().WithMessage("*'fr'*en or zh*");
        ReportLanguage.Parse(" ZH ").Should().BeSameAs(ReportLanguage.Chinese);
    }

    [Fact]
    public void Label_EveryKey_HasEnglishAndChineseText()
    {
        foreach (var key in Labels.Keys)
        {
            ReportLanguage.English.Label(key).Should().NotBeNullOrWhiteSpace(key);
            ReportLanguage.Chinese.Label(key).Should().NotBeNullOrWhiteSpace(key);
            ReportLanguage.Chinese.Label(key).Should().NotBe(ReportLanguage.English.Label(key), "{0} is translated", key);
        }
    }

    [Fact]
    public void Label_UnknownKey_Throws()
    {
        var act = () => ReportLanguage.English.Label("no_such_label");
        act.Should().Throw<KeyNotFoundException>();
    }
}
