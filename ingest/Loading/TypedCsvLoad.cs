using System.Globalization;
using Analytics.Ingest.Contract;
using Analytics.Ingest.Csv;
using Analytics.Ingest.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Loading;

/// <summary>
/// The fast path for big CSV files of text, number and date columns (sales, footfall, units): DuckDB's
/// typed CSV reader writes straight into the target table in one pass, and the contract's checks run
/// on the new rows afterwards. A row that breaks a rule is written with a negative load_id that codes
/// the rule, then removed; the transaction hides all of it. Rows the typed reader cannot cast (a
/// thousands separator, a date form it does not know) and text with an edge space take the text path,
/// which is lenient about form and names the reason for what it rejects.
/// </summary>
internal sealed class TypedCsvLoad(DuckDBConnection connection, DropSource source, HeaderMap map, string name, long loadId)
{
    private readonly DatasetSpec _dataset = source.Dataset;
    private const string Padded = "padded";   // not a reject: the row takes the text path
    private readonly List<(string Column, string Reason)> _codes = [];
    private List<CsvRecordScanner.Record>? _records;
    private List<CsvRecordScanner.Record>? _good;
    private HashSet<long> _readerRejected = [];
    private long _parsed;

    public static bool Applies(DropSource source) =>
        source.Sheet is null && source.Dataset.Bulk && source.Dataset.Columns.All(c => c.Type is ColumnType.Text or ColumnType.Decimal or ColumnType.Integer or ColumnType.Date);

    public (long Read, long Changed, List<RejectedRow> Rejects) Run()
    {
        var trace = Stage.Tracer();
        var target = _dataset.Name;
        var hadRows = DatasetSql.Scalar(connection, $"SELECT count(*) FROM (SELECT 1 FROM {target} LIMIT 1)") > 0;
        var parsed = InsertTyped();
        trace("typed insert");
        var firstRowId = parsed == 0 ? 0 : DatasetSql.Scalar(connection, $"SELECT min(rowid) FROM {target} WHERE load_id = {loadId} OR load_id < 0");

        // (position among parsed rows, column, reason) of rows the checks on typed values reject.
        var fast = new List<(long Index, string Column, string Reason)>();
        var paddedRows = new List<long>();
        foreach (var (rowId, code) in Pairs($"SELECT rowid, -load_id FROM {target} WHERE load_id < 0 ORDER BY rowid"))
        {
            var (column, reason) = _codes[(int)code - 1];
            if (reason == Padded)
            {
                paddedRows.Add(rowId - firstRowId);
            }
            else
            {
                fast.Add((rowId - firstRowId, column, reason));
            }
        }

        Execute($"DELETE FROM {target} WHERE load_id < 0");
        if (_dataset.ChecksTenant)
        {
            fast.AddRange(LeaseChecks(firstRowId));
            trace("lease checks");
        }

        _parsed = parsed;
        var (lenientRejects, lenientOrdinals) = Lenient(paddedRows);
        trace("lenient rows");
        var dupRejects = Duplicates(firstRowId, lenientOrdinals);
        trace("duplicate keys");
        var changed = hadRows ? ReplaceExisting() : DatasetSql.Scalar(connection, $"SELECT count(*) FROM {target} WHERE load_id = {loadId}");
        trace("replace existing");

        var rejects = new List<RejectedRow>();
        if (fast.Count > 0 || dupRejects.Count > 0 || lenientRejects.Count > 0)
        {
            var good = Good();
            foreach (var (index, column, reason) in fast)
            {
                var record = good?[(int)index];
                rejects.Add(Reject(record?.Line ?? index + 2, column, RawValue(record, column), reason));
            }

            foreach (var (position, value) in dupRejects)
            {
                rejects.Add(Reject(LineOfPosition(position, good), string.Join("+", _dataset.Key), value, RejectReason.DuplicateKey));
            }

            rejects.AddRange(lenientRejects.Select(r => r with { Line = LineOfOrdinal(r.Line) }));
        }

        rejects.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (parsed + _readerRejected.Count, changed, rejects);
    }

