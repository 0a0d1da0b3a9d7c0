namespace Analytics.Reports.Layout;

/// <summary>Wrapped text. Splits between lines across pages, never leaving a single first line at a page bottom.</summary>
internal sealed class ParagraphBlock(string text, TextStyle style) : Block
{
    public override float SpaceAfter => style.Size * 0.6f;

    public override BlockLayout Layout(FontCache fonts, float width)
    {
        var lines = fonts.Wrap(text, style, width);
        var slices = lines.Select(l => (Slice)new LineSlice(l, style)).ToList();
        return new BlockLayout(slices, KeepFirst: Math.Min(2, slices.Count));
    }

    private sealed class LineSlice(TextLine line, TextStyle style) : Slice
    {
        public override float Height => style.LineHeightPoints;

        public override void Draw(DrawContext context, float x, float y, float width) =>
            context.DrawLine(line.Text, x, y, style);
    }
}
