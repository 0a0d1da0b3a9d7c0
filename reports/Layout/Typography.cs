using SkiaSharp;

namespace Analytics.Reports.Layout;

/// <summary>
/// Every text style and colour a report uses, in one place: change the look of all reports here.
/// Sizes are points on an A4 page; chart sizes are points too, since charts are drawn onto the page canvas.
/// </summary>
internal static class Typography
{
    public static readonly SKColor Ink = new(0x1F, 0x23, 0x28);
    public static readonly SKColor Muted = new(0x5F, 0x66, 0x6D);
    public static readonly SKColor Accent = new(0x1F, 0x4E, 0x79);
    public static readonly SKColor Good = new(0x1A, 0x7F, 0x37);
    public static readonly SKColor Bad = new(0xC6, 0x28, 0x28);
    public static readonly SKColor Rule = new(0xC8, 0xCD, 0xD2);
    public static readonly SKColor TileFill = new(0xF3, 0xF5, 0xF7);
    public static readonly SKColor TableHeaderFill = new(0xE4, 0xEA, 0xF0);
    public static readonly SKColor TableStripeFill = new(0xF7, 0xF8, 0xFA);

    public static readonly TextStyle Title = new(18, Bold: true, Accent, 1.3f);
    public static readonly TextStyle Heading1 = new(14, Bold: true, Accent, 1.35f);
    public static readonly TextStyle Heading2 = new(11.5f, Bold: true, Ink, 1.35f);
    public static readonly TextStyle Body = new(9.5f, Bold: false, Ink, 1.5f);
    public static readonly TextStyle Note = new(8, Bold: false, Muted, 1.4f);
    public static readonly TextStyle Band = new(8, Bold: false, Muted, 1.3f);
    public static readonly TextStyle BandStrong = new(8, Bold: true, Ink, 1.3f);
    public static readonly TextStyle TableHeader = new(8.5f, Bold: true, Ink, 1.35f);
    public static readonly TextStyle TableCell = new(8.5f, Bold: false, Ink, 1.35f);
    public static readonly TextStyle KpiLabel = new(8, Bold: false, Muted, 1.35f);
    public static readonly TextStyle KpiValue = new(16, Bold: true, Ink, 1.25f);
    public static readonly TextStyle KpiDelta = new(8.5f, Bold: true, Muted, 1.35f);

    // Chart text, applied to every ScottPlot plot when it is drawn (see Charts/ChartStyle).
    public const float ChartTitleSize = 10;
    public const float ChartAxisLabelSize = 8.5f;
    public const float ChartTickLabelSize = 7.5f;
    public const float ChartLegendSize = 8;

    public static TextStyle Heading(int level) => level switch
    {
        1 => Heading1,
        2 => Heading2,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Headings have levels 1 and 2."),
    };
}
