using System.Globalization;

using Analytics.Reports.Briefs;
using Analytics.Reports.Language;
using Analytics.Reports.Layout;
using Analytics.Reports.Tests.Support;
using UglyToad.PdfPig.Content;

namespace Analytics.Reports.Tests.Layout;

public sealed class PdfRendererTests
{
    [Fact]
    public void Render_ChineseSpecimen_TenantNamesExtractExactly()
    {
        // 戶 and 月 are among the glyphs Noto shares with Kangxi radicals: before the font fix they came back
        // as U+2F3E and U+2F49 and a search for this tenant failed.
        var text = string.Concat(TestReports.PageTexts(TestReports.Render(new LayoutSpecimen(ReportLanguage.Chinese))));

        text.Should().Contain("戶外用品月月店").And.Contain("星巴克咖啡").And.Contain("海底捞火锅");
        text.Should().Contain("版式样张").And.Contain("一、经营概况");
        text.Should().NotContain("\u2F49").And.NotContain("\u2F3E");
    }

    [Fact]
    public void Render_EveryIdeographWithARadicalTwin_ExtractsAsTheIdeograph()
    {
        // Each Kangxi radical (U+2F00..U+2FD5) has a unified ideograph twin sharing its glyph in Noto CJK.
        // All 214 twins must come back as themselves, not as radicals. The list is the radicals' NFKC forms
        // (written out: the invariant-globalization runtime does not normalize).
        const string expected =
            "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";
        expected.EnumerateRunes().Should().HaveCount(214).And.OnlyContain(r => r.Value >= 0x4E00 && r.Value <= 0x9FFF);

        var pdf = TestReports.Render(new TestDocument(c => c.Paragraph(expected)));

        using var document = TestReports.Open(pdf);
        var letters = string.Concat(document.GetPage(1).Letters.Select(l => l.Value));
        letters.Should().Contain(expected);
    }

    [Fact]
    public void Render_Specimen_EveryFooterSaysPageNOfTotal()
    {
        var pages = TestReports.PageTexts(TestReports.Render(new LayoutSpecimen(ReportLanguage.English, tenantRows: 90)));

        pages.Should().HaveCountGreaterThan(2);
        for (var i = 0; i < pages.Count; i++)
            pages[i].Should().Contain($"Page {i + 1} of {pages.Count}");
    }

    [Fact]
    public void Render_ChineseSpecimen_FooterUsesChinesePageLabel()
    {
        var pages = TestReports.PageTexts(TestReports.Render(new LayoutSpecimen(ReportLanguage.Chinese)));

        pages.Should().HaveCountGreaterThan(1);
        for (var i = 0; i < pages.Count; i++)
            pages[i].Should().Contain($"第 {i + 1} 页，共 {pages.Count} 页");
    }

    [Fact]
    public void Render_LongTable_RepeatsHeaderOnEveryPageAndNeverCutsARow()
    {
        // Row r has a first cell "Ar" and a last cell "Zr"; the middle cell of every seventh row wraps to
        // three lines, so rows differ in height and a cut would separate a row's cells across pages.
        const int rows = 120;
        var pdf = TestReports.Render(new TestDocument(c => c
            .Heading1("Table")
            .Table(t =>
            {
                t.Column(TableColumn.Text("FirstHead", 1)).Column(TableColumn.Text("MiddleHead", 2)).Column(TableColumn.Number("LastHead", 1));
                for (var r = 1; r <= rows; r++)
                {
                    var middle = r % 7 == 0 ? $"wrapped text of row {r} that is long enough to need three lines here in this narrow column" : "m";
                    t.Row(Cell("A", r), middle, Cell("Z", r));
                }
            })));

        using var document = TestReports.Open(pdf);
        document.NumberOfPages.Should().BeGreaterThan(2);
        var seen = new HashSet<int>();
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().ToList();
            var header = words.Single(w => w.Text == "FirstHead");
            var firstCells = words.Where(w => w.Text.StartsWith('A') && w.Text.Length > 1 && char.IsDigit(w.Text[1])).ToList();
            firstCells.Should().NotBeEmpty();
            // The header is above every row on the page (PDF y grows upwards).
            firstCells.Should().OnlyContain(w => w.BoundingBox.Top < header.BoundingBox.Bottom);
            foreach (var cell in firstCells)
            {
                var r = int.Parse(cell.Text[1..], CultureInfo.InvariantCulture);
                seen.Add(r).Should().BeTrue("row {0} appears once", r);
                words.Should().Contain(w => w.Text == Cell("Z", r), "row {0} is whole on page {1}", r, page.Number);
                if (r % 7 == 0)
                    words.Should().Contain(w => w.Text == "column", "the wrapped cell of row {0} is whole on page {1}", r, page.Number);
            }
        }
        seen.Should().HaveCount(rows);

