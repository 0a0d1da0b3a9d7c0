using System.Diagnostics;
using Analytics.Reports.Fonts;
using Analytics.Reports.Layout;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests.Support;

/// <summary>Renders documents with the real fonts and reads them back with PdfPig.</summary>
internal static class TestReports
{
    public static readonly DateTimeOffset Now = new(2026, 10, 27, 6, 30, 0, TimeSpan.Zero);

    /// <summary>The fonts built by scripts/install-fonts.sh; a clear failure when the script has not run.</summary>
    public static ReportFonts Fonts => ReportFonts.Load(FontSettings.Default);

    public static byte[] Render(ReportDocument document, DateTimeOffset? now = null) =>
        new PdfRenderer(Fonts, new FakeTimeProvider(now ?? Now)).Render(document);

    public static PdfDocument Open(byte[] pdf) => PdfDocument.Open(pdf);

    /// <summary>The text of each page, as PdfPig extracts it (words joined by spaces).</summary>
    public static List<string> PageTexts(byte[] pdf)
    {
        using var document = Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    /// <summary>Runs a command-line tool (qpdf, pdftoppm) and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Run(string tool, string arguments)
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{tool} is not installed: run scripts/install-fonts.sh --test-tools (it installs qpdf and poppler-utils).");
        using var process = Process.Start(new ProcessStartInfo(path, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static string TempFile(string extension)
    {
        var dir = Path.Combine(Path.GetTempPath(), "reports-tests");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, Guid.NewGuid().ToString("N") + extension);
    }
}

/// <summary>The page template of <see cref="TestDocument"/>.</summary>
internal static class TestPage
{
    public static float MarginLeft => PageSetup.A4Portrait.MarginLeft;
}

/// <summary>A document made inline by a test: the test's own content, a header and a "page N of M" footer.</summary>
internal sealed class TestDocument(Action<ContentBuilder> content, string title = "Test document") : ReportDocument
{
    public override DocumentMetadata Metadata => new(title, "Tests", "Layout tests");

    public override void Compose(PageBuilder page)
    {
        page.Header((band, _) => band.LeftText(title));
        page.Content(content);
        page.Footer((band, number) => band.RightText(Analytics.Reports.Language.ReportLanguage.English.PageOf(number.Number, number.Total)));
    }
}
