using Analytics.Reports.Fonts;
using ScottPlot;
using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>
/// Hands ScottPlot the very typeface objects the page text uses, for <see cref="ReportFonts.ChartFontName"/>.
/// The same instances matter: SkiaSharp's PDF writer shares glyphs per typeface, so a chart label reuses
/// the page's embedded glyphs instead of embedding a second copy of them (a file-based resolver would load
/// the file again and double the font data of every sheet).
/// </summary>
internal sealed class ReportFontResolver(ReportFonts fonts) : IFontResolver
{
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        fontName == ReportFonts.ChartFontName ? fonts.Face(bold: weight >= FontWeight.SemiBold) : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == ReportFonts.ChartFontName ? fonts.Face(bold) : null;
}
