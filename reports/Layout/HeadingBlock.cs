namespace Analytics.Reports.Layout;

/// <summary>A section heading (level 1 or 2). Each one is an entry of the PDF outline (bookmarks).</summary>
internal sealed class HeadingBlock(int level, string text) : Block
{
    private readonly TextStyle style = Typography.Heading(level);

    public int Level { get; } = level;
    public string Text { get; } = text;

    public override float SpaceBefore => Level == 1 ? 14 : 10;
    public override float SpaceAfter => Level == 1 ? 6 : 4;
    public override bool KeepWithNext => true;

    public override BlockLayout Layout(FontCache fonts, float width)
    {
        var lines = fonts.Wrap(Text, style, width);
        // A rule under a level-1 heading separates sections.
        var rule = Level == 1 ? 4f : 0f;
        return new BlockLayout([new HeadingSlice(this, lines, style, rule)], KeepFirst: 1);
    }

    private sealed class HeadingSlice(HeadingBlock heading, IReadOnlyList<TextLine> lines, TextStyle style, float rule) : Slice
    {
        public override float Height => lines.Count * style.LineHeightPoints + rule;

        public override void Draw(DrawContext context, float x, float y, float width)
        {
            context.AddOutlineEntry(heading.Level, heading.Text, x, y);
            for (var i = 0; i < lines.Count; i++)
                context.DrawLine(lines[i].Text, x, y + i * style.LineHeightPoints, style);
            if (rule > 0)
                context.Line(x, y + Height - rule / 2, x + width, y + Height - rule / 2, Typography.Rule, 0.8f);
        }
    }
}
