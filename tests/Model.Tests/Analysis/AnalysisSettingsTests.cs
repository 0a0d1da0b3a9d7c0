using Analytics.Model.Analysis;

namespace Analytics.Model.Tests.Analysis;

public sealed class AnalysisSettingsTests
{
    [Fact]
    public void Load_PartialJson_OverridesOnlyWhatItNames()
    {
        var path = Path.Combine(Path.GetTempPath(), $"settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "min_peers": 4, "flags": { "replace_peer_ratio": 0.6 }, "ocr_bands": { "Toys": { "low": 0.09, "high": 0.13 } } }
            """);
        try
        {
            var s = AnalysisSettings.Load(path);

            s.MinPeers.Should().Be(4);
            s.Flags.ReplacePeerRatio.Should().Be(0.6);
            s.Flags.ReplaceMinMonthsOpen.Should().Be(6, "unnamed thresholds keep their defaults");
            s.BandOf("toys").Should().Be(new OcrBand(0.09, 0.13), "category names match in any case");
            s.BandOf("unknown trade").Should().Be(s.DefaultOcrBand);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_NotJson_IsAUserError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "min_peers = 4");
        try
        {
            var act = () => AnalysisSettings.Load(path);

            act.Should().Throw<Analytics.Ingest.UserError>().WithMessage("*not valid JSON*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
