using Analytics.Reports.Tests.Support;

namespace Analytics.Reports.Tests.Visual;

/// <summary>
/// The first page of each document type on the sample drop, in both languages, against a committed reference. The
/// references follow the sample: after an intended change of a document or of the committed sample, refresh them
/// with UPDATE_VISUALS=1 (see <see cref="VisualComparison"/>) and look at them before committing.
/// </summary>
[Collection(SampleReportsCollection.Name)]
public sealed class DocumentVisualTests(SampleReports sample)
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Monthly_FirstPage_LooksLikeTheReference(string code) =>
        VisualComparison.AssertPageMatches(sample.Monthly[code], 1, $"monthly-{code}-page1.png");

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Weekly_FirstPage_LooksLikeTheReference(string code) =>
        VisualComparison.AssertPageMatches(sample.Weekly[code], 1, $"weekly-{code}-page1.png");

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Merchant_FirstPage_LooksLikeTheReference(string code)
    {
        // The first replacement candidate: a sheet with arrears, complaints and weak pillars, so every part shows.
        var id = sample.Data.Analysis.Flags.First(f => f.Code == Analytics.Model.Flags.FlagCodes.Replace).Score.Frame.Metrics.TenantId;
        var sheet = sample.Merchants[code].Single(f => f.FileName.StartsWith($"merchant-{id}-", StringComparison.Ordinal));

        VisualComparison.AssertPageMatches(sheet.Pdf, 1, $"merchant-{code}-page1.png");
    }
}
