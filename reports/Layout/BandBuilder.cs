namespace Analytics.Reports.Layout;

/// <summary>
/// A header or footer: one line with up to three texts (left, centre, right) and a thin rule between the band
/// and the content. Texts are not wrapped: a band is for a title, a date and a page number.
/// </summary>
internal sealed class BandBuilder
{
    internal string Left { get; private set; } = "";
    internal string Center { get; private set; } = "";
    internal string Right { get; private set; } = "";
    internal TextStyle LeftStyle { get; private set; } = Typography.BandStrong;
    internal TextStyle CenterStyle { get; private set; } = Typography.Band;
    internal TextStyle RightStyle { get; private set; } = Typography.Band;

    public BandBuilder LeftText(string text, TextStyle? style = null)
    {
        Left = text;
        LeftStyle = style ?? LeftStyle;
        return this;
    }

    public BandBuilder CenterText(string text, TextStyle? style = null)
    {
        Center = text;
        CenterStyle = style ?? CenterStyle;
        return this;
    }

    public BandBuilder RightText(string text, TextStyle? style = null)
    {
        Right = text;
        RightStyle = style ?? RightStyle;
        return this;
    }

    /// <summary>The band's height is fixed (one line of band text), so layout can run before the page count is known.</summary>
    internal static float Height => Typography.BandStrong.LineHeightPoints;

    /// <summary>Gap between the band and the content, with the rule in its middle.</summary>
    internal const float Gap = 10;
}
