using System.Runtime.CompilerServices;
using Analytics.Reports.Tests.Support;
using SkiaSharp;

namespace Analytics.Reports.Tests.Visual;

/// <summary>
/// Renders a PDF page to PNG with pdftoppm (poppler) and compares it with a committed reference image in this
/// folder. A page that changes unexpectedly fails the test; after an intended change, refresh the references:
/// <c>UPDATE_VISUALS=1 dotnet test tests/Reports.Tests --filter Visual</c>, look at the new PNGs, commit them.
/// </summary>
internal static class VisualComparison
{
    public const int Dpi = 60;

    // Channel difference above which a pixel counts as changed (anti-aliasing noise stays below it), and how
    // many changed pixels are tolerated on a page: a few, far fewer than one changed figure or a recoloured
    // cell. Rendering is deterministic on one machine kind, so an unchanged page differs by none.
    private const int ChannelTolerance = 40;
    private const int ChangedPixelsAllowed = 12;

    public static void AssertPageMatches(byte[] pdf, int page, string referenceName, [CallerFilePath] string callerPath = "")
    {
        // The source folder, so that UPDATE_VISUALS writes where git sees it; a build with mapped source paths
        // (ContinuousIntegrationBuild) has no such folder and reads the copies next to the test assembly.
        var sourceFolder = Path.GetDirectoryName(callerPath);
        var referencePath = Directory.Exists(sourceFolder)
            ? Path.Combine(sourceFolder, referenceName)
            : Path.Combine(AppContext.BaseDirectory, "Visual", referenceName);
        var actualPath = RenderPage(pdf, page);

        if (Environment.GetEnvironmentVariable("UPDATE_VISUALS") == "1")
        {
            File.Copy(actualPath, referencePath, overwrite: true);
            return;
        }
        File.Exists(referencePath).Should().BeTrue(
            "the reference {0} exists (create it with UPDATE_VISUALS=1 and check it by eye); this render is at {1}", referencePath, actualPath);

        using var expected = SKBitmap.Decode(referencePath);
        using var actual = SKBitmap.Decode(actualPath);
        actual.Width.Should().Be(expected.Width, "the page size is unchanged (render at {0})", actualPath);
        actual.Height.Should().Be(expected.Height, "the page size is unchanged (render at {0})", actualPath);

        var expectedPixels = expected.Pixels;
        var actualPixels = actual.Pixels;
        var isChanged = new bool[expectedPixels.Length];
        var changed = 0;
        for (var i = 0; i < expectedPixels.Length; i++)
        {
            var a = expectedPixels[i];
            var b = actualPixels[i];
            var delta = Math.Max(Math.Abs(a.Red - b.Red), Math.Max(Math.Abs(a.Green - b.Green), Math.Abs(a.Blue - b.Blue)));
            isChanged[i] = delta > ChannelTolerance;
            changed += isChanged[i] ? 1 : 0;
        }

        var diffPath = Path.ChangeExtension(actualPath, ".diff.png");
        if (changed > ChangedPixelsAllowed)
        {
            // The new render, faded, with the changed pixels in red.
            using var diff = new SKBitmap(expected.Width, expected.Height);
            diff.Pixels = actualPixels.Select((p, i) => isChanged[i] ? SKColors.Red : new SKColor(p.Red, p.Green, p.Blue, 60)).ToArray();
            using var stream = File.Create(diffPath);
            diff.Encode(stream, SKEncodedImageFormat.Png, 100);
        }
        changed.Should().BeLessThanOrEqualTo(ChangedPixelsAllowed,
            "page {0} should look like {1}; this render is {2}, changed pixels in red in {3}. If the change is intended, run with UPDATE_VISUALS=1",
            page, referencePath, actualPath, diffPath);
        File.Delete(actualPath); // kept only when the page differs, to be looked at

    }

    private static string RenderPage(byte[] pdf, int page)
    {
        var pdfPath = TestReports.TempFile(".pdf");
        File.WriteAllBytes(pdfPath, pdf);
        var prefix = Path.ChangeExtension(pdfPath, null);
        var p = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exitCode, output) = TestReports.Run("pdftoppm", $"-png -r {Dpi} -f {p} -l {p} -singlefile {pdfPath} {prefix}");
        File.Delete(pdfPath);
        exitCode.Should().Be(0, output);
        return prefix + ".png";
    }
}
