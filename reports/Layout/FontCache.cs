using Analytics.Reports.Fonts;
using SkiaSharp;

namespace Analytics.Reports.Layout;

/// <summary>The SKFont for each text style of one render (SKFont is cheap, but disposable and not thread-safe).</summary>
internal sealed class FontCache(ReportFonts fonts) : IDisposable
{
    private readonly Dictionary<(float Size, bool Bold), SKFont> cache = [];

    public ReportFonts Fonts { get; } = fonts;

    public SKFont For(TextStyle style)
    {
        var key = (style.Size, style.Bold);
        if (!cache.TryGetValue(key, out var font))
        {
            // Subpixel positioning and no hinting: advances are exact, so measured widths match what is drawn.
            font = new SKFont(Fonts.Face(style.Bold), style.Size)
            {
                Subpixel = true,
                Hinting = SKFontHinting.None,
                Edging = SKFontEdging.Antialias,
            };
            cache[key] = font;
        }
        return font;
    }

    public IReadOnlyList<TextLine> Wrap(string text, TextStyle style, float width) => TextWrapper.Wrap(text, For(style), width);

    public float Measure(string text, TextStyle style) => TextWrapper.Measure(text, For(style));

    public void Dispose()
    {
        foreach (var font in cache.Values)
            font.Dispose();
        cache.Clear();
    }
}
