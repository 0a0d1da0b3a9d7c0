namespace Analytics.Reports.Layout;

/// <summary>
/// A list of wrapped items, each with a bullet and a hanging indent (continuation lines align with the text,
/// not the bullet). Splits between lines across pages like a paragraph. The bullet is a drawn dot, not a
/// character: the font shares the • glyph with ·, so a text bullet would extract as a middle dot.
/// </summary>
internal sealed class BulletListBlock(IReadOnlyList<string> items, TextStyle style) : Block
{
    public override float SpaceAfter => style.Size * 0.6f;

    public override BlockLayout Layout(FontCache fonts, float width)
    {
        var indent = style.Size * 1.2f;
        var slices = new List<Slice>();
        foreach (var item in items)
        {
            var lines = fonts.Wrap(item, style, width - indent);
            for (var i = 0; i < lines.Count; i++)
                slices.Add(new ItemLineSlice(lines[i].Text, i == 0, indent, style));
        }
        return new BlockLayout(slices, KeepFirst: Math.Min(2, slices.Count));
    }

    private sealed class ItemLineSlice(string text, bool first, float indent, TextStyle style) : Slice
    {
        public override float Height => style.LineHeightPoints;

        public override void Draw(DrawContext context, float x, float y, float width)
        {
            if (first)
            {
                // On the middle of the x-height, a little left of the indent.
                var radius = style.Size * 0.15f;
                var centreY = y + style.BaselineOffset - style.Size * 0.3f;
                context.FillCircle(x + style.Size * 0.35f, centreY, radius, style.Color);
            }
            context.DrawLine(text, x + indent, y, style);
        }
    }
}
