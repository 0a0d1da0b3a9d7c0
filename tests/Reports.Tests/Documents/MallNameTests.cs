using Analytics.Reports.Tests.Support;

namespace Analytics.Reports.Tests.Documents;

/// <summary>The documents name the mall from the malls dataset (the English name in English documents), never its id.</summary>
[Collection(SampleReportsCollection.Name)]
public sealed class MallNameTests(SampleReports sample)
{
    [Theory]
    [InlineData("en", "GalaxyPlace")]
    [InlineData("zh", "星河汇购物中心")]
    public void Briefs_Sample_NameTheMallNotItsId(string code, string name)
    {
        foreach (var pdf in new[] { sample.Monthly[code], sample.Weekly[code] })
        {
            var text = SampleReports.Flat(pdf);
            text.Should().Contain(name).And.NotContain("Mallmain").And.NotContain("项目main");
        }

        SampleReports.Flat(sample.Merchants[code][0].Pdf).Should().Contain(name, because: "the sheet says whose operations team prepared it");
    }
}
