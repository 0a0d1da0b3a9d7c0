using System.Globalization;
using System.Security.Cryptography;
using Analytics.Ingest.Contract;
using Analytics.Ingest.Csv;
using Analytics.Ingest.Limits;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Loading;

/// <summary>
/// Loads one data drop into the warehouse as one transaction: every valid row in, every invalid row
/// listed with its line and reason, and nothing at all when a file is refused or the process dies.
/// </summary>
public sealed class DropLoader(Warehouse.Warehouse warehouse, TimeProvider clock)
{
    /// <param name="cancel">Stops the load (a watchdog's budget): the statement running is interrupted, the transaction
    /// rolled back, and <see cref="OperationCanceledException"/> thrown; the warehouse is as it was.</param>
    public LoadResult Load(string folder, LoadOptions options, CancellationToken cancel = default)
    {
        var limits = options.Limits ?? InputLimits.Default;
        limits.Validate();
        var (sources, ignored, refusedWorkbooks) = DropSource.Discover(folder, limits);
        var problems = ignored.Select(i => $"{Printable.Of(i)}: not a dataset of the contract, ignored").ToList();
        // Hashing a large file takes a while; it runs beside DuckDB's read of the same files.
        var hashes = sources.Select(s => s.Path).Distinct().ToDictionary(p => p, p => Task.Run(() => Sha256(p)));

        var trace = Stage.Tracer();
        using var connection = warehouse.Open(clock);
        trace("open");
        // DuckDB checks for an interrupt inside long statements (a read, a join): the budget stops them, not just the gaps.
        using var interrupt = cancel.Register(() =>
        {
            using var command = connection.CreateCommand();
            command.Cancel();
        });
        var started = clock.GetUtcNow().UtcDateTime;
        var loadId = DatasetSql.Scalar(connection, "SELECT coalesce(max(load_id), 0) + 1 FROM load_log");

        var outcomes = new List<(FileResult File, List<RejectedRow> Rejects)>();
        foreach (var (file, problem) in refusedWorkbooks)
        {
            // A workbook over the limits is never opened by the sheet reader; it refuses the drop like any refused file.
            outcomes.Add((new FileResult("workbook", file, null, Sha256(Path.Combine(folder, file)), 0, 0, 0, 0, true, problem, []), []));
            problems.Add($"{file}: {problem}");
        }

        using (var tx = connection.BeginTransaction())
        {
            for (var i = 0; i < sources.Count; i++)
            {
                cancel.ThrowIfCancellationRequested();
                // The file's hash is awaited only when its result is written, so hashing runs beside DuckDB's read.
                (FileResult File, List<RejectedRow> Rejects) outcome;
                try
                {
                    outcome = LoadSource(connection, sources[i], $"s{i}", loadId, options, hashes[sources[i].Path]);
                }
                catch (DuckDBException) when (cancel.IsCancellationRequested)
                {
                    throw new OperationCanceledException("The load was stopped.", cancel);
                }
                catch (DuckDBException ex) when (ex.Message.StartsWith("Invalid Input Error", StringComparison.Ordinal))
                {
                    // DuckDB's CSV reader gives up on some broken quoting as a whole; the transaction is then aborted,
                    // so the drop is refused here and the files after this one are not read.
                    outcomes.Add((Unreadable(sources[i], hashes[sources[i].Path].Result, ReaderProblem(ex)), []));
                    problems.Add($"{sources[i].Display}: {outcomes[^1].File.RefusalReason}");
                    break;
                }

                outcomes.Add(outcome);
                options.Progress?.Report((i + 1, sources.Count));
                if (outcome.File.RefusalReason is { } reason && outcome.File.RowsRead == 0)
                {
                    problems.Add($"{outcome.File.Display}: {reason}");
                }
            }

            trace("files");
            cancel.ThrowIfCancellationRequested();
            var refused = outcomes.Any(o => o.File.Refused);
            if (refused)
            {
                tx.Rollback();
            }
            else
            {
                RecordLoad(connection, loadId, started, folder, outcomes);
                tx.Commit();
                trace("commit");
            }

            var files = outcomes.Select(o => o.File).ToList();
            var rejects = outcomes.SelectMany(o => o.Rejects).ToList();
            var rejectsFile = rejects.Count > 0 || refused ? WriteRejects(options, loadId, refused, rejects) : null;
            return new LoadResult(refused ? null : loadId, refused, files, rejects, rejectsFile, problems);
        }
    }

