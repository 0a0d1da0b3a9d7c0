using Analytics.Ingest.Warehouse;

namespace Analytics.Api.Server;

/// <summary>
/// Everything 'serve' can be told, with its default. Read from the "Analytics" section of appsettings.json (beside the
/// executable), then environment variables (<c>Analytics__Jobs__TimeZone=Europe/Berlin</c>), then the command line.
/// Relative paths are taken from the working directory. See docs/api.md for the full table.
/// </summary>
internal sealed class ServerOptions
{
    public const string Section = "Analytics";

    /// <summary>Where to listen; loopback by default, put a reverse proxy with TLS in front for anything else.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The warehouse file; default ANALYTICS_DB or ./data/analytics.duckdb.</summary>
    public string Db { get; set; } = Warehouse.ResolvePath(null);

    /// <summary>Nightly job: each subfolder of the inbox is one drop; loaded ones are moved to inbox/.done.</summary>
    public string Inbox { get; set; } = "./data/inbox";

    /// <summary>Where generated documents are written and served from.</summary>
    public string OutDir { get; set; } = "./data/out";

    /// <summary>Where uploaded drops are kept (one folder per drop id).</summary>
    public string DropsDir { get; set; } = "./data/drops";

    public JobOptions Jobs { get; set; } = new();
    public UploadLimits Uploads { get; set; } = new();
    public RenderLimits Renders { get; set; } = new();

    /// <summary>Line, field, value and workbook limits of the loader (docs/api.md, "Input limits").</summary>
    public Analytics.Ingest.Limits.InputLimits Limits { get; set; } = new();

    /// <summary>Failed authentication attempts allowed per client IP and minute before 429.</summary>
    public int AuthFailuresPerMinute { get; set; } = 10;

    /// <summary>A drop load still running after this is stopped by the watchdog: the drop ends "failed", the next one runs.</summary>
    public TimeSpan LoadBudget { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Reject share above which a file, and with it the drop, is refused (the loader's limit).</summary>
    public double MaxRejectPct { get; set; } = 5.0;

    /// <summary>Analysis settings (bands, weights, thresholds) as JSON; null: the documented defaults of docs/analysis.md.</summary>
    public string? AnalysisSettingsFile { get; set; }

    /// <summary>
    /// Delivery settings as JSON (recipients of the briefs, merchant language, retries, optionally the SMTP block); null:
    /// ANALYTICS_DELIVERY_SETTINGS, else the defaults (README "Delivery"). The mail server itself comes from the
    /// ANALYTICS_SMTP_* variables over the file's block; without a host the documents are written but not mailed.
    /// </summary>
    public string? DeliverySettingsFile { get; set; }

    /// <summary>Compute the latest month's analysis at start and after each load, before anyone asks.</summary>
    public bool WarmUp { get; set; } = true;

    /// <summary>DuckDB resources inside the server process.</summary>
    public int WarehouseMemoryMb { get; set; } = 1536;
    public int WarehouseThreads { get; set; } = 2;
}

internal sealed class JobOptions
{
    /// <summary>The mall's time zone (IANA id) for every schedule.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Ingest any new drop from the inbox: nightly at 02:00.</summary>
    public string IngestCron { get; set; } = "0 2 * * *";

    /// <summary>The weekly brief: Mondays 07:00.</summary>
    public string WeeklyCron { get; set; } = "0 7 * * 1";

    /// <summary>The monthly brief and every merchant sheet: the 1st at 07:00.</summary>
    public string MonthlyCron { get; set; } = "0 7 1 * *";

    /// <summary>sqlite (a file beside the warehouse, survives a restart), postgres (production, several servers) or memory (tests).</summary>
    public string Storage { get; set; } = "sqlite";

    /// <summary>Hangfire SQLite file; default the warehouse path with extension .hangfire.sqlite.</summary>
    public string? SqliteFile { get; set; }

    /// <summary>Npgsql connection string, when Storage is postgres (or env ANALYTICS_HANGFIRE_PG).</summary>
    public string? PostgresConnection { get; set; }

    /// <summary>PostgreSQL schema of Hangfire's tables; one per environment (or per test run) keeps queues apart.</summary>
    public string PostgresSchema { get; set; } = "hangfire";

    /// <summary>
    /// The queue of the jobs bound to this server's warehouse (drop loads, inbox, briefs). Several servers on one
    /// PostgreSQL store each own a warehouse: give each its own queue (e.g. the mall id) so that a job runs where its
    /// warehouse is. Lower-case letters, digits, '_' and '-'.
    /// </summary>
    public string Queue { get; set; } = "default";

    /// <summary>Hangfire workers in this process; 0 runs no jobs here (a server that only answers requests).</summary>
    public int Workers { get; set; } = 2;

    /// <summary>An inbox folder changed within this time is left for the next run: it may still be being copied.</summary>
    public TimeSpan InboxSettle { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often workers look for queued jobs and the scheduler for due ones; lower it in tests.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Languages the scheduled documents are written in.</summary>
    public string[] Languages { get; set; } = ["zh", "en"];
}

/// <summary>Documents rendered on request: one render per document at a time, a few documents at once, a short queue.</summary>
internal sealed class RenderLimits
{
    /// <summary>Different documents rendered at the same time (each takes a core and a few hundred MB).</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>Different documents waiting for a render slot; one more is answered 503 with Retry-After.</summary>
    public int MaxQueued { get; set; } = 8;

    /// <summary>The Retry-After of that 503.</summary>
    public int RetryAfterSeconds { get; set; } = 10;
}

internal sealed class UploadLimits
{
    public int MaxFiles { get; set; } = 20;
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;
    public long MaxTotalBytes { get; set; } = 500L * 1024 * 1024;
}
