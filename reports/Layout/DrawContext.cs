using SkiaSharp;

namespace Analytics.Reports.Layout;

/// <summary>What a slice needs to draw itself on the current page.</summary>
internal sealed class DrawContext(SKCanvas canvas, FontCache fonts, List<OutlineEntry> outline)
{
    public SKCanvas Canvas { get; } = canvas;
    public FontCache Fonts { get; } = fonts;

    /// <summary>Draws one line of text whose line box starts at <paramref name="top"/>.</summary>
    public void DrawLine(string text, float x, float top, TextStyle style, SKTextAlign align = SKTextAlign.Left)
    {
        if (text.Length == 0)
            return;
        using var paint = new SKPaint { IsAntialias = true, Color = style.Color };
        Canvas.DrawText(text, x, top + style.BaselineOffset, align, Fonts.For(style), paint);
    }

    public void FillRect(SKRect rect, SKColor color, float radius = 0)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = color, Style = SKPaintStyle.Fill };
        if (radius > 0)
            Canvas.DrawRoundRect(rect, radius, radius, paint);
        else
            Canvas.DrawRect(rect, paint);
    }

    public void FillCircle(float cx, float cy, float radius, SKColor color)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = color, Style = SKPaintStyle.Fill };
        Canvas.DrawCircle(cx, cy, radius, paint);
    }

    public void Line(float x0, float y0, float x1, float y1, SKColor color, float width = 0.6f)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = color, StrokeWidth = width, Style = SKPaintStyle.Stroke };
        Canvas.DrawLine(x0, y0, x1, y1, paint);
    }

    /// <summary>Marks a section start: a named destination here and an outline entry pointing at it.</summary>
    public void AddOutlineEntry(int level, string title, float x, float y)
    {
        var name = "section-" + (outline.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var data = Canvas.DrawNamedDestinationAnnotation(new SKPoint(x, y), name);
        outline.Add(new OutlineEntry(level, title, name));
    }
}
