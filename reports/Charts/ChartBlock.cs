using Analytics.Reports.Layout;
using ScottPlot;
using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>
/// A ScottPlot chart drawn as vectors straight onto the page canvas (no bitmap): sharp at any zoom, small,
/// and its labels are real text. Kept whole on one page.
/// </summary>
internal sealed class ChartBlock(Plot plot, float height) : Block
{
    public override float SpaceAfter => 10;

    public override BlockLayout Layout(FontCache fonts, float width) => new([new ChartSlice(plot, height)]);

    private sealed class ChartSlice(Plot plot, float height) : Slice
    {
        public override float Height => height;

        public override void Draw(DrawContext context, float x, float y, float width)
        {
            ChartStyle.Apply(plot, context.Fonts.Fonts);
            // ScottPlot translates and clips the canvas while rendering; Save/Restore keeps that off the page.
            var saved = context.Canvas.Save();
            try
            {
                plot.Render(context.Canvas, new PixelRect(x, x + width, y + height, y));
            }
            finally
            {
                context.Canvas.RestoreToCount(saved);
            }
        }
    }
}
