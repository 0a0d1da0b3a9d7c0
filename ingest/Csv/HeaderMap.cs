using Analytics.Ingest.Contract;

namespace Analytics.Ingest.Csv;

/// <summary>
/// Maps the headers a file came with (English, simplified or traditional Chinese, any case and
/// spacing) to the contract's column names, in file order.
/// </summary>
internal sealed class HeaderMap
{
    /// <summary>Per file column: the contract column it carries, or null when it is not in the contract.</summary>
    public IReadOnlyList<ColumnSpec?> Columns { get; }

    public IReadOnlyList<string> Ignored { get; }

    private HeaderMap(IReadOnlyList<ColumnSpec?> columns, IReadOnlyList<string> ignored)
    {
        Columns = columns;
        Ignored = ignored;
    }

    public bool Has(string column) => Columns.Any(c => c?.Name == column);

    /// <summary>Maps the headers, or returns why the file cannot be read at all.</summary>
    public static (HeaderMap? Map, string? Problem) Build(DatasetSpec dataset, IReadOnlyList<string> headers)
    {
        if (headers.Count == 0)
        {
            return (null, "the file is empty: it has no header row");
        }

        var byHeader = new Dictionary<string, ColumnSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in dataset.Columns)
        {
            foreach (var name in column.HeaderNames())
            {
                byHeader[name] = column;
            }
        }

        var columns = new List<ColumnSpec?>();
        var ignored = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in headers)
        {
            var header = Normalize(raw);
            if (byHeader.TryGetValue(header, out var column))
            {
                if (!seen.TryAdd(column.Name, raw))
                {
                    return (null, $"the columns '{Printable.Of(seen[column.Name])}' and '{Printable.Of(raw)}' both carry {column.Name}; keep one");
                }

                columns.Add(column);
            }
            else
            {
                columns.Add(null);
                ignored.Add(Printable.Of(raw));
            }
        }

        var missing = dataset.Columns.Where(c => c.Required && !seen.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            return (null, $"the required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} {(missing.Count > 1 ? "are" : "is")} missing (headers found: {Printable.Of(string.Join(", ", headers), 200)})");
        }

        return (new HeaderMap(columns, ignored), null);
    }

    // Exports pad headers with spaces, write Title_Case or full-width spaces; none of that changes the meaning.
    private static string Normalize(string header) => header.Trim().Trim('\u3000').Replace(' ', '_');
}
