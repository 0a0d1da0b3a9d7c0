using System.Globalization;
using Analytics.Ingest.Contract;
using Analytics.Ingest.Csv;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Loading;

/// <summary>
/// The general path: rows staged as text (any dataset, CSV or xlsx), typed and checked in SQL with the
/// reason each bad row breaks the contract, then upserted. Datasets are small enough here (leases, rent,
/// complaints, patrol findings) that the extra copy of the text costs nothing that matters.
/// </summary>
internal sealed class StagedLoad(DuckDBConnection connection, DropSource source, Stage stage, string name, long loadId)
{
    public (long Read, long Changed, List<RejectedRow> Rejects) Run()
    {
        var dataset = source.Dataset;
        var typed = name + "_typed";
        Stage.Execute(connection, DatasetSql.Typed(dataset, stage.Headers.Has, stage.Table, typed));
        if (dataset.ChecksTenant)
        {
            Stage.Execute(connection, DatasetSql.UnknownTenant(typed));
        }

        if (dataset.Name == "sales")
        {
            Stage.Execute(connection, DatasetSql.OutsideLease(typed));
        }

        if (dataset.Name == "turnover_tiers")
        {
            Stage.Execute(connection, DatasetSql.UnknownLease(typed));
            Stage.Execute(connection, DatasetSql.TierList(typed));
        }

        Stage.Execute(connection, DatasetSql.DuplicateKey(dataset, typed));
        var rejects = Rejects(typed);
        var parsed = DatasetSql.Scalar(connection, $"SELECT count(*) FROM {typed}");
        var changed = Upsert(typed);
        Stage.Execute(connection, $"DROP TABLE IF EXISTS {typed}; DROP TABLE IF EXISTS {name}_fresh;");
        stage.Drop(connection);
        return (parsed + rejects.Count(r => r.Reason is RejectReason.MalformedRow or RejectReason.TooLong), changed, rejects);
    }

    /// <summary>Inserts the valid rows; rows whose key exists are replaced (a correction), identical rows are left alone.</summary>
    private long Upsert(string typed)
    {
        var dataset = source.Dataset;
        var columns = DatasetSql.ColumnList(dataset);
        string rows;
        if (DatasetSql.Scalar(connection, $"SELECT count(*) FROM (SELECT 1 FROM {dataset.Name} LIMIT 1)") == 0)
        {
            rows = $"(SELECT {columns} FROM {typed} WHERE _err IS NULL)";   // first load: nothing to compare against
        }
        else
        {
            rows = name + "_fresh";
            Stage.Execute(connection, DatasetSql.Fresh(dataset, typed, rows));
            Stage.Execute(connection, $"DELETE FROM {dataset.Name} x USING {rows} f WHERE {DatasetSql.KeyMatch(dataset, "x", "f")}");
        }

        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"INSERT INTO {dataset.Name} ({columns}, load_id) SELECT {columns}, $load FROM {rows}";
        cmd.Parameters.Add(new DuckDBParameter("load", loadId));
        return cmd.ExecuteNonQuery();
    }

    /// <summary>The rejected rows of a typed table: its _row, the column, the reason and the raw text of the value.</summary>
    internal static List<(long Row, string Column, string Reason, string? Value)> ReadRejects(
        DuckDBConnection connection, DatasetSpec dataset, IReadOnlyList<string> stagedColumns, string stageTable, string typed)
    {
        var present = stagedColumns.Where(c => !c.StartsWith("_ignored_", StringComparison.Ordinal)).ToList();
        var cases = string.Join(" ", present.Select(c => $"WHEN {DatasetSql.Literal(c)} THEN s.{DatasetSql.Quote(c)}"));
        var keyValue = string.Join(", ", dataset.Key.Select(k => $"CAST(t.{DatasetSql.Quote(k)} AS VARCHAR)"));
        var sql = $"""
            SELECT t._row, split_part(t._err, '|', 1) AS col, split_part(t._err, '|', 2) AS reason,
                   CASE split_part(t._err, '|', 1) {cases}
                        WHEN {DatasetSql.Literal(string.Join("+", dataset.Key))} THEN concat_ws(' / ', {keyValue}) END AS value
            FROM {typed} t JOIN {stageTable} s ON s._row = t._row
            WHERE t._err IS NOT NULL ORDER BY t._row
            """;
        var found = new List<(long, string, string, string?)>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            found.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        }

        return found;
    }

    private List<RejectedRow> Rejects(string typed)
    {
        var found = ReadRejects(connection, source.Dataset, Stage.ColumnNames(stage.Headers), stage.Table, typed);
        var malformed = new List<(long DuckLine, string? Text)>();
        if (stage.ReaderRejects is { } rj)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT line, any_value(csv_line) FROM {rj} GROUP BY line ORDER BY line";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                malformed.Add((r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1)));
            }

            Stage.Execute(connection, $"DROP TABLE IF EXISTS {rj}; DROP TABLE IF EXISTS {rj}_scan;");
        }

        var rejects = new List<RejectedRow>(stage.OverLimit);
        if (found.Count == 0 && malformed.Count == 0)
        {
            return rejects;
        }

        Func<long, long> lineOf = row => row;
        if (!stage.RowIsLine)
        {
            // Record index -> physical line, from a scan that skips the rows DuckDB could not split.
            var headerFields = stage.Headers.Columns.Count;
            var records = CsvRecordScanner.Scan(source.ReadPath);
            var good = records.Where(r => r.Fields == headerFields && r.ValidUtf8).Select(r => r.Line).ToList();
            var bad = records.Where(r => r.Fields != headerFields || !r.ValidUtf8).ToList();
            var parsed = DatasetSql.Scalar(connection, $"SELECT count(*) FROM {typed}");
            if (good.Count == parsed && bad.Count == malformed.Count)
            {
                lineOf = row => good[(int)row];
                malformed = bad.Select(b => (b.Line, (string?)b.Problem(headerFields))).ToList();
            }
            else
            {
                // DuckDB and the scan disagree on the file's shape (e.g. a stray quote); fall back to record numbers.
                lineOf = row => row + 2;
            }
        }

        rejects.AddRange(malformed.Select(m => new RejectedRow(source.FileName, source.Sheet, source.Dataset.Name, m.DuckLine,
            null, m.Text is null ? null : Printable.Of(m.Text.Trim('\r', '\n'), 200), RejectReason.MalformedRow)));
        rejects.AddRange(found.Select(f => new RejectedRow(source.FileName, source.Sheet, source.Dataset.Name, lineOf(f.Row),
            f.Column, f.Value, f.Reason)));
        rejects.Sort((a, b) => a.Line.CompareTo(b.Line));
        return rejects;
    }

}
