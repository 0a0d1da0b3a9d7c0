using Analytics.Reports.Fonts;
using Analytics.Reports.Pdf;
using SkiaSharp;

namespace Analytics.Reports.Layout;

/// <summary>
/// Turns a <see cref="ReportDocument"/> into PDF bytes with SkiaSharp's PDF backend, in two passes: layout
/// paginates the content (so the page count is known), then each page is drawn with its header, content and
/// footer. The outline is added afterwards (<see cref="PdfOutline"/>). The output depends only on the document
/// and the clock: the same content at the same time gives the same bytes (SkiaSharp writes no random
/// document ID outside PDF/A mode, which is not used).
/// </summary>
internal sealed class PdfRenderer(ReportFonts fonts, TimeProvider clock)
{
    public const string Producer = "Tenant Analytics (SkiaSharp PDF)";

    public byte[] Render(ReportDocument document)
    {
        var page = new PageBuilder();
        document.Compose(page);
        var setup = page.Setup;

        var contentTop = setup.MarginTop + (page.ComposeHeader is null ? 0 : BandBuilder.Height + BandBuilder.Gap);
        var contentBottom = setup.Height - setup.MarginBottom - (page.ComposeFooter is null ? 0 : BandBuilder.Height + BandBuilder.Gap);

        using var fontCache = new FontCache(fonts);
        var pages = new LayoutEngine(fontCache).Paginate(page.Body.Blocks, setup.ContentWidth, contentBottom - contentTop);

        var now = clock.GetUtcNow().UtcDateTime;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Metadata.Title,
            Author = document.Metadata.Author,
            Subject = document.Metadata.Subject,
            Keywords = document.Metadata.Keywords,
            Creator = DocumentMetadata.Creator,
            Producer = Producer,
            Creation = now,
            Modified = now,
        };

        var outline = new List<OutlineEntry>();
        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = pdf.BeginPage(setup.Width, setup.Height);
                var context = new DrawContext(canvas, fontCache, outline);
                var number = new PageNumber(i + 1, pages.Count);
                if (page.ComposeHeader is { } header)
                    DrawBand(context, setup, header, number, top: setup.MarginTop, ruleY: setup.MarginTop + BandBuilder.Height + BandBuilder.Gap / 2);
                foreach (var placed in pages[i])
                    placed.Slice.Draw(context, setup.MarginLeft, contentTop + placed.Y, setup.ContentWidth);
                if (page.ComposeFooter is { } footer)
                    DrawBand(context, setup, footer, number, top: contentBottom + BandBuilder.Gap, ruleY: contentBottom + BandBuilder.Gap / 2);
                pdf.EndPage();
            }
            pdf.Close();
        }
        return PdfOutline.Append(stream.ToArray(), outline);
    }

    private static void DrawBand(DrawContext context, PageSetup setup, Action<BandBuilder, PageNumber> compose, PageNumber number, float top, float ruleY)
    {
        var band = new BandBuilder();
        compose(band, number);
        context.Line(setup.MarginLeft, ruleY, setup.Width - setup.MarginRight, ruleY, Typography.Rule);
        // The right text (a date, a page number) and the centre text are short and always whole; a long left
        // text (a title) is shortened with an ellipsis rather than running into them.
        var fonts = context.Fonts;
        var reserved = fonts.Measure(band.Right, band.RightStyle) + fonts.Measure(band.Center, band.CenterStyle) + 24;
        var left = Shorten(band.Left, band.LeftStyle, fonts, setup.ContentWidth - reserved);
        context.DrawLine(left, setup.MarginLeft, top, band.LeftStyle);
        context.DrawLine(band.Center, setup.Width / 2, top, band.CenterStyle, SKTextAlign.Center);
        context.DrawLine(band.Right, setup.Width - setup.MarginRight, top, band.RightStyle, SKTextAlign.Right);
    }

    internal static string Shorten(string text, TextStyle style, FontCache fonts, float maxWidth)
    {
        if (fonts.Measure(text, style) <= maxWidth)
            return text;
        var runes = text.EnumerateRunes().ToList();
        while (runes.Count > 0 && fonts.Measure(string.Concat(runes) + "…", style) > maxWidth)
            runes.RemoveAt(runes.Count - 1);
        return string.Concat(runes).TrimEnd() + "…";
    }
}
