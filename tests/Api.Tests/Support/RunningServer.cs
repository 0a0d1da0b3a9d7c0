using System.Net.Http.Headers;
using Analytics.Api.Auth;
using Analytics.Api.Server;
using Analytics.Ingest.Warehouse;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Api.Tests.Support;

/// <summary>
/// The real server (the same <see cref="ApiServer"/> 'serve' runs) on a free port of 127.0.0.1, over a warehouse in a
/// temp folder seeded with three tenants and one key per role. Requests go over a real socket.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, TempFolder folder, Dictionary<string, string> keys)
    {
        _app = app;
        Folder = folder;
        Keys = keys;
        BaseAddress = new Uri(app.Urls.First(u => u.StartsWith("http://127.0.0.1", StringComparison.Ordinal)));
    }

    public TempFolder Folder { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;
    public ServerOptions Options => _app.Services.GetRequiredService<ServerOptions>();

    /// <summary>Key per test identity: admin, leasing, gm, merchant (bound to T001), merchant2 (bound to T002).</summary>
    public IReadOnlyDictionary<string, string> Keys { get; }

    /// <param name="warehouse">An existing warehouse file to serve (keys are added to it); null: a new one with the three seeded tenants.</param>
    public static async Task<RunningServer> StartAsync(Action<ServerOptions>? configure = null, TimeProvider? clock = null, string? warehouse = null)
    {
        clock ??= TimeProvider.System;
        var folder = new TempFolder();
        var db = warehouse ?? folder.File("analytics.duckdb");
        var keys = new Dictionary<string, string>();
        using (var connection = new Warehouse(db, new WarehouseSettings(256, 1)).Open(clock))
        {
            if (warehouse is null)
            {
                Seed.Tenants(connection);
            }

            foreach (var (name, role, tenant) in new[]
                     {
                         ("admin", Role.Admin, (string?)null), ("leasing", Role.Leasing, null), ("gm", Role.Gm, null),
                         ("merchant", Role.Merchant, "T001"), ("merchant2", Role.Merchant, "T002"),
                     })
            {
                // A merchant key must name a tenant the warehouse knows; a given warehouse may not hold the seed's.
                if (tenant is null || TenantKnown(connection, tenant))
                {
                    keys[name] = ApiUsers.Add(connection, name, role, tenant, clock).ToString();
                }
            }
        }

        var app = ApiServer.Build(clock, o =>
        {
            o.Urls = "http://127.0.0.1:0";
            o.Db = db;
            o.Inbox = folder.File("inbox");
            o.OutDir = folder.File("out");
            o.DropsDir = folder.File("drops");
            o.WarehouseMemoryMb = 256;
            o.WarehouseThreads = 1;
            o.AuthFailuresPerMinute = 10_000;
            o.WarmUp = false;
            o.Jobs.InboxSettle = TimeSpan.Zero;
            o.Jobs.Storage = "memory";
            o.Jobs.PollInterval = TimeSpan.FromMilliseconds(200);
            o.Jobs.Workers = 1;
            configure?.Invoke(o);
        });
        await app.StartAsync();
        return new RunningServer(app, folder, keys);
    }

    private static bool TenantKnown(DuckDBConnection connection, string tenant)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM tenants WHERE tenant_id = $t";
        cmd.Parameters.Add(new DuckDBParameter("t", tenant));
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public HttpClient Client(string? identity = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (identity is not null)
        {
            var key = Keys.TryGetValue(identity, out var k) ? k : identity;
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A connection to the server's warehouse (same process, so it shares the server's open database).</summary>
    public DuckDBConnection Warehouse() => _app.Services.GetRequiredService<WarehouseAccess>().Connect();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Folder.Dispose();
    }
}
