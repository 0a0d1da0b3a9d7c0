using System.Globalization;
using Analytics.Ingest.Contract;
using Analytics.Ingest.Csv;
using DuckDB.NET.Data;
using MiniExcelLibs;

namespace Analytics.Ingest.Loading;

/// <summary>
/// A source's rows as an all-text temp table (_row plus one VARCHAR column per contract column present),
/// so that CSV and xlsx go through one validation path.
/// </summary>
internal sealed class Stage
{
    public required string Table { get; init; }
    public required HeaderMap Headers { get; init; }
    /// <summary>For CSV, _row is the record index among parsed rows; for xlsx it is already the sheet row number.</summary>
    public required bool RowIsLine { get; init; }
    /// <summary>DuckDB's rejects table for rows its CSV reader could not split (wrong field count, bad encoding).</summary>
    public string? ReaderRejects { get; init; }
    /// <summary>Sheet rows with a cell over its column's limit: not staged, rejected as too_long.</summary>
    public IReadOnlyList<RejectedRow> OverLimit { get; init; } = [];

    public static (Stage? Stage, string? Problem) Create(DuckDBConnection connection, DropSource source, string name)
    {
        if (source.Sheet is null)
        {
            var headers = CsvRecordScanner.ReadHeader(source.ReadPath);
            var (map, problem) = HeaderMap.Build(source.Dataset, headers);
            return map is null ? (null, problem) : (FromCsv(connection, source, map, name), null);
        }

        var rows = MiniExcel.Query(source.Path, useHeaderRow: false, sheetName: source.Sheet)
            .Cast<IDictionary<string, object?>>();
        using var e = rows.GetEnumerator();
        if (!e.MoveNext())
        {
            return (null, "the sheet is empty: it has no header row");
        }

        var letters = e.Current.Keys.ToList();
        var headerCells = letters.Select(k => Cell(e.Current[k], null)).ToList();
        while (headerCells.Count > 0 && string.IsNullOrEmpty(headerCells[^1]))
        {
            headerCells.RemoveAt(headerCells.Count - 1);
        }

        var (sheetMap, sheetProblem) = HeaderMap.Build(source.Dataset, headerCells!);
        return sheetMap is null ? (null, sheetProblem) : (FromSheet(connection, source, e, letters, sheetMap, name), null);
    }

    public static IReadOnlyList<string> ColumnNames(HeaderMap map) =>
        map.Columns.Select((c, i) => c?.Name ?? $"_ignored_{i}").ToList();

    private static Stage FromCsv(DuckDBConnection connection, DropSource source, HeaderMap map, string name)
    {
        var columns = "{" + string.Join(", ", ColumnNames(map).Select(c => $"{DatasetSql.Literal(c)}: 'VARCHAR'")) + "}";
        var rejects = $"{name}_reader_rejects";
        // auto_detect off: the header was read and mapped above, and sniffing a large file costs time
        // and can guess wrong; all_varchar keeps the raw text so that validation can name bad values.
        Execute(connection, $"""
            CREATE TEMP TABLE {name}_raw AS
            SELECT * FROM read_csv({DatasetSql.Literal(source.ReadPath)}, header = true, max_line_size = {source.Limits.ReaderMaxLineSize}, auto_detect = false, columns = {columns},
                                   delim = ',', quote = '"', escape = '"', null_padding = false, strict_mode = true,
                                   ignore_errors = true, store_rejects = true,
                                   rejects_table = {DatasetSql.Literal(rejects)}, rejects_scan = {DatasetSql.Literal(rejects + "_scan")})
            """);
        // Inside the load's transaction DuckDB numbers new rows from 2^62, not 0: the record index is the offset.
        Execute(connection, $"CREATE TEMP VIEW {name} AS SELECT rowid - (SELECT min(rowid) FROM {name}_raw) AS _row, * FROM {name}_raw");
        return new Stage { Table = name, Headers = map, RowIsLine = false, ReaderRejects = rejects };
    }

    private static Stage FromSheet(
        DuckDBConnection connection, DropSource source, IEnumerator<IDictionary<string, object?>> rows, List<string> letters, HeaderMap map, string name)
    {
        var overLimit = new List<RejectedRow>();
        var names = ColumnNames(map);
        Execute(connection, $"CREATE TEMP TABLE {name} (_row BIGINT, {string.Join(", ", names.Select(n => DatasetSql.Quote(n) + " VARCHAR"))})");
        using var appender = connection.CreateAppender(name);
        long line = 1;
        while (rows.MoveNext())
        {
            line++;
            var cells = new string?[names.Count];
            var any = false;
            RejectedRow? tooLong = null;
            for (var i = 0; i < names.Count && i < letters.Count; i++)
            {
                rows.Current.TryGetValue(letters[i], out var value);
                cells[i] = Cell(value, map.Columns[i]?.Type);
                any |= !string.IsNullOrWhiteSpace(cells[i]);
                var max = source.Limits.CharsFor(map.Columns[i]);
                if (tooLong is null && cells[i]?.Length > max)
                {
                    tooLong = source.TooLong(line, map.Columns[i]?.Name,
                        string.Create(CultureInfo.InvariantCulture, $"the value of {map.Columns[i]?.Name ?? names[i]} is longer than {max:N0} characters"));
                }
            }

            if (!any)
            {
                continue;   // an empty sheet row is formatting, not data
            }

            if (tooLong is not null)
            {
                overLimit.Add(tooLong);
                continue;
            }

            var row = appender.CreateRow().AppendValue(line);
            foreach (var cell in cells)
            {
                row.AppendValue(cell);
            }

            row.EndRow();
        }

        return new Stage { Table = name, Headers = map, RowIsLine = true, OverLimit = overLimit };
    }

    /// <summary>A cell as the text a CSV export would hold: real date cells become ISO dates.</summary>
    private static string? Cell(object? value, ColumnType? type) => value switch
    {
        null => null,
        DateTime d when type == ColumnType.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DateTime d when type == ColumnType.Timestamp || d.TimeOfDay != TimeSpan.Zero => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Frees the staged rows: temp tables of a large file hold hundreds of megabytes.</summary>
    public void Drop(DuckDBConnection connection) => Execute(connection, RowIsLine
        ? $"DROP TABLE IF EXISTS {Table}"
        : $"DROP VIEW IF EXISTS {Table}; DROP TABLE IF EXISTS {Table}_raw");

    /// <summary>With ANALYTICS_TRACE_SQL=1, a callback that prints the time since its last call (for tuning large loads).</summary>
    internal static Action<string> Tracer()
    {
        if (Environment.GetEnvironmentVariable("ANALYTICS_TRACE_SQL") != "1")
        {
            return _ => { };
        }

        var sw = System.Diagnostics.Stopwatch.StartNew();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        return step =>
        {
            var now = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            Console.Error.WriteLine($"[{sw.Elapsed.TotalSeconds:0.000}s wall, {(now - cpu).TotalSeconds:0.000}s cpu] {step}");
            sw.Restart();
            cpu = now;
        };
    }

    internal static void Execute(DuckDBConnection connection, string sql)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
        if (Environment.GetEnvironmentVariable("ANALYTICS_TRACE_SQL") == "1")
        {
            Console.Error.WriteLine($"[{sw.Elapsed.TotalSeconds:0.000}s] {sql.Trim().Split('\n')[0]}");
        }
    }
}
