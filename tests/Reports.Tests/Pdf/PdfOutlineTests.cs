using Analytics.Reports.Layout;
using Analytics.Reports.Pdf;
using Analytics.Reports.Tests.Support;
using UglyToad.PdfPig.Outline;

namespace Analytics.Reports.Tests.Pdf;

public sealed class PdfOutlineTests
{
    [Fact]
    public void Append_NoEntries_LeavesTheBytesAlone()
    {
        var pdf = TestReports.Render(new TestDocument(c => c.Paragraph("No headings here.")));

        using var document = TestReports.Open(pdf);
        document.TryGetBookmarks(out _).Should().BeFalse();
        PdfOutline.Append(pdf, []).Should().BeSameAs(pdf);
    }

    [Fact]
    public void Render_HeadingsOverSeveralPages_EachBookmarkOpensItsPage()
    {
        var pdf = TestReports.Render(new TestDocument(c =>
        {
            for (var section = 1; section <= 4; section++)
            {
                c.Heading1($"Section {section}");
                c.Heading2($"Part {section}.1");
                c.Paragraph("Text. " + string.Join(" ", Enumerable.Repeat("filler", 40)));
                c.PageBreak();
            }
        }));

        using var document = TestReports.Open(pdf);
        document.NumberOfPages.Should().Be(4);
        document.TryGetBookmarks(out var bookmarks).Should().BeTrue();
        bookmarks!.Roots.Select(r => r.Title).Should().Equal("Section 1", "Section 2", "Section 3", "Section 4");
        for (var i = 0; i < 4; i++)
        {
            var root = (DocumentBookmarkNode)bookmarks.Roots[i];
            root.PageNumber.Should().Be(i + 1);
            root.Children.Should().ContainSingle().Which.Title.Should().Be($"Part {i + 1}.1");
            ((DocumentBookmarkNode)root.Children[0]).PageNumber.Should().Be(i + 1);
        }
    }

    [Fact]
    public void Render_WithOutline_IsAnIncrementalUpdateThatQpdfAccepts()
    {
        var pdf = TestReports.Render(new TestDocument(c => c.Heading1("Only heading 标题").Paragraph("Body.")));
        var path = TestReports.TempFile(".pdf");
        File.WriteAllBytes(path, pdf);

        var (exitCode, output) = TestReports.Run("qpdf", $"--check {path}");
        var (_, json) = TestReports.Run("qpdf", $"--json --json-key=outlines {path}");

        exitCode.Should().Be(0, output);
        json.Should().Contain("Only heading 标题");
        // The original file is kept whole: the update starts after its first %%EOF.
        System.Text.Encoding.Latin1.GetString(pdf).Split("%%EOF").Should().HaveCount(3);
        File.Delete(path);
    }

    [Fact]
    public void TextString_NonLatinTitle_IsUtf16WithByteOrderMark()
    {
        PdfOutline.TextString("A月").Should().Be("<FEFF00416708>");
    }
}
