using System.Text.Json;
using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Analytics.Api.Server;
using Analytics.Ingest.Loading;
using DuckDB.NET.Data;
using Hangfire;

namespace Analytics.Api.Drops;

/// <summary>What GET /api/drops/{id} answers: the drop's state and, once loaded or refused, what the loader said.</summary>
internal sealed record DropStatus(
    long DropId, string Status, string Source, DateTime ReceivedAt, string? UploadedBy, DateTime? FinishedAt, long? LoadId,
    string? Message, DropReport? Report);

internal sealed record DropReport(
    IReadOnlyList<DropFileReport> Files, IReadOnlyList<RejectedRow> Rejects, long RejectsTotal, IReadOnlyList<string> Problems, string? RejectsFile);

internal sealed record DropFileReport(
    string Dataset, string File, string? Sheet, long RowsRead, long RowsLoaded, long RowsRejected, bool Refused, string? RefusalReason);

/// <summary>
/// The api_drops table and the job that loads one drop. Loads run one at a time in this process (two DuckDB writers
/// on the same rows conflict at commit); a refused drop leaves the warehouse as it was (the loader's guarantee) and
/// its reasons are kept for GET /api/drops/{id}.
/// </summary>
internal sealed class DropIngestion(
    WarehouseAccess warehouse, ServerOptions options, FiguresCache cache, TenantFigures figures, TimeProvider clock, ILogger<DropIngestion> log)
{
    public const int RejectsShown = 200;
    private static readonly SemaphoreSlim OneLoadAtATime = new(1, 1);
    private static readonly Lock IdGate = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public long Register(string source, string folder, string? uploadedBy)
    {
        lock (IdGate)
        {
            using var connection = warehouse.Connect();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                INSERT INTO api_drops (drop_id, received_at, source, uploaded_by, folder, status)
                SELECT coalesce(max(drop_id), 0) + 1, $now, $source, $by, $folder, 'queued' FROM api_drops
                RETURNING drop_id
                """;
            cmd.Parameters.Add(new DuckDBParameter("now", clock.GetUtcNow().UtcDateTime));
            cmd.Parameters.Add(new DuckDBParameter("source", source));
            cmd.Parameters.Add(new DuckDBParameter("by", (object?)uploadedBy ?? DBNull.Value));
            cmd.Parameters.Add(new DuckDBParameter("folder", folder));
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The background job: loads the drop's folder. Re-running it loads the same rows again, which changes nothing.</summary>
    [AutomaticRetry(Attempts = 1)]
    public void Load(long dropId)
    {
        var found = Find(dropId) ?? throw new InvalidOperationException($"Drop {dropId} is not registered.");
        if (found.Status.Status is not ("queued" or "loading"))
        {
            // Hangfire hands a job out again after a crash; a drop marked interrupted at start-up (or finished) stays as it is.
            log.LogInformation("Drop {DropId} is {Status}: not loaded again", dropId, found.Status.Status);
            return;
        }

        LoadNow(dropId, found.Folder);
    }

    /// <summary>
    /// At start-up, before any job runs: drops left "queued" or "loading" by a process that stopped are marked
    /// "interrupted" with a sentence, at once rather than when Hangfire's invisibility timeout (30 minutes) hands their
    /// job out again. An uploaded drop is not re-run (its job would find it interrupted and skip it): the admin sends it
    /// again. An inbox drop is loaded again by the next inbox run, from its folder under .taken.
    /// </summary>
    public int MarkInterrupted()
    {
        using var connection = warehouse.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            UPDATE api_drops SET status = 'interrupted', finished_at = $now,
                message = 'The server stopped while this drop was ' || status || '; nothing of it was loaded. ' ||
                          CASE source WHEN 'upload' THEN 'Upload it again.' ELSE 'The next inbox run loads it again.' END
            WHERE status IN ('queued', 'loading')
            """;
        cmd.Parameters.Add(new DuckDBParameter("now", clock.GetUtcNow().UtcDateTime));
        return cmd.ExecuteNonQuery();
    }

    public DropStatus LoadNow(long dropId, string folder)
    {
        OneLoadAtATime.Wait();
        try
        {
            SetStatus(dropId, "loading", null, null, null);
            LoadResult result;
            // The watchdog: a load that outlives its budget is interrupted inside DuckDB and rolled back, the lock freed.
            using var budget = new CancellationTokenSource(options.LoadBudget);
            try
            {
                result = new DropLoader(warehouse.Warehouse, clock).Load(
                    folder, new LoadOptions(options.MaxRejectPct, Path.Combine(folder, "rejects.csv"), options.Limits), budget.Token);
            }
            catch (OperationCanceledException)
            {
                var stopped = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The load took longer than its budget of {options.LoadBudget.TotalMinutes:0.##} minutes and was stopped; nothing was loaded.");
                SetStatus(dropId, "failed", null, stopped, null);
                log.LogWarning("Drop {DropId} failed: {Message}", dropId, stopped);
                return Get(dropId)!;
            }
            catch (Analytics.Ingest.UserError ex)
            {
                SetStatus(dropId, "failed", null, ex.Message, null);
                log.LogWarning("Drop {DropId} failed: {Message}", dropId, ex.Message);
                return Get(dropId)!;
            }

            var report = new DropReport(
                result.Files.Select(f => new DropFileReport(f.Dataset, f.File, f.Sheet, f.RowsRead, f.RowsLoaded, f.RowsRejected, f.Refused, f.RefusalReason)).ToList(),
                result.Rejects.Take(RejectsShown).ToList(),
                result.Rejects.Count,
                result.Problems,
                result.RejectsFile);
            var status = result.Refused ? "refused" : "loaded";
            var message = result.Refused
                ? "Refused: " + string.Join("; ", result.Files.Where(f => f.Refused).Select(f => $"{f.Display}: {f.RefusalReason}")) + ". Nothing was loaded."
                : $"Loaded {result.RowsLoaded} rows, rejected {result.RowsRejected}.";
            SetStatus(dropId, status, result.LoadId, message, report);
            if (!result.Refused)
            {
                cache.Clear();
                figures.WarmUpInBackground();
            }

            log.LogInformation("Drop {DropId}: {Message}", dropId, message);
            return Get(dropId)!;
        }
        finally
        {
            OneLoadAtATime.Release();
        }
    }

    public DropStatus? Get(long dropId) => Find(dropId)?.Status;

    /// <summary>Drops of a source that were registered but never finished (the process stopped mid-load).</summary>
    public IReadOnlyList<(long DropId, string Folder)> Unfinished(string source)
    {
        using var connection = warehouse.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT drop_id, folder FROM api_drops WHERE source = $source AND status IN ('queued', 'loading', 'interrupted') ORDER BY drop_id";
        cmd.Parameters.Add(new DuckDBParameter("source", source));
        var list = new List<(long, string)>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add((r.GetInt64(0), r.GetString(1)));
        }

        return list;
    }

    private (DropStatus Status, string Folder)? Find(long dropId)
    {
        using var connection = warehouse.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT drop_id, status, source, received_at, uploaded_by, finished_at, load_id, message, result_json, folder
            FROM api_drops WHERE drop_id = $id
            """;
        cmd.Parameters.Add(new DuckDBParameter("id", dropId));
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var status = new DropStatus(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetDateTime(3), r.IsDBNull(4) ? null : r.GetString(4),
            r.IsDBNull(5) ? null : r.GetDateTime(5), r.IsDBNull(6) ? null : r.GetInt64(6), r.IsDBNull(7) ? null : r.GetString(7),
            r.IsDBNull(8) ? null : JsonSerializer.Deserialize<DropReport>(r.GetString(8), Json));
        return (status, r.GetString(9));
    }

    private void SetStatus(long dropId, string status, long? loadId, string? message, DropReport? report)
    {
        using var connection = warehouse.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            UPDATE api_drops SET status = $status, load_id = $load, message = $message, result_json = $json,
                finished_at = CASE WHEN $status IN ('loaded', 'refused', 'failed', 'interrupted') THEN $now ELSE NULL END
            WHERE drop_id = $id
            """;
        cmd.Parameters.Add(new DuckDBParameter("status", status));
        cmd.Parameters.Add(new DuckDBParameter("load", (object?)loadId ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("message", (object?)message ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("json", report is null ? DBNull.Value : JsonSerializer.Serialize(report, Json)));
        cmd.Parameters.Add(new DuckDBParameter("now", clock.GetUtcNow().UtcDateTime));
        cmd.Parameters.Add(new DuckDBParameter("id", dropId));
        cmd.ExecuteNonQuery();
    }
}
