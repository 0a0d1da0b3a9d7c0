namespace Analytics.Reports.Layout;

/// <summary>Page size and margins in points (1/72 inch). Header and footer bands sit inside the margins.</summary>
internal sealed record PageSetup(float Width, float Height, float MarginLeft, float MarginTop, float MarginRight, float MarginBottom)
{
    /// <summary>A4 portrait (210 × 297 mm) with 18 mm side margins and 15 mm top and bottom.</summary>
    public static readonly PageSetup A4Portrait = new(595.28f, 841.89f, 51, 42.5f, 51, 42.5f);

    public float ContentWidth => Width - MarginLeft - MarginRight;
}
