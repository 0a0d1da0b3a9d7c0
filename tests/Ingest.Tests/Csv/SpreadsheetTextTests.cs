using Analytics.Ingest.Csv;

namespace Analytics.Ingest.Tests.Csv;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("+3", "+3")]
    [InlineData("1e5", "1e5")]
    [InlineData("喜茶 = 好", "喜茶 = 好")]
    [InlineData("", "")]
    public void Neutralise_PrefixesFormulaStartsOnly(string text, string expected) =>
        SpreadsheetText.Neutralise(text).Should().Be(expected);

    [Fact]
    public void CsvField_NeutralisesThenQuotes() =>
        SpreadsheetText.CsvField("=1,2").Should().Be("\"'=1,2\"");
}