        // A numeric column is right-aligned: its cells end at the same x.
        var rights = document.GetPage(1).GetWords().Where(w => w.Text.StartsWith('Z')).Select(w => Math.Round(w.BoundingBox.Right, 0)).Distinct();
        rights.Should().HaveCount(1);
    }

    [Fact]
    public void Render_HeadingThatWouldEndAPage_MovesToTheNextPage()
    {
        // Fill the first page up to where only the heading (not its paragraph) would still fit.
        var line = "Filler line.";
        var pdf = TestReports.Render(new TestDocument(c =>
        {
            for (var i = 0; i < 200; i++)
                c.Paragraph(line);
        }));
        using (var probe = TestReports.Open(pdf))
        {
            var linesOnFirst = probe.GetPage(1).GetWords().Count(w => w.Text == "Filler");
            pdf = TestReports.Render(new TestDocument(c =>
            {
                for (var i = 0; i < linesOnFirst - 1; i++)
                    c.Paragraph(line);
                c.Heading2("Orphan heading").Paragraph("Its first line. And a second line long enough to wrap: " + string.Join(" ", Enumerable.Repeat("word", 60)));
            }));
        }

        var pages = TestReports.PageTexts(pdf);
        pages[0].Should().NotContain("Orphan heading");
        pages[1].Should().Contain("Orphan heading").And.Contain("Its first line.");
    }

    [Fact]
    public void Render_Specimen_MetadataComesFromDocumentAndClock()
    {
        var pdf = TestReports.Render(new LayoutSpecimen(ReportLanguage.Chinese), new DateTimeOffset(2026, 11, 2, 8, 15, 30, TimeSpan.Zero));

        using var document = TestReports.Open(pdf);
        var info = document.Information;
        info.Title.Should().Be("版式样张 — 租户分析");
        info.Author.Should().Be("运营分析组");
        info.Subject.Should().Be("报表版式组件示例");
        info.Creator.Should().Be(DocumentMetadata.Creator);
        info.Producer.Should().Be(PdfRenderer.Producer);
        info.GetCreatedDateTimeOffset().Should().Be(new DateTimeOffset(2026, 11, 2, 8, 15, 30, TimeSpan.Zero));
        info.GetModifiedDateTimeOffset().Should().Be(new DateTimeOffset(2026, 11, 2, 8, 15, 30, TimeSpan.Zero));
    }

    [Fact]
    public void Render_Specimen_OutlineHasOneEntryPerHeadingOnItsPage()
    {
        var pdf = TestReports.Render(new LayoutSpecimen(ReportLanguage.English, tenantRows: 60));

        using var document = TestReports.Open(pdf);
        document.TryGetBookmarks(out var bookmarks).Should().BeTrue();
        var roots = bookmarks!.Roots.Select(n => n.Title).ToList();
        roots.Should().Equal("1. Trading summary", "2. Tenants", "3. Notes");
        bookmarks.Roots[0].Children.Select(n => n.Title).Should().Equal("Monthly sales trend");
        bookmarks.Roots[1].Children.Should().BeEmpty();
        bookmarks.Roots[2].Children.Select(n => n.Title).Should().Equal("Definitions", "Flags");

        foreach (var node in bookmarks.GetNodes().OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>())
        {
            var page = document.GetPage(node.PageNumber);
            PageText(page).Should().Contain(node.Title, "the bookmark points at the page of its heading");
        }
        bookmarks.GetNodes().OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().Last().PageNumber.Should().Be(document.NumberOfPages);
    }

    [Fact]
    public void Render_ChineseHeadings_OutlineTitlesAreChinese()
    {
        using var document = TestReports.Open(TestReports.Render(new LayoutSpecimen(ReportLanguage.Chinese)));

        document.TryGetBookmarks(out var bookmarks).Should().BeTrue();
        bookmarks!.GetNodes().Select(n => n.Title).Should().Equal("一、经营概况", "月度销售趋势", "二、商户明细", "三、说明", "口径", "标记规则");
    }

    [Fact]
    public void Render_SameContentAndClock_GivesTheSameBytes()
    {
        var first = TestReports.Render(new LayoutSpecimen(ReportLanguage.Chinese));
        var second = TestReports.Render(new LayoutSpecimen(ReportLanguage.Chinese));
        var later = TestReports.Render(new LayoutSpecimen(ReportLanguage.Chinese), TestReports.Now.AddSeconds(1));

        second.Should().Equal(first);
        // SkiaSharp writes a random document /ID only in PDF/A mode, which the renderer does not use.
        System.Text.Encoding.Latin1.GetString(first).Should().NotContain("/ID");
        later.Should().NotEqual(first, "the clock is part of the content (metadata dates)");
    }

    [Fact]
    public void Render_Specimen_ChartIsVectorWithRealText()
    {
        using var document = TestReports.Open(TestReports.Render(new LayoutSpecimen(ReportLanguage.Chinese)));

        var page = document.GetPage(1);
        page.GetImages().Should().BeEmpty("charts are drawn as vectors, not pictures");
        var text = PageText(page);
        text.Should().Contain("去年同期").And.Contain("本年").And.Contain("戶外用品月月店").And.Contain("业态中位数");
        // Exactly once: a cold ScottPlot render draws its text twice, which a PDF keeps (and doubles in search).
        text.Split("全场月销售额（万元）").Should().HaveCount(2);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Render_Specimen_PassesQpdfCheck(string language)
    {
        var path = TestReports.TempFile(".pdf");
        File.WriteAllBytes(path, TestReports.Render(new LayoutSpecimen(ReportLanguage.Parse(language), tenantRows: 60)));

        var (exitCode, output) = TestReports.Run("qpdf", $"--check {path}");

        exitCode.Should().Be(0, output);
        output.Should().Contain("No syntax or stream encoding errors");
        File.Delete(path);
    }

    [Fact]
    public void Render_OnePageChineseSheet_StaysWithinTheSizeBudget()
    {
        // Budget from the benchmark targets: a one-page sheet under 300 KB. Renumbering common glyphs in
        // install-fonts.sh is what keeps a Chinese sheet well under it.
        var pdf = TestReports.Render(new LayoutSpecimen(ReportLanguage.Chinese, tenantRows: 2, notes: false));

        TestReports.PageTexts(pdf).Should().HaveCount(1);
        pdf.Length.Should().BeLessThan(300 * 1024);
    }

    [Fact]
    public void Render_RowTallerThanAPage_FailsWithAClearMessage()
    {
        var huge = string.Join("\n", Enumerable.Repeat("line", 200));
        var act = () => TestReports.Render(new TestDocument(c => c.Table(t => t.Column(TableColumn.Text("H")).Row(huge))));

        act.Should().Throw<InvalidOperationException>().WithMessage("*tall*page holds*");
    }

    [Fact]
    public void Render_BulletList_WrapsWithAHangingIndent()
    {
        var item = "First item " + string.Join(" ", Enumerable.Repeat("long", 40)) + " end.";
        using var document = TestReports.Open(TestReports.Render(new TestDocument(c => c.Bullets(item, "Second item."))));

        var words = document.GetPage(1).GetWords().ToList();
        var first = words.Single(w => w.Text == "First");
        var second = words.Single(w => w.Text == "Second");
        var continuation = words.First(w => w.Text == "long" && w.BoundingBox.Bottom < first.BoundingBox.Bottom - 1);
        continuation.BoundingBox.Left.Should().BeApproximately(first.BoundingBox.Left, 0.5, "continuation lines align with the item text");
        second.BoundingBox.Left.Should().BeApproximately(first.BoundingBox.Left, 0.5);
        first.BoundingBox.Left.Should().BeGreaterThan(TestPage.MarginLeft + 5, "the bullet stands in the indent");
        // Bullets are drawn dots, so the text is only the items' words.
        string.Concat(document.GetPage(1).Letters.Select(l => l.Value)).Should().Contain("First item long").And.NotContain("·").And.NotContain("•");
    }

    [Fact]
    public void Render_CharactersSharingAGlyph_ExtractAsWritten()
    {
        // Noto draws these with a glyph it shares with another code point (胶 with U+3B35, – with U+2012,
        // ～ with U+301C...); the install script keeps the common one, so each extracts as written.
        const string text = "胶囊店 10～20 ／ 〈书〉 Jan–Mar　月";
        using var document = TestReports.Open(TestReports.Render(new TestDocument(c => c.Paragraph(text))));

        string.Concat(document.GetPage(1).Letters.Select(l => l.Value)).Should().Contain(text);
    }

    [Fact]
    public void Render_CellWithBadTone_IsDrawnInRed()
    {
        using var document = TestReports.Open(TestReports.Render(new TestDocument(c => c.Table(t => t
            .Column(TableColumn.Text("Tenant")).Column(TableColumn.Number("OCR"))
            .Row(new TableCell("Calm"), new TableCell("12.0%"))
            .Row(new TableCell("Watch"), new TableCell("31.5%", KpiTone.Bad))))));

        var letters = document.GetPage(1).Letters;
        var bad = letters.First(l => l.Value == "3");
        var plain = letters.First(l => l.Value == "2");
        var (r, g, b) = bad.Color.ToRGBValues();
        r.Should().BeGreaterThan(0.6).And.BeGreaterThan(g * 2).And.BeGreaterThan(b * 2);
        plain.Color.ToRGBValues().Should().NotBe(bad.Color.ToRGBValues());
    }

    private static string Cell(string prefix, int row) => prefix + row.ToString(CultureInfo.InvariantCulture);

    private static string PageText(Page page) => string.Concat(page.Letters.Select(l => l.Value));
}
