using SkiaSharp;

namespace Analytics.Reports.Layout;

/// <summary>A row of equally wide KPI tiles, kept whole on one page; all tiles get the height of the tallest.</summary>
internal sealed class KpiRowBlock(IReadOnlyList<KpiTile> tiles) : Block
{
    private const float Gap = 8;
    private const float Padding = 8;
    private const float Radius = 3;

    public override float SpaceAfter => 10;

    public override BlockLayout Layout(FontCache fonts, float width)
    {
        if (tiles.Count == 0)
            return new BlockLayout([]);
        var tileWidth = (width - Gap * (tiles.Count - 1)) / tiles.Count;
        var inner = tileWidth - 2 * Padding;
        var laid = tiles.Select(t => new LaidTile(
            t,
            fonts.Wrap(t.Label, Typography.KpiLabel, inner),
            fonts.Wrap(t.Value, Typography.KpiValue, inner),
            t.Delta is null ? [] : fonts.Wrap(t.Delta, Typography.KpiDelta, inner))).ToList();
        var height = laid.Max(l => l.ContentHeight) + 2 * Padding;
        return new BlockLayout([new RowSlice(laid, tileWidth, height)]);
    }

    private sealed record LaidTile(KpiTile Tile, IReadOnlyList<TextLine> Label, IReadOnlyList<TextLine> Value, IReadOnlyList<TextLine> Delta)
    {
        public float ContentHeight =>
            Label.Count * Typography.KpiLabel.LineHeightPoints
            + Value.Count * Typography.KpiValue.LineHeightPoints
            + Delta.Count * Typography.KpiDelta.LineHeightPoints;
    }

    private sealed class RowSlice(IReadOnlyList<LaidTile> tiles, float tileWidth, float height) : Slice
    {
        public override float Height => height;

        public override void Draw(DrawContext context, float x, float y, float width)
        {
            for (var i = 0; i < tiles.Count; i++)
            {
                var left = x + i * (tileWidth + Gap);
                context.FillRect(new SKRect(left, y, left + tileWidth, y + height), Typography.TileFill, Radius);
                var top = y + Padding;
                top = DrawLines(context, tiles[i].Label, left + Padding, top, Typography.KpiLabel);
                top = DrawLines(context, tiles[i].Value, left + Padding, top, Typography.KpiValue);
                var deltaStyle = Typography.KpiDelta.WithColor(tiles[i].Tile.Tone switch
                {
                    KpiTone.Good => Typography.Good,
                    KpiTone.Bad => Typography.Bad,
                    _ => Typography.Muted,
                });
                DrawLines(context, tiles[i].Delta, left + Padding, top, deltaStyle);
            }
        }

        private static float DrawLines(DrawContext context, IReadOnlyList<TextLine> lines, float x, float top, TextStyle style)
        {
            foreach (var line in lines)
            {
                context.DrawLine(line.Text, x, top, style);
                top += style.LineHeightPoints;
            }
            return top;
        }
    }
}
