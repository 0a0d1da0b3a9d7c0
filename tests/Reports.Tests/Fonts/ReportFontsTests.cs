using Analytics.Ingest;
using Analytics.Reports.Fonts;
using Analytics.Reports.Tests.Support;
using SkiaSharp;

namespace Analytics.Reports.Tests.Fonts;

public sealed class ReportFontsTests
{
    [Fact]
    public void Load_MissingFolder_TellsToRunTheInstallScript()
    {
        var folder = Path.Combine(Path.GetTempPath(), "no-fonts-" + Guid.NewGuid().ToString("N"));

        var act = () => ReportFonts.Load(new FontSettings(folder));

        act.Should().Throw<UserError>().WithMessage($"*{folder}*scripts/install-fonts.sh*");
    }

    [Fact]
    public void Load_UnprocessedNotoFace_IsRefused()
    {
        // Debian's own collection copied under the expected file names: its first face, like every face the
        // script has not processed, maps the radicals and must not be used.
        const string debianCollection = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
        File.Exists(debianCollection).Should().BeTrue("install-fonts.sh installs fonts-noto-cjk");
        var folder = Directory.CreateTempSubdirectory("raw-fonts-").FullName;
        File.Copy(debianCollection, Path.Combine(folder, FontSettings.RegularFileName));
        File.Copy(debianCollection, Path.Combine(folder, FontSettings.BoldFileName));

        var act = () => ReportFonts.Load(new FontSettings(folder));

        act.Should().Throw<UserError>().WithMessage("*not built by scripts/install-fonts.sh*");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Load_InstalledFonts_CoverLatinAndChineseInBothWeights()
    {
        var fonts = TestReports.Fonts;

        foreach (var face in new[] { fonts.Regular, fonts.Bold })
        {
            face.FamilyName.Should().Be("Noto Sans CJK SC");
            face.ContainsGlyphs("Tenant 商户戶月 ¥1,234.5% （）《》「」，。㎡²").Should().BeTrue();
        }
        fonts.Bold.FontStyle.Weight.Should().BeGreaterThan(fonts.Regular.FontStyle.Weight);
    }

    [Fact]
    public void Load_InstalledFonts_HaveNoKangxiRadicalCodePoints()
    {
        // The install script drops them so that shared glyphs extract as the ideograph (月), not U+2F49.
        TestReports.Fonts.Regular.ContainsGlyphs("\u2F49").Should().BeFalse();
        TestReports.Fonts.Bold.ContainsGlyphs("\u2F3E").Should().BeFalse();
    }

    [Fact]
    public void Load_InstalledFonts_BoundingBoxIsTheLineBox()
    {
        // ScottPlot places text from the font's bounding box (Top/Bottom); Noto's own box (-1.05..1.81 em)
        // clipped legend entries and rotated axis labels. The script narrows it to the line metrics.
        using var font = new SKFont(TestReports.Fonts.Regular, 100);
        font.GetFontMetrics(out var metrics);

        metrics.Top.Should().BeApproximately(metrics.Ascent, 0.01f);
        metrics.Bottom.Should().BeApproximately(metrics.Descent, 0.01f);
    }

    [Fact]
    public void Load_SameFolderTwice_ReturnsTheSameTypefaces()
    {
        var settings = FontSettings.Default;
        ReportFonts.Load(settings).Regular.Should().BeSameAs(ReportFonts.Load(settings with { }).Regular);
    }
}
