using System.Diagnostics;
using System.Text.RegularExpressions;
using Analytics.Api.Tests.Support;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage;
using Npgsql;
using Xunit.Abstractions;

namespace Analytics.Api.Tests.Jobs;

/// <summary>
/// Two 'analytics serve' processes on one PostgreSQL job store: every enqueued job runs exactly once. The connection
/// string comes from ANALYTICS_TEST_PG (default: what scripts/start-postgres.sh creates). Without a reachable server
/// the test is skipped on a developer machine and fails on CI (CI=true), where the script must have run.
/// </summary>
public sealed partial class MultiServerTests(ITestOutputHelper output)
{
    private const string DefaultConnection = "Host=127.0.0.1;Port=5432;Database=analytics_test;Username=analytics_test;Password=analytics_test";
    private const int JobCount = 60;

    [SkippableFact]
    public async Task Enqueue_TwoServerProcessesOnPostgres_EachJobRunsExactlyOnce()
    {
        var connection = await PostgresOrSkip();

        // Servers built earlier in this test process left Hangfire's static log provider on a disposed logger factory.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        using var folder = new TempFolder();
        var schema = "hf_test_" + Guid.NewGuid().ToString("N")[..12];
        var markers = folder.File("markers");
        Directory.CreateDirectory(markers);
        var options = new PostgreSqlStorageOptions { SchemaName = schema, PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromMilliseconds(300) };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, options), options);
        using var first = StartServer(folder, "a", connection, schema);
        using var second = StartServer(folder, "b", connection, schema);
        try
        {
            await Task.WhenAll(WaitUntilListening(first), WaitUntilListening(second));
            var client = new BackgroundJobClient(storage);

            // The job is a framework method both server processes can load (no test type crosses into them): each
            // run appends one character to the job's own marker file, so a job run twice leaves two.
            var jobIds = new List<string>();
            for (var i = 0; i < JobCount; i++)
            {
                var marker = Path.Combine(markers, i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
                jobIds.Add(client.Enqueue(() => File.AppendAllText(marker, "x")));
            }

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Markers(markers).Length < JobCount && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            await Task.Delay(TimeSpan.FromSeconds(2)); // time for any duplicate run to show up
            var runs = Markers(markers).ToDictionary(m => Path.GetFileName(m), m => File.ReadAllText(m).Length, StringComparer.Ordinal);

            // Hangfire names the server that processed a job "host:pid:guid" in the job's Processing state.
            var monitoring = storage.GetMonitoringApi();
            var byProcess = jobIds
                .Select(id => monitoring.JobDetails(id).History.First(h => h.StateName == "Processing").Data["ServerId"].Split(':')[1])
                .GroupBy(pid => pid).ToDictionary(g => g.Key, g => g.Count());
            output.WriteLine($"jobs per server process: {string.Join(", ", byProcess.Select(kv => $"pid {kv.Key}: {kv.Value}"))}");

            runs.Should().HaveCount(JobCount, "every job ran");
            runs.Values.Should().OnlyContain(c => c == 1, "no job ran twice");
            byProcess.Keys.Should().BeSubsetOf([first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        finally
        {
            Stop(first);
            Stop(second);
            await DropSchema(connection, schema);
        }
    }

    [SkippableFact]
    public async Task Upload_ServersWithOwnQueues_DropLoadedIntoTheReceivingServersWarehouse()
    {
        // Each server owns a warehouse (one per mall); a drop uploaded to A must be loaded by A, never by B.
        var connection = await PostgresOrSkip();
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        using var folder = new TempFolder();
        var schema = "hf_test_" + Guid.NewGuid().ToString("N")[..12];
        var keys = new Dictionary<string, string>();
        foreach (var name in new[] { "a", "b" })
        {
            using var warehouse = new Analytics.Ingest.Warehouse.Warehouse(folder.File($"{name}.duckdb"), new Analytics.Ingest.Warehouse.WarehouseSettings(256, 1)).Open(TimeProvider.System);
            keys[name] = Analytics.Api.Auth.ApiUsers.Add(warehouse, "admin", Analytics.Api.Auth.Role.Admin, null, TimeProvider.System).ToString();
        }

        using var a = StartServer(folder, "a", connection, schema, "mall_a");
        using var b = StartServer(folder, "b", connection, schema, "mall_b");
        try
        {
            var urls = await Task.WhenAll(WaitUntilListening(a), WaitUntilListening(b));
            using var clientA = Client(urls[0], keys["a"]);
            using var clientB = Client(urls[1], keys["b"]);

            // Several uploads each, so that a job on the wrong queue would almost surely be taken by the other server.
            for (var i = 0; i < 4; i++)
            {
                (await Upload(clientA, $"TA{i}")).Should().Be(System.Net.HttpStatusCode.Accepted);
                (await Upload(clientB, $"TB{i}")).Should().Be(System.Net.HttpStatusCode.Accepted);
            }

            await WaitForDrops(clientA, 4);
            await WaitForDrops(clientB, 4);
            var tenantsA = await clientA.GetStringAsync("/api/tenants");
            var tenantsB = await clientB.GetStringAsync("/api/tenants");

            tenantsA.Should().Contain("\"TA0\"").And.Contain("\"TA3\"").And.NotContain("\"TB");
            tenantsB.Should().Contain("\"TB0\"").And.Contain("\"TB3\"").And.NotContain("\"TA");
            var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, new PostgreSqlStorageOptions { SchemaName = schema }), new PostgreSqlStorageOptions { SchemaName = schema });
            using var jobs = storage.GetConnection();
            jobs.GetRecurringJobs().Select(j => j.Id).Should().Contain(["ingest-inbox-mall_a", "ingest-inbox-mall_b", "monthly-brief-mall_a", "weekly-brief-mall_b"]);
        }
        finally
        {
            Stop(a);
            Stop(b);
            await DropSchema(connection, schema);
        }
    }

    private static HttpClient Client(Uri url, string key)
    {
        var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<System.Net.HttpStatusCode> Upload(HttpClient client, string tenantId)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, text) in Seed.GoodDrop(tenantId))
        {
            content.Add(new StringContent(text), "files", name);
        }

        using var response = await client.PostAsync("/api/drops", content);
        return response.StatusCode;
    }

    private static async Task WaitForDrops(HttpClient client, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        for (var id = 1; id <= count; id++)
        {
            while (true)
            {
                var json = await client.GetStringAsync($"/api/drops/{id}");
                if (json.Contains("\"status\":\"loaded\"", StringComparison.Ordinal))
                {
                    break;
                }

                json.Should().NotContain("\"status\":\"refused\"").And.NotContain("\"status\":\"failed\"");
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Drop {id} not loaded: {json}");
                }

                await Task.Delay(200);
            }
        }
    }

    private static async Task<string> PostgresOrSkip()
    {
        var connection = Environment.GetEnvironmentVariable("ANALYTICS_TEST_PG") is { Length: > 0 } env ? env : DefaultConnection;
        var reachable = await Reachable(connection);
        if (!reachable && Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException("PostgreSQL is unreachable on CI: run scripts/start-postgres.sh and set ANALYTICS_TEST_PG.");
        }

        Skip.IfNot(reachable, "PostgreSQL is not reachable (run scripts/start-postgres.sh); on CI this fails instead.");
        return connection;
    }

    private static string[] Markers(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder) : [];

    private static Process StartServer(TempFolder folder, string name, string connection, string schema, string queue = "default")
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "analytics");
        var info = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder.Path,
        };
        foreach (var arg in new[]
                 {
                     "serve", "--urls", "http://127.0.0.1:0", "--db", folder.File($"{name}.duckdb"), "--out", folder.File($"out-{name}"),
                     "--inbox", folder.File($"inbox-{name}"), "--storage", "postgres", "--pg", connection, "--workers", "4",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Analytics__Jobs__PostgresSchema"] = schema;
        info.Environment["Analytics__Jobs__Queue"] = queue;
        info.Environment["Analytics__WarmUp"] = "false";
        info.Environment["Analytics__Jobs__PollInterval"] = "00:00:00.300";
        info.Environment["Analytics__WarehouseMemoryMb"] = "256";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(info)!;
    }

    private async Task<Uri> WaitUntilListening(Process process)
    {
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            output.WriteLine($"[{process.Id}] {line}");
            if (ListeningLine().Match(line) is { Success: true } m)
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return new Uri(m.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"The server process ended before listening: {await errors}");
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    private static async Task<bool> Reachable(string connection)
    {
        try
        {
            await using var c = new NpgsqlConnection(connection + ";Timeout=3");
            await c.OpenAsync();
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task DropSchema(string connection, string schema)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", c);
        await cmd.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"^Listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
