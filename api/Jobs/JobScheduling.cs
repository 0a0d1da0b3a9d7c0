using Analytics.Api.Auth;
using Analytics.Api.Server;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;

namespace Analytics.Api.Jobs;

/// <summary>
/// Hangfire inside the server: the process that owns the warehouse runs the jobs (DuckDB allows one owner), each job
/// step on a connection of its own. Storage: a SQLite file beside the warehouse by default (survives a restart),
/// PostgreSQL in production (several servers share the queue, each job runs once), memory for tests.
/// </summary>
internal static class JobScheduling
{
    public const string IngestJobId = "ingest-inbox";
    public const string WeeklyJobId = "weekly-brief";
    public const string MonthlyJobId = "monthly-brief";

    public static IServiceCollection AddJobs(this IServiceCollection services, ServerOptions options)
    {
        var jobs = options.Jobs;
        if (!System.Text.RegularExpressions.Regex.IsMatch(jobs.Queue, "^[a-z0-9_-]{1,50}$"))
        {
            throw new Analytics.Ingest.UserError($"The job queue '{jobs.Queue}' may hold lower-case letters, digits, '_' and '-' only.");
        }

        if (jobs.Storage.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            jobs.PostgresConnection ??= Environment.GetEnvironmentVariable("ANALYTICS_HANGFIRE_PG");
            EnsureReachable(jobs.PostgresConnection);
        }

        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (jobs.Storage.ToLowerInvariant())
            {
                case "memory":
                    config.UseInMemoryStorage();
                    break;
                case "sqlite":
                    config.UseSQLiteStorage(SqliteFile(options), new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval });
                    break;
                case "postgres":
                    config.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(jobs.PostgresConnection), new PostgreSqlStorageOptions
                    {
                        QueuePollInterval = jobs.PollInterval,
                        PrepareSchemaIfNecessary = true,
                        SchemaName = jobs.PostgresSchema,
                    });
                    break;
                default:
                    throw new Analytics.Ingest.UserError($"Unknown job storage '{jobs.Storage}'; use sqlite, postgres or memory.");
            }
        });

        if (jobs.Workers > 0)
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = jobs.Workers;
                server.SchedulePollingInterval = jobs.PollInterval;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                // Its own queue first (jobs bound to its warehouse), then the shared one (jobs any server may run).
                server.Queues = jobs.Queue == "default" ? ["default"] : [jobs.Queue, "default"];
            });
        }

        // The mall's own time zone (malls dataset) when the warehouse gives one, else the configured zone.
        MallClock.FindZone(jobs.TimeZone);
        services.AddSingleton(sp => new MallClock(sp.GetRequiredService<TimeProvider>(),
            MallClock.ZoneFor(sp.GetRequiredService<Analytics.Api.Server.WarehouseAccess>(), jobs.TimeZone)));
        return services;
    }

    /// <summary>Registers the recurring jobs with the configured cron and time zone, and the admin-only dashboard.</summary>
    public static WebApplication UseJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ServerOptions>();
        var zone = app.Services.GetRequiredService<MallClock>().Zone;
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        var at = new RecurringJobOptions { TimeZone = zone };
        var queue = options.Jobs.Queue;
        recurring.AddOrUpdate<InboxIngestJob>(JobId(IngestJobId, queue), queue, j => j.Run(), options.Jobs.IngestCron, at);
        recurring.AddOrUpdate<BriefJobs>(JobId(WeeklyJobId, queue), queue, j => j.Weekly(), options.Jobs.WeeklyCron, at);
        recurring.AddOrUpdate<BriefJobs>(JobId(MonthlyJobId, queue), queue, j => j.Monthly(), options.Jobs.MonthlyCron, at);

        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            DashboardTitle = "Tenant Analytics jobs",
        });
        return app;
    }

    /// <summary>
    /// Hangfire retries an unreachable PostgreSQL quietly for a long time; a server that cannot reach its job store
    /// should say so at once, in one sentence.
    /// </summary>
    private static void EnsureReachable(string? connection)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new Analytics.Ingest.UserError("Job storage 'postgres' needs a connection string: --pg CONN or ANALYTICS_HANGFIRE_PG.");
        }

        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection) { Timeout = 5 };
            using var probe = new Npgsql.NpgsqlConnection(builder.ConnectionString);
            probe.Open();
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException or TimeoutException)
        {
            throw new Analytics.Ingest.UserError($"Cannot reach the PostgreSQL job store: {ex.Message.Split('\n')[0].Trim()}");
        }
    }

    /// <summary>A recurring job per warehouse: on a shared store each server's inbox and briefs are its own jobs.</summary>
    public static string JobId(string job, string queue) => queue == "default" ? job : $"{job}-{queue}";

    public static string SqliteFile(ServerOptions options) =>
        options.Jobs.SqliteFile ?? Path.ChangeExtension(Path.GetFullPath(options.Db), ".hangfire.sqlite");

    /// <summary>
    /// The dashboard is for admins: an admin signed in at /login (session cookie; the dashboard's own forms carry
    /// ASP.NET Core's antiforgery token), or a tool sending an admin key as a Bearer header.
    /// </summary>
    private sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Role.Admin);
    }
}
