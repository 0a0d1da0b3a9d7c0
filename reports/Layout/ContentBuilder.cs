using Analytics.Reports.Charts;

namespace Analytics.Reports.Layout;

/// <summary>The flowing content of a document, built top to bottom; pagination is the renderer's job.</summary>
internal sealed class ContentBuilder
{
    private readonly List<Block> blocks = [];

    internal IReadOnlyList<Block> Blocks => blocks;

    public ContentBuilder Heading1(string text) => Add(new HeadingBlock(1, text));

    public ContentBuilder Heading2(string text) => Add(new HeadingBlock(2, text));

    public ContentBuilder Paragraph(string text, TextStyle? style = null) => Add(new ParagraphBlock(text, style ?? Typography.Body));

    public ContentBuilder Bullets(params string[] items) => Add(new BulletListBlock(items, Typography.Body));

    public ContentBuilder Kpis(params KpiTile[] tiles) => Add(new KpiRowBlock(tiles));

    public ContentBuilder Table(Action<TableBuilder> compose)
    {
        var table = new TableBuilder();
        compose(table);
        return Add(table.Build());
    }

    /// <summary>A ScottPlot chart over the full content width, <paramref name="height"/> points tall.</summary>
    public ContentBuilder Chart(ScottPlot.Plot plot, float height) => Add(new ChartBlock([plot], height));

    /// <summary>Several charts side by side in equal widths (e.g. a trend next to a peer comparison).</summary>
    public ContentBuilder Charts(float height, params ScottPlot.Plot[] plots) =>
        plots.Length == 0 ? this : Add(new ChartBlock(plots, height));

    public ContentBuilder Spacer(float height) => Add(new SpacerBlock(height));

    public ContentBuilder PageBreak() => Add(new SpacerBlock(0, breaksPage: true));

    internal ContentBuilder Add(Block block)
    {
        blocks.Add(block);
        return this;
    }
}

/// <summary>Columns first, then rows of cell texts (already formatted by the report language).</summary>
internal sealed class TableBuilder
{
    private readonly List<TableColumn> columns = [];
    private readonly List<IReadOnlyList<TableCell>> rows = [];

    public TableBuilder Column(TableColumn column)
    {
        columns.Add(column);
        return this;
    }

    public TableBuilder Row(params string[] cells)
    {
        rows.Add(cells.Select(c => new TableCell(c)).ToList());
        return this;
    }

    /// <summary>A row whose cells may carry a tone (a red arrears figure, a green change).</summary>
    public TableBuilder Row(params TableCell[] cells)
    {
        rows.Add(cells);
        return this;
    }

    internal TableBlock Build() => columns.Count == 0
        ? throw new InvalidOperationException("A table needs at least one column.")
        : new TableBlock(columns, rows);
}