    private static (FileResult File, List<RejectedRow> Rejects) LoadSource(
        DuckDBConnection connection, DropSource source, string name, long loadId, LoadOptions options, Task<string> hash)
    {
        var dataset = source.Dataset;
        long read, changed;
        List<RejectedRow> rejects;
        IReadOnlyList<string> ignored;
        var tooLong = new List<RejectedRow>();
        HeaderMap? header = null;
        string? blanked = null;
        try
        {
            if (source.Sheet is null)
            {
                // The limits first, in one linear pass: DuckDB's reader must never meet a line that costs it quadratic time.
                if (CsvLimitScan.CheckHeader(source.Path, source.Limits) is { } headerProblem)
                {
                    return (Unreadable(source, hash.Result, $"its header cannot be read: {headerProblem}"), []);
                }

                (header, var headerError) = HeaderMap.Build(dataset, CsvRecordScanner.ReadHeader(source.Path));
                if (header is null)
                {
                    return (Unreadable(source, hash.Result, headerError!), []);
                }

                var over = CsvLimitScan.Records(source.Path, source.Limits, header.Columns);
                if (over.Count > 0)
                {
                    blanked = Path.Combine(Path.GetTempPath(), $"analytics-{Guid.NewGuid():N}.csv");
                    CsvLimitScan.WriteBlanked(source.Path, blanked, over);
                    source = source with { ReadPath = blanked };
                    tooLong.AddRange(over.Select(o => source.TooLong(o.Line, o.Column, o.Problem)));
                }
            }

            if (TypedCsvLoad.Applies(source) && header is not null)
            {
                (read, changed, rejects) = new TypedCsvLoad(connection, source, header, name, loadId).Run();
                ignored = header.Ignored;
            }
            else
            {
                var (stage, problem) = Stage.Create(connection, source, name);
                if (stage is null)
                {
                    return (Unreadable(source, hash.Result, problem!), []);
                }

                (read, changed, rejects) = new StagedLoad(connection, source, stage, name, loadId).Run();
                ignored = stage.Headers.Ignored;
            }
        }
        finally
        {
            if (blanked is not null)
            {
                File.Delete(blanked);
            }
        }

        if (tooLong.Count > 0)
        {
            read += tooLong.Count;
            rejects.AddRange(tooLong);
            rejects.Sort((a, b) => a.Line.CompareTo(b.Line));
        }

        var rejected = (long)rejects.Count;
        var share = read == 0 ? 0 : 100.0 * rejected / read;
        var refused = share > options.MaxRejectPct;
        var reason = refused
            ? string.Create(CultureInfo.InvariantCulture, $"{rejected} of {read} rows rejected ({share:0.##} %), above the limit of {options.MaxRejectPct:0.##} %")
            : null;
        return (new FileResult(dataset.Name, source.FileName, source.Sheet, hash.Result, read, refused ? 0 : read - rejected, rejected,
            refused ? 0 : changed, refused, reason, ignored), rejects);
    }

    /// <summary>The first line of DuckDB's message, without the temporary file's path or raw bytes of the input.</summary>
    private static string ReaderProblem(DuckDBException ex)
    {
        var first = ex.Message.Split('\n')[0].Replace("Invalid Input Error: ", "", StringComparison.Ordinal).TrimEnd('.');
        return $"it cannot be read as CSV ({Printable.Of(first, 160)}); check its quotes";
    }

    private static FileResult Unreadable(DropSource source, string sha, string problem) =>
        new(source.Dataset.Name, source.FileName, source.Sheet, sha, 0, 0, 0, 0, true, problem, []);

    private void RecordLoad(DuckDBConnection connection, long loadId, DateTime started, string folder,
        List<(FileResult File, List<RejectedRow> Rejects)> outcomes)
    {
        using (var appender = connection.CreateAppender("rejected_rows"))
        {
            foreach (var r in outcomes.SelectMany(o => o.Rejects))
            {
                appender.CreateRow().AppendValue(loadId).AppendValue(r.Sheet is null ? r.File : $"{r.File}[{r.Sheet}]")
                    .AppendValue(r.Dataset).AppendValue(r.Line).AppendValue(r.Column).AppendValue(r.Value).AppendValue(r.Reason).EndRow();
            }
        }

        foreach (var (f, _) in outcomes)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO load_files VALUES ($id, $file, $sheet, $dataset, $sha, $read, $loaded, $rejected, $ignored)";
            cmd.Parameters.Add(new DuckDBParameter("id", loadId));
            cmd.Parameters.Add(new DuckDBParameter("file", f.File));
            cmd.Parameters.Add(new DuckDBParameter("sheet", f.Sheet));
            cmd.Parameters.Add(new DuckDBParameter("dataset", f.Dataset));
            cmd.Parameters.Add(new DuckDBParameter("sha", f.Sha256));
            cmd.Parameters.Add(new DuckDBParameter("read", f.RowsRead));
            cmd.Parameters.Add(new DuckDBParameter("loaded", f.RowsLoaded));
            cmd.Parameters.Add(new DuckDBParameter("rejected", f.RowsRejected));
            cmd.Parameters.Add(new DuckDBParameter("ignored", f.IgnoredColumns.Count == 0 ? null : string.Join(", ", f.IgnoredColumns)));
            cmd.ExecuteNonQuery();
        }

        using var log = connection.CreateCommand();
        log.CommandText = "INSERT INTO load_log VALUES ($id, $started, $finished, $source, $read, $loaded, $rejected)";
        log.Parameters.Add(new DuckDBParameter("id", loadId));
        log.Parameters.Add(new DuckDBParameter("started", started));
        log.Parameters.Add(new DuckDBParameter("finished", clock.GetUtcNow().UtcDateTime));
        log.Parameters.Add(new DuckDBParameter("source", Path.GetFullPath(folder)));
        log.Parameters.Add(new DuckDBParameter("read", outcomes.Sum(o => o.File.RowsRead)));
        log.Parameters.Add(new DuckDBParameter("loaded", outcomes.Sum(o => o.File.RowsLoaded)));
        log.Parameters.Add(new DuckDBParameter("rejected", outcomes.Sum(o => o.File.RowsRejected)));
        log.ExecuteNonQuery();
    }

    private string WriteRejects(LoadOptions options, long loadId, bool refused, List<RejectedRow> rejects)
    {
        var path = options.RejectsFile ?? Path.Combine(Path.GetDirectoryName(warehouse.Path) ?? ".", "rejects",
            string.Create(CultureInfo.InvariantCulture,
                $"load-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}-{(refused ? "refused" : loadId.ToString(CultureInfo.InvariantCulture))}.csv"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        RejectsCsv.Write(path, rejects);
        return Path.GetFullPath(path);
    }

    private static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