    /// <summary>One pass: read, type, check each row on its own values, insert. Returns the rows parsed.</summary>
    private long InsertTyped()
    {
        var names = Stage.ColumnNames(map);
        var readColumns = "{" + string.Join(", ", map.Columns.Select((c, i) => $"{DatasetSql.Literal(names[i])}: '{ReadType(c)}'")) + "}";
        var values = new List<string>();
        var stored = new List<string>();
        var checks = new List<string>();
        var padded = new List<string>();
        foreach (var c in _dataset.Columns)
        {
            var raw = map.Has(c.Name) ? $"r.{DatasetSql.Quote(c.Name)}" : (c.Type == ColumnType.Text ? "NULL::VARCHAR" : "NULL");
            // No trim here: trimming every string cost a fifth of the whole load (it defeats the reader's
            // string vectors). Text with an edge space is rare; such rows take the text path, which trims.
            var v = c.Type == ColumnType.Text ? $"nullif({raw}, '')" : raw;
            var alias = DatasetSql.Quote("v_" + c.Name);
            if (c.Type == ColumnType.Text && map.Has(c.Name))
            {
                padded.Add($"prefix({alias}, ' ') OR suffix({alias}, ' ')");
            }

            if (c.Default is not null)
            {
                v = c.Type == ColumnType.Text ? $"coalesce({v}, {DatasetSql.Literal(c.Default)})" : $"coalesce({v}, {c.Default})";
            }

            values.Add($"{v} AS {alias}");
            var notNull = c.Required || c.Default is not null;
            stored.Add(c.Type switch
            {
                ColumnType.Decimal => $"coalesce(try_cast({alias} AS DECIMAL(18,2)), 0)",
                ColumnType.Integer => notNull ? $"coalesce(try_cast({alias} AS BIGINT), 0)" : $"try_cast({alias} AS BIGINT)",
                ColumnType.Date => notNull ? $"coalesce({alias}, DATE '0001-01-01')" : alias,
                _ => notNull ? $"coalesce({alias}, '')" : alias,
            });
            if (c.Required && c.Default is null)
            {
                checks.Add($"WHEN {alias} IS NULL THEN -{Code(c.Name, RejectReason.MissingValue)}");
            }

            if (c.Type == ColumnType.Decimal)
            {
                // Read as DOUBLE because the reader would round '10.555' into DECIMAL(18,2) without a word.
                checks.Add($"WHEN NOT isfinite({alias}) OR round({alias}, 2) <> {alias} OR abs({alias}) >= 1e15 THEN -{Code(c.Name, RejectReason.BadNumber)}");
            }
            else if (c.Type == ColumnType.Integer)
            {
                checks.Add($"WHEN NOT isfinite({alias}) OR {alias} <> floor({alias}) OR abs({alias}) > 2147483647 THEN -{Code(c.Name, RejectReason.BadNumber)}");
            }

            if (c.Name == "area_sqm")
            {
                checks.Add($"WHEN {alias} <= 0 THEN -{Code(c.Name, RejectReason.OutOfRange)}");
            }
            else if (c.NonNegative)
            {
                checks.Add($"WHEN {alias} < 0 THEN -{Code(c.Name, RejectReason.OutOfRange)}");
            }
        }

        if (padded.Count > 0)
        {
            checks.Insert(0, $"WHEN {string.Join(" OR ", padded)} THEN -{Code("", Padded)}");
        }

        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            INSERT INTO {_dataset.Name} ({DatasetSql.ColumnList(_dataset)}, load_id)
            SELECT {string.Join(", ", stored)}, CASE {string.Join(" ", checks)} ELSE $load END
            FROM (SELECT {string.Join(", ", values)}
                  FROM read_csv({DatasetSql.Literal(source.ReadPath)}, header = true, max_line_size = {source.Limits.ReaderMaxLineSize}, auto_detect = false, columns = {readColumns},
                                delim = ',', quote = '"', escape = '"', null_padding = false, strict_mode = true,
                                ignore_errors = true, store_rejects = true,
                                rejects_table = {DatasetSql.Literal(name + "_rj")}, rejects_scan = {DatasetSql.Literal(name + "_rjs")}) r)
            """;
        cmd.Parameters.Add(new DuckDBParameter("load", loadId));
        if (Environment.GetEnvironmentVariable("ANALYTICS_TRACE_SQL") == "2")
        {
            Console.Error.WriteLine(cmd.CommandText);
        }

        return cmd.ExecuteNonQuery();
    }

    private static string ReadType(ColumnSpec? c) => c?.Type switch
    {
        ColumnType.Decimal or ColumnType.Integer => "DOUBLE",
        ColumnType.Date => "DATE",
        _ => "VARCHAR",
    };

    private int Code(string column, string reason)
    {
        _codes.Add((column, reason));
        return _codes.Count;
    }

    /// <summary>
    /// Unknown tenants and sales outside every lease. One aggregation per tenant over the new rows (rows,
    /// first and last day) settles almost every tenant: only those whose days do not fit inside one lease
    /// span are checked row by row. The summary also serves the duplicate-key check.
    /// </summary>
    private List<(long Index, string Column, string Reason)> LeaseChecks(long firstRowId)
    {
        var target = _dataset.Name;
        var sales = _dataset.Name == "sales";
        // A tenant's leases merged into disjoint covered spans, so a day matches at most one span.
        Execute($"""
            CREATE TEMP TABLE {name}_cover AS
            WITH l AS (SELECT t.mall_id, t.tenant_id, t.lease_start AS s, {LeaseSql.LastDay("t")} AS e FROM tenants t),
            m AS (SELECT *, CASE WHEN s <= max(e) OVER (PARTITION BY mall_id, tenant_id ORDER BY s, e
                                                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + 1 THEN 0 ELSE 1 END AS brk FROM l),
            g AS (SELECT *, sum(brk) OVER (PARTITION BY mall_id, tenant_id ORDER BY s, e) AS grp FROM m)
            SELECT mall_id, tenant_id, min(s) AS s, max(e) AS e FROM g GROUP BY mall_id, tenant_id, grp
            """);
        var summary = TenantSummary();
        var fits = sales ? $"EXISTS (SELECT 1 FROM {name}_cover c WHERE c.mall_id = a.mall_id AND c.tenant_id = a.tenant_id AND a.dmin >= c.s AND a.dmax <= c.e)" : "true";
        Execute($"""
            CREATE TEMP TABLE {name}_suspects AS
            SELECT a.mall_id, a.tenant_id FROM {summary} a
            WHERE NOT EXISTS (SELECT 1 FROM tenants k WHERE k.mall_id = a.mall_id AND k.tenant_id = a.tenant_id) OR NOT {fits}
            """);
        Execute($"""
            CREATE TEMP TABLE {name}_bad AS
            SELECT t.rowid AS r, CASE WHEN k.tenant_id IS NULL THEN 1 ELSE 2 END AS code
            FROM {target} t
            JOIN {name}_suspects x ON x.mall_id = t.mall_id AND x.tenant_id = t.tenant_id
            LEFT JOIN (SELECT DISTINCT mall_id, tenant_id FROM tenants) k ON k.mall_id = t.mall_id AND k.tenant_id = t.tenant_id
            {(sales ? $"LEFT JOIN {name}_cover c ON c.mall_id = t.mall_id AND c.tenant_id = t.tenant_id AND t.date BETWEEN c.s AND c.e" : "")}
            WHERE t.load_id = {loadId} AND (k.tenant_id IS NULL {(sales ? "OR c.tenant_id IS NULL" : "")})
            """);
        var bad = Pairs($"SELECT r, code FROM {name}_bad")
            .Select(p => (p.A - firstRowId, p.B == 1 ? "tenant_id" : "date", p.B == 1 ? RejectReason.UnknownTenant : RejectReason.OutsideLease))
            .ToList();
        Execute($"DELETE FROM {target} WHERE rowid IN (SELECT r FROM {name}_bad); DROP TABLE {name}_bad; DROP TABLE {name}_cover; DROP TABLE {name}_suspects;");
        return bad;
    }

    /// <summary>
    /// Per group of the key without its date (a tenant, a zone): rows, distinct days, first and last day of the
    /// new rows. Null when the key has no date.
    /// </summary>
    private string? TenantSummary()
    {
        if (_summary is not null || _dataset.Key.All(k => _dataset.Column(k).Type != ColumnType.Date))
        {
            return _summary;
        }

        var date = _dataset.Key.First(k => _dataset.Column(k).Type == ColumnType.Date);
        var rest = string.Join(", ", _dataset.Key.Where(k => k != date).Select(DatasetSql.Quote));
        var day = $"({DatasetSql.Quote(date)} - DATE '0001-01-01')";
        _summary = name + "_summary";
        // Distinct days are counted exactly with one 64-bit word per 64-day block (OR of the days' bits, then a
        // popcount): plain integer aggregates, about half the cost of bitstring_agg over the whole date range.
        Execute($"""
            CREATE TEMP TABLE {_summary} AS
            SELECT {rest}, sum(n)::BIGINT AS n, sum(bit_count(w))::BIGINT AS days, min(dmin) AS dmin, max(dmax) AS dmax
            FROM (SELECT {rest}, {day} // 64 AS block, count(*) AS n, bit_or(1::UBIGINT << ({day} % 64)::UBIGINT) AS w,
                         min({DatasetSql.Quote(date)}) AS dmin, max({DatasetSql.Quote(date)}) AS dmax
                  FROM {_dataset.Name} WHERE load_id = {loadId} GROUP BY ALL)
            GROUP BY ALL
            """);
        return _summary;
    }

    private string? _summary;

    /// <summary>
    /// Rows the typed reader could not cast, and the padded rows found by the typed pass, go through the text
    /// path (lenient about form, strict about meaning); rows the reader could not split are malformed. Records
    /// the reader's rejected ordinals, and returns the rejects (Line holds DuckDB's ordinal until mapped) and
    /// the ordinals of the rows inserted by this path (in rowid order).
    /// </summary>
    private (List<RejectedRow> Rejects, List<long> Inserted) Lenient(List<long> paddedRows)
    {
        var rows = new List<(long Ordinal, bool Cast, string? Line)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"SELECT line, bool_and(error_type = 'CAST'), any_value(csv_line) FROM {name}_rj GROUP BY line ORDER BY line";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                rows.Add((r.GetInt64(0), r.GetBoolean(1), r.IsDBNull(2) ? null : r.GetString(2)));
            }
        }

        Execute($"DROP TABLE IF EXISTS {name}_rj; DROP TABLE IF EXISTS {name}_rjs;");
        var rejects = new List<RejectedRow>();
        _readerRejected = rows.Select(r => r.Ordinal).ToHashSet();
        var names = Stage.ColumnNames(map);
        var castable = new List<(long Ordinal, IReadOnlyList<string> Fields)>();
        if (paddedRows.Count > 0)
        {
            // Rows with an edge space in a text value, re-read from the file by their byte offset.
            var good = Good() ?? throw new InvalidOperationException($"{source.FileName}: DuckDB and the line scan disagree on the rows of the file.");
            castable.AddRange(paddedRows.Select(i => (good[(int)i].Ordinal, CsvRecordScanner.ReadRecordAt(source.ReadPath, good[(int)i].Offset))));
        }

        foreach (var row in rows)
        {
            var fields = row.Line is null ? [] : CsvRecordScanner.SplitRecord(new StringReader(row.Line.TrimStart('\r', '\n')));
            if (row.Cast && fields.Count == names.Count)
            {
                castable.Add((row.Ordinal, fields));
            }
            else
            {
                rejects.Add(Reject(row.Ordinal, null, MalformedDetail(row.Ordinal), RejectReason.MalformedRow));
            }
        }

        if (castable.Count == 0)
        {
            return (rejects, []);
        }

        castable.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));

        var stage = name + "_len";
        Execute($"CREATE TEMP TABLE {stage} (_row BIGINT, {string.Join(", ", names.Select(n => DatasetSql.Quote(n) + " VARCHAR"))})");
        using (var appender = connection.CreateAppender(stage))
        {
            foreach (var (ordinal, fields) in castable)
            {
                var r = appender.CreateRow().AppendValue(ordinal);
                foreach (var f in fields)
                {
                    r.AppendValue(f.Length == 0 ? null : f);
                }

                r.EndRow();
            }
        }

        var typed = stage + "_typed";
        Execute(DatasetSql.Typed(_dataset, map.Has, stage, typed));
        if (_dataset.ChecksTenant)
        {
            Execute(DatasetSql.UnknownTenant(typed));
        }

        if (_dataset.Name == "sales")
        {
            Execute(DatasetSql.OutsideLease(typed));
        }

        foreach (var f in StagedLoad.ReadRejects(connection, _dataset, names, stage, typed))
        {
            rejects.Add(Reject(f.Row, f.Column, f.Value, f.Reason));
        }

        var inserted = new List<long>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"SELECT _row FROM {typed} WHERE _err IS NULL ORDER BY _row";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                inserted.Add(r.GetInt64(0));
            }
        }

        var columns = DatasetSql.ColumnList(_dataset);
        Execute($"INSERT INTO {_dataset.Name} ({columns}, load_id) SELECT {columns}, {loadId} FROM {typed} WHERE _err IS NULL ORDER BY _row");
        Execute($"DROP TABLE {typed}; DROP TABLE {stage};");
        return (rejects, inserted);
    }

    /// <summary>Keys repeated among the new rows: the first in file order stays. Returns (file position, key) of the others.</summary>
    private List<(Position Position, string Key)> Duplicates(long firstRowId, List<long> lenientOrdinals)
    {
        var target = _dataset.Name;
        var keys = string.Join(", ", _dataset.Key.Select(DatasetSql.Quote));
        var lenientFirst = lenientOrdinals.Count == 0 ? long.MaxValue
            : DatasetSql.Scalar(connection, $"SELECT min(rowid) FROM (SELECT rowid FROM {target} WHERE load_id = {loadId} ORDER BY rowid DESC LIMIT {lenientOrdinals.Count})");
        var members = new List<(long RowId, string Key)>();
        var candidates = DuplicateCandidates(keys, lenientFirst);
        if (candidates is not null)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"""
                SELECT rowid, concat_ws(' / ', {string.Join(", ", _dataset.Key.Select(k => $"CAST({DatasetSql.Quote(k)} AS VARCHAR)"))})
                FROM {target} WHERE load_id = {loadId} AND {candidates}
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                members.Add((r.GetInt64(0), r.GetString(1)));
            }
        }

