using Analytics.Reports.Layout;
using ScottPlot;
using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>
/// One ScottPlot chart over the content width, or several side by side in equal widths, drawn as vectors
/// straight onto the page canvas (no bitmap): sharp at any zoom, small, and their labels are real text.
/// Kept whole on one page.
/// </summary>
internal sealed class ChartBlock(IReadOnlyList<Plot> plots, float height) : Block
{
    private const float Gap = 12;

    public override float SpaceAfter => 10;

    public override BlockLayout Layout(FontCache fonts, float width) => new([new ChartSlice(plots, height)]);

    private sealed class ChartSlice(IReadOnlyList<Plot> plots, float height) : Slice
    {
        public override float Height => height;

        public override void Draw(DrawContext context, float x, float y, float width)
        {
            var each = (width - Gap * (plots.Count - 1)) / plots.Count;
            for (var i = 0; i < plots.Count; i++)
                DrawPlot(context, plots[i], new PixelRect(x + i * (each + Gap), x + i * (each + Gap) + each, y + height, y));
        }

        private static void DrawPlot(DrawContext context, Plot plot, PixelRect rect)
        {
            ChartStyle.Apply(plot, context.Fonts.Fonts);
            // A first render settles ScottPlot's layout; on a fresh plot it draws all its text twice, which
            // a PDF keeps (every label twice in the text). Rehearse on a canvas that draws nothing.
            using (var rehearsal = new SKNoDrawCanvas((int)Math.Ceiling(rect.Right), (int)Math.Ceiling(rect.Bottom)))
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
