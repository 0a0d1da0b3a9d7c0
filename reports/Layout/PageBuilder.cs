namespace Analytics.Reports.Layout;

/// <summary>The page template of a document: size, header and footer bands, and the flowing content.</summary>
internal sealed class PageBuilder
{
    internal PageSetup Setup { get; private set; } = PageSetup.A4Portrait;
    internal Action<BandBuilder, PageNumber>? ComposeHeader { get; private set; }
    internal Action<BandBuilder, PageNumber>? ComposeFooter { get; private set; }
    internal ContentBuilder Body { get; } = new();

    public PageBuilder Size(PageSetup setup)
    {
        Setup = setup;
        return this;
    }

    /// <summary>The band at the top of every page; it may show the page number.</summary>
    public PageBuilder Header(Action<BandBuilder, PageNumber> compose)
    {
        ComposeHeader = compose;
        return this;
    }

    public PageBuilder Content(Action<ContentBuilder> compose)
    {
        compose(Body);
        return this;
    }

    /// <summary>The band at the bottom of every page, e.g. "Page 2 of 5".</summary>
    public PageBuilder Footer(Action<BandBuilder, PageNumber> compose)
    {
        ComposeFooter = compose;
        return this;
    }
}
