using SkiaSharp;

namespace Analytics.Reports.Layout;

/// <summary>How a run of text looks. Instances live in <see cref="Typography"/>; blocks never invent their own.</summary>
/// <param name="Size">Font size in points.</param>
/// <param name="LineHeight">Distance between baselines as a multiple of <paramref name="Size"/>.</param>
internal sealed record TextStyle(float Size, bool Bold, SKColor Color, float LineHeight = 1.4f)
{
    public float LineHeightPoints => Size * LineHeight;

    public TextStyle WithColor(SKColor color) => this with { Color = color };

    /// <summary>
    /// Baseline below the top of a line box. Centres the em box (0.88 em above the baseline, 0.12 below for the
    /// CJK faces we use) in the line, so Chinese and Latin sit in the middle of table rows and tiles.
    /// </summary>
    public float BaselineOffset => (LineHeightPoints - Size) / 2 + 0.88f * Size;
}