        var dropped = new List<(Position, string)>();
        var toDelete = new List<long>();
        foreach (var group in members.GroupBy(m => m.Key).Where(g => g.Count() > 1))
        {
            var ordered = group.Select(m => (m.RowId, Pos: m.RowId >= lenientFirst
                    ? new Position(null, lenientOrdinals[(int)(m.RowId - lenientFirst)])
                    : new Position(m.RowId - firstRowId, null)))
                .OrderBy(m => OrdinalOf(m.Pos)).ToList();
            foreach (var (rowId, pos) in ordered.Skip(1))
            {
                dropped.Add((pos, group.Key));
                toDelete.Add(rowId);
            }
        }

        if (toDelete.Count > 0)
        {
            Execute($"DELETE FROM {target} WHERE rowid IN ({string.Join(", ", toDelete)})");
        }

        Execute($"DROP TABLE IF EXISTS {name}_dupgroups; DROP TABLE IF EXISTS {name}_duphash; DROP TABLE IF EXISTS {name}_summary;");
        return dropped;
    }

    /// <summary>
    /// A filter that selects every new row whose key may be repeated, or null when none is. With a date in the
    /// key (sales, footfall) it reads the per-group summary (rows against distinct days), about a quarter of the
    /// work of hashing every key; otherwise it hashes the key.
    /// </summary>
    private string? DuplicateCandidates(string keys, long lenientFirst)
    {
        var target = _dataset.Name;
        if (TenantSummary() is { } summary)
        {
            var date = _dataset.Key.First(k => _dataset.Column(k).Type == ColumnType.Date);
            var rest = string.Join(", ", _dataset.Key.Where(k => k != date).Select(DatasetSql.Quote));
            // The summary predates the lenient rows: their groups are candidates too.
            Execute($"""
                CREATE OR REPLACE TEMP TABLE {name}_dupgroups AS
                SELECT {rest} FROM {summary} WHERE n > days
                UNION SELECT {rest} FROM {target} WHERE load_id = {loadId} AND rowid >= {lenientFirst}
                """);
            return DatasetSql.Scalar(connection, $"SELECT count(*) FROM {name}_dupgroups") == 0
                ? null
                : $"({rest}) IN (SELECT ({rest}) FROM {name}_dupgroups)";
        }

        // Hashing the key keeps the aggregation to one 64-bit column; the exact keys are compared by the caller.
        var hashes = $"SELECT h FROM (SELECT hash({keys}) AS h FROM {target} WHERE load_id = {loadId}) GROUP BY h HAVING count(*) > 1";
        Execute($"CREATE OR REPLACE TEMP TABLE {name}_duphash AS {hashes}");
        return DatasetSql.Scalar(connection, $"SELECT count(*) FROM {name}_duphash") == 0 ? null : $"hash({keys}) IN (SELECT h FROM {name}_duphash)";
    }

    /// <summary>A row's place in the file: its index among typed-parsed rows, or DuckDB's ordinal for a lenient row.</summary>
    private readonly record struct Position(long? Index, long? Ordinal);

    private long OrdinalOf(Position p) =>
        p.Ordinal ?? (Good() is { } good ? good[(int)p.Index!.Value].Ordinal : p.Index!.Value + 2);

    private long LineOfPosition(Position p, List<CsvRecordScanner.Record>? good) =>
        p.Ordinal is { } o ? LineOfOrdinal(o) : good?[(int)p.Index!.Value].Line ?? p.Index!.Value + 2;

    /// <summary>New rows identical to stored ones are dropped (a re-load changes nothing); stored rows whose key comes again are replaced.</summary>
    private long ReplaceExisting()
    {
        var target = _dataset.Name;
        var same = string.Join(" AND ", _dataset.Columns.Select(c => $"o.{DatasetSql.Quote(c.Name)} IS NOT DISTINCT FROM n.{DatasetSql.Quote(c.Name)}"));
        Execute($"""
            DELETE FROM {target} WHERE rowid IN (
                SELECT n.rowid FROM {target} n JOIN {target} o ON {DatasetSql.KeyMatch(_dataset, "o", "n")}
                WHERE n.load_id = {loadId} AND o.load_id <> {loadId} AND {same})
            """);
        Execute($"""
            DELETE FROM {target} WHERE rowid IN (
                SELECT o.rowid FROM {target} n JOIN {target} o ON {DatasetSql.KeyMatch(_dataset, "o", "n")}
                WHERE n.load_id = {loadId} AND o.load_id <> {loadId})
            """);
        return DatasetSql.Scalar(connection, $"SELECT count(*) FROM {target} WHERE load_id = {loadId}");
    }

    /// <summary>
    /// The records DuckDB's typed reader parsed, in order (index k is the k-th parsed row), from one scan
    /// of the file; null when the scan disagrees with DuckDB on the file's shape.
    /// </summary>
    private List<CsvRecordScanner.Record>? Good()
    {
        if (_good is null)
        {
            _records ??= CsvRecordScanner.Scan(source.ReadPath);
            var good = _records.Where(r => !_readerRejected.Contains(r.Ordinal)).ToList();
            _good = good.Count == _parsed ? good : null;
        }

        return _good;
    }

    private long LineOfOrdinal(long ordinal)
    {
        _records ??= CsvRecordScanner.Scan(source.ReadPath);
        var i = _records.BinarySearch(new CsvRecordScanner.Record(ordinal, 0, 0, 0, true),
            Comparer<CsvRecordScanner.Record>.Create((a, b) => a.Ordinal.CompareTo(b.Ordinal)));
        return i >= 0 ? _records[i].Line : ordinal;
    }

    private string? MalformedDetail(long ordinal)
    {
        _records ??= CsvRecordScanner.Scan(source.ReadPath);
        var record = _records.FirstOrDefault(r => r.Ordinal == ordinal);
        return record.Ordinal != ordinal ? null : record.Problem(map.Columns.Count);
    }

    private string? RawValue(CsvRecordScanner.Record? record, string column)
    {
        var index = map.Columns.ToList().FindIndex(c => c?.Name == column);
        if (record is null || index < 0)
        {
            return null;
        }

        var fields = CsvRecordScanner.ReadRecordAt(source.ReadPath, record.Value.Offset);
        return index < fields.Count ? fields[index] : null;
    }

    private RejectedRow Reject(long line, string? column, string? value, string reason) =>
        new(source.FileName, null, _dataset.Name, line, column, value, reason);

    private List<(long A, long B)> Pairs(string sql)
    {
        var list = new List<(long, long)>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add((Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    private void Execute(string sql) => Stage.Execute(connection, sql);

}
