using SkiaSharp;

namespace Analytics.Reports.Layout;

internal enum CellAlign
{
    Left,
    Right,
    Center,
}

/// <summary>A table column: header text, relative width, alignment (numbers are right-aligned).</summary>
internal sealed record TableColumn(string Header, float Width = 1, CellAlign Align = CellAlign.Left)
{
    public static TableColumn Text(string header, float width = 1) => new(header, width, CellAlign.Left);

    public static TableColumn Number(string header, float width = 1) => new(header, width, CellAlign.Right);
}

/// <summary>One cell: its text (already formatted by the report language) and the tone that colours it.</summary>
internal sealed record TableCell(string Text, KpiTone Tone = KpiTone.Neutral);

/// <summary>
/// A table that flows over pages: a row is never cut, the header row is repeated at the top of each page the
/// table continues on, and the header never stands alone at the bottom of a page. Cells wrap.
/// </summary>
internal sealed class TableBlock(IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<TableCell>> rows) : Block
{
    private const float PadX = 4;
    private const float PadY = 3;

    public override float SpaceAfter => 10;

    public override BlockLayout Layout(FontCache fonts, float width)
    {
        var total = columns.Sum(c => c.Width);
        var widths = columns.Select(c => width * c.Width / total).ToArray();

        var header = LayRow(fonts, columns.Select(c => new TableCell(c.Header)).ToList(), widths, Typography.TableHeader, RowKind.Header);
        var slices = new List<Slice> { header };
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != columns.Count)
                throw new ArgumentException($"Table row {r + 1} has {rows[r].Count} cells for {columns.Count} columns.");
            slices.Add(LayRow(fonts, rows[r], widths, Typography.TableCell, r % 2 == 1 ? RowKind.Stripe : RowKind.Plain));
        }
        return new BlockLayout(slices, KeepFirst: Math.Min(2, slices.Count), RepeatedHeader: header);
    }

    private RowSlice LayRow(FontCache fonts, IReadOnlyList<TableCell> cells, float[] widths, TextStyle style, RowKind kind)
    {
        var wrapped = cells.Select((cell, i) => fonts.Wrap(cell.Text, style, widths[i] - 2 * PadX)).ToList();
        var styles = cells.Select(cell => cell.Tone switch
        {
            KpiTone.Good => style.WithColor(Typography.Good),
            KpiTone.Bad => style.WithColor(Typography.Bad),
            _ => style,
        }).ToList();
        var height = wrapped.Max(w => w.Count) * style.LineHeightPoints + 2 * PadY;
        return new RowSlice(columns, widths, wrapped, styles, kind, height);
    }

    private enum RowKind
    {
        Header,
        Plain,
        Stripe,
    }

    private sealed class RowSlice(
        IReadOnlyList<TableColumn> columns, float[] widths, IReadOnlyList<IReadOnlyList<TextLine>> cells,
        IReadOnlyList<TextStyle> styles, RowKind kind, float height) : Slice
    {
        public override float Height => height;

        public override void Draw(DrawContext context, float x, float y, float width)
        {
            var rowRect = new SKRect(x, y, x + widths.Sum(), y + height);
            if (kind == RowKind.Header)
                context.FillRect(rowRect, Typography.TableHeaderFill);
            else if (kind == RowKind.Stripe)
                context.FillRect(rowRect, Typography.TableStripeFill);

            var left = x;
            for (var c = 0; c < cells.Count; c++)
            {
                var top = y + PadY;
                foreach (var line in cells[c])
                {
                    var (lineX, align) = columns[c].Align switch
                    {
                        CellAlign.Right => (left + widths[c] - PadX, SKTextAlign.Right),
                        CellAlign.Center => (left + widths[c] / 2, SKTextAlign.Center),
                        _ => (left + PadX, SKTextAlign.Left),
                    };
                    context.DrawLine(line.Text, lineX, top, styles[c], align);
                    top += styles[c].LineHeightPoints;
                }
                left += widths[c];
            }
            context.Line(rowRect.Left, rowRect.Bottom, rowRect.Right, rowRect.Bottom, Typography.Rule, kind == RowKind.Header ? 0.8f : 0.4f);
        }
    }
}
