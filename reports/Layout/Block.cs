namespace Analytics.Reports.Layout;

/// <summary>
/// A piece of flowing content (heading, paragraph, table, chart...). Layout turns it into slices: the parts
/// that are never cut (a line, a table row, a chart), which pagination places on pages.
/// </summary>
internal abstract class Block
{
    /// <summary>Vertical space before the block, dropped at the top of a page.</summary>
    public virtual float SpaceBefore => 0;

    /// <summary>Vertical space after the block.</summary>
    public virtual float SpaceAfter => 0;

    /// <summary>A heading stays on the page of what follows it.</summary>
    public virtual bool KeepWithNext => false;

    /// <summary>Starts a new page (a page break).</summary>
    public virtual bool BreaksPage => false;

    public abstract BlockLayout Layout(FontCache fonts, float width);
}

/// <summary>
/// The slices of a laid-out block. <paramref name="KeepFirst"/> slices at its start go on one page (a table
/// header with its first row, the first two lines of a paragraph). <paramref name="RepeatedHeader"/>, when set,
/// is drawn again at the top of every page the block continues on.
/// </summary>
internal sealed record BlockLayout(IReadOnlyList<Slice> Slices, int KeepFirst = 1, Slice? RepeatedHeader = null);

/// <summary>An unbreakable part of a block with its height; draws itself at a position on a page.</summary>
internal abstract class Slice
{
    public abstract float Height { get; }

    public abstract void Draw(DrawContext context, float x, float y, float width);
}
