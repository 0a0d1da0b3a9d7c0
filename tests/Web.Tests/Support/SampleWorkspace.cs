using Analytics.Api.Auth;
using Analytics.Api.Cli;
using Analytics.Api.Server;
using Analytics.Api.Web;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Web.Tests.Support;

/// <summary>
/// The committed sample drop loaded once into a real warehouse in a temp folder; the month's metrics, score and flags
/// exported with the CLI's own verbs (the figures every page must show); one user per role with a password; then the
/// real server ('serve' builds the same) on 127.0.0.1, port 0, with an injected clock. Shared by every browser test class.
/// </summary>
public sealed class SampleWorkspace : IAsyncLifetime
{
    public const string Password = "Sample-pass-2026";
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 7, 0, 0, TimeSpan.Zero);

    private WebApplication? _app;

    public FakeTimeProvider Clock { get; } = new(Now);
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "analytics-web-tests", Guid.NewGuid().ToString("N"));
    public string Root { get; } = RepositoryRoot.Path;
    public Uri BaseAddress { get; private set; } = null!;
    public string Period { get; } = "2026-10";
    public ExportCsv Metrics { get; private set; } = null!;
    public ExportCsv Scores { get; private set; } = null!;
    public ExportCsv Flags { get; private set; } = null!;

    /// <summary>The API key of each test user (for checks through the JSON API).</summary>
    public Dictionary<string, string> Keys { get; } = [];

    /// <summary>Tenant of merchant / merchant2: the first two tenants of the month (one flagged, as it happens, or not).</summary>
    public string MerchantTenant { get; private set; } = "";
    public string OtherTenant { get; private set; } = "";

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var db = Path.Combine(Folder, "analytics.duckdb");
        var warehouse = new Warehouse(db, new WarehouseSettings(1024, 2));
        var load = new DropLoader(warehouse, Clock).Load(Path.Combine(Root, "data-samples", "drop"), new LoadOptions(RejectsFile: Path.Combine(Folder, "rejects.csv")));
        if (load.Refused)
        {
            throw new InvalidOperationException("The sample drop was refused.");
        }

        Metrics = await Export("metrics", db);
        Scores = await Export("score", db);
        Flags = await Export("flags", db);
        MerchantTenant = Scores.Rows[0]["tenant_id"];
        OtherTenant = Scores.Rows[1]["tenant_id"];

        using (var connection = warehouse.Open(Clock))
        {
            foreach (var (name, role, tenant) in new[]
                     {
                         ("admin", Role.Admin, (string?)null), ("leasing", Role.Leasing, null), ("gm", Role.Gm, null),
                         ("merchant", Role.Merchant, MerchantTenant), ("merchant2", Role.Merchant, OtherTenant),
                         ("locky", Role.Leasing, null), ("expiring", Role.Gm, null),
                     })
            {
                Keys[name] = ApiUsers.Add(connection, name, role, tenant, Clock).ToString();
                UserPasswords.Set(connection, name, Password, Clock);
            }
        }

        _app = ApiServer.Build(Clock, o =>
        {
            o.Urls = "http://127.0.0.1:0";
            o.Db = db;
            o.Inbox = Path.Combine(Folder, "inbox");
            o.OutDir = Path.Combine(Folder, "out");
            o.DropsDir = Path.Combine(Folder, "drops");
            o.WarehouseMemoryMb = 1024;
            o.WarehouseThreads = 2;
            o.AuthFailuresPerMinute = 10_000;
            o.WarmUp = false;
            o.Jobs.Storage = "memory";
            o.Jobs.Workers = 1;
            o.Jobs.PollInterval = TimeSpan.FromMilliseconds(200);
            o.Jobs.InboxSettle = TimeSpan.Zero;
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First(u => u.StartsWith("http://127.0.0.1", StringComparison.Ordinal)));

        // The month's analysis, the month before (new flags) and the 36-month history once, before any page times out on them.
        var figures = _app.Services.GetRequiredService<WorkspaceFigures>();
        var period = Month.Parse(Period);
        figures.NewFlags(period);
        figures.History(period, MerchantTenant);
    }

    public HttpClient ApiClient(string user)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(300) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Keys[user]);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp folders; a file still held for a moment is no failure.
        }
    }

    private async Task<ExportCsv> Export(string verb, string db)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(
            [verb, "--period", Period, "--format", "csv", "--db", db, .. verb == "metrics" ? Array.Empty<string>() : ["--models", Path.Combine(Folder, "models")]],
            new CliContext(Clock, output, error));
        if (code != 0)
        {
            throw new InvalidOperationException($"analytics {verb} failed: {error}");
        }

        return ExportCsv.Parse(output.ToString());
    }
}

[CollectionDefinition(Name)]
public sealed class SampleWorkspaceCollection : ICollectionFixture<SampleWorkspace>
{
    public const string Name = "sample workspace";
}
