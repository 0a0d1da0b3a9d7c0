using Analytics.Reports.Briefs;
using Analytics.Reports.Language;
using Analytics.Reports.Layout;
using Analytics.Reports.Tests.Support;

namespace Analytics.Reports.Tests.Layout;

public sealed class LayoutEngineTests : IDisposable
{
    private readonly FontCache fonts = new(TestReports.Fonts);

    public void Dispose() => fonts.Dispose();

    private IReadOnlyList<IReadOnlyList<PlacedSlice>> Paginate(Action<ContentBuilder> compose, float height)
    {
        var content = new ContentBuilder();
        compose(content);
        return new LayoutEngine(fonts).Paginate(content.Blocks, 400, height);
    }

    [Fact]
    public void Paginate_ParagraphStartingAtPageBottom_NeverLeavesItsFirstLineAlone()
    {
        var line = Typography.Body.LineHeightPoints;
        // The spacer leaves room for one and a half lines: a lone first line would fit, two lines do not.
        var pages = Paginate(c => c
            .Spacer(100 - 1.5f * line)
            .Paragraph(string.Join(" ", Enumerable.Repeat("word", 200))), height: 100);

        pages[0].Should().HaveCount(1, "only the spacer stays on the first page");
        pages[1].Should().NotBeEmpty();
    }

    [Fact]
    public void Paginate_SlicesOnAPage_StayInsideTheContentHeight()
    {
        var pages = Paginate(c => c.Component(new LayoutSpecimenContent()), height: 300);

        pages.Should().HaveCountGreaterThan(3);
        foreach (var page in pages)
            page.Should().OnlyContain(p => p.Y >= 0 && p.Y + p.Slice.Height <= 300.01f);
    }

    [Fact]
    public void Paginate_PageBreak_StartsANewPageButNeverAnEmptyOne()
    {
        var pages = Paginate(c => c.PageBreak().Paragraph("one").PageBreak().PageBreak().Paragraph("two").PageBreak(), height: 500);

        pages.Should().HaveCount(2);
        pages.Should().OnlyContain(p => p.Count == 1);
    }

    [Fact]
    public void Paginate_NoContent_GivesOneEmptyPage()
    {
        Paginate(_ => { }, height: 500).Should().ContainSingle().Which.Should().BeEmpty();
    }

    [Fact]
    public void Render_EmptyDocument_HasOnePageWithItsFooter()
    {
        var pages = TestReports.PageTexts(TestReports.Render(new TestDocument(_ => { })));

        pages.Should().ContainSingle().Which.Should().Contain("Page 1 of 1");
    }

    [Fact]
    public void Render_InParallel_GivesTheSameBytesAsOneByOne()
    {
        // Reports may be rendered concurrently (API requests, batch jobs): fonts are shared, nothing else.
        var expected = TestReports.Render(new LayoutSpecimen(ReportLanguage.Chinese, 5));

        var results = new byte[6][];
        Parallel.For(0, results.Length, i => results[i] = TestReports.Render(new LayoutSpecimen(ReportLanguage.Chinese, 5)));

        results.Should().OnlyContain(r => r.SequenceEqual(expected));
    }

    [Fact]
    public void Shorten_TextWiderThanTheRoom_EndsWithAnEllipsisAndFits()
    {
        var title = "商户经营月报 — Monthly merchant performance brief for the operations team";

        var shortened = PdfRenderer.Shorten(title, Typography.BandStrong, fonts, 120);

        shortened.Should().EndWith("…").And.StartWith("商户经营月报");
        fonts.Measure(shortened, Typography.BandStrong).Should().BeLessThanOrEqualTo(120);
        PdfRenderer.Shorten("Short", Typography.BandStrong, fonts, 120).Should().Be("Short");
    }

    // The specimen's content without its page template, to paginate on a small page.
    private sealed class LayoutSpecimenContent : ReportComponent
    {
        public override void Compose(ContentBuilder content)
        {
            var page = new PageBuilder();
            new LayoutSpecimen(ReportLanguage.English, 30).Compose(page);
            foreach (var block in page.Body.Blocks)
                content.Add(block);
        }
    }
}
