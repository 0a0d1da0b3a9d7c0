using System.Globalization;
using Analytics.Api.Drops;
using Analytics.Api.Server;
using Hangfire;

namespace Analytics.Api.Jobs;

/// <summary>
/// The nightly ingest: each subfolder of the inbox is one drop. A folder is first renamed into inbox/.taken/ (so no
/// later run sees it again), registered as a drop, then loaded. A run that stopped between those steps finds its
/// registered but unfinished drops and loads them again, which is harmless: loading the same rows changes nothing.
/// </summary>
internal sealed class InboxIngestJob(DropIngestion drops, ServerOptions options, TimeProvider clock, ILogger<InboxIngestJob> log)
{
    public const string Source = "inbox";

    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public void Run() => RunOnce();

    public IReadOnlyList<DropStatus> RunOnce()
    {
        var results = new List<DropStatus>();
        foreach (var (dropId, folder) in drops.Unfinished(Source))
        {
            results.Add(drops.LoadNow(dropId, folder));
        }

        var inbox = Path.GetFullPath(options.Inbox);
        if (!Directory.Exists(inbox))
        {
            log.LogInformation("Inbox {Inbox} does not exist; nothing to ingest.", inbox);
            return results;
        }

        var taken = Path.Combine(inbox, ".taken");
        Directory.CreateDirectory(taken);
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddTHHmmss", CultureInfo.InvariantCulture);
        foreach (var folder in Directory.GetDirectories(inbox).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith('.') || StillChanging(folder))
            {
                continue;
            }

            var target = Path.Combine(taken, $"{name}.{stamp}");
            Directory.Move(folder, target);
            var dropId = drops.Register(Source, target, null);
            results.Add(drops.LoadNow(dropId, target));
        }

        log.LogInformation("Inbox ingest: {Count} drops processed.", results.Count);
        return results;
    }

    /// <summary>A folder whose newest file changed within the settle time may still be being copied: next run.</summary>
    private bool StillChanging(string folder)
    {
        var newest = Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(p => File.GetLastWriteTimeUtc(p))
            .DefaultIfEmpty(Directory.GetLastWriteTimeUtc(folder))
            .Max();
        var changing = clock.GetUtcNow().UtcDateTime - newest < options.Jobs.InboxSettle;
        if (changing)
        {
            log.LogInformation("Inbox folder {Folder} changed in the last {Settle}; left for the next run.", folder, options.Jobs.InboxSettle);
        }

        return changing;
    }
}
