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
            var rect = new PixelRect(x, x + width, y + height, y);
            // A first render settles ScottPlot's layout; on a fresh plot it draws all its text twice, which
            // a PDF keeps (every label twice in the text). Rehearse on a canvas that draws nothing.
            using (var rehearsal = new SKNoDrawCanvas((int)Math.Ceiling(x + width), (int)Math.Ceiling(y + height)))
                plot.Render(rehearsal, rect);
            // ScottPlot translates and clips the canvas while rendering; Save/Restore keeps that off the page.
            var saved = context.Canvas.Save();
            try
            {
                plot.Render(context.Canvas, rect);
            }
            finally
            {
                context.Canvas.RestoreToCount(saved);
            }
        }
    }
}
