using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Analytics.Bench.Api;

/// <summary>
/// <c>bench api</c>: load on GET /api/tenants/{id}/score over real sockets (default 32 connections for 30 s) against a
/// real 'analytics serve' process: requests/s, p50, p99 and errors, next to the same load on GET /health (no auth,
/// no warehouse work) measured in the same run as the baseline. Goal: score p99 under 50 ms.
/// Without --url the bench sets up its own server: loads the sample drop into a fresh warehouse with 'analytics
/// ingest', adds a key with 'analytics users add', and starts 'analytics serve' on a free port.
/// </summary>
internal static partial class ApiBench
{
    private const string Usage =
        "bench api [--url URL --key KEY] [--analytics PATH] [--drop DIR] [--period YYYY-MM] [--connections N] [--seconds S] [--warmup S]";

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("Usage: " + Usage);
            return 2;
        }

        return RunAsync(options).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(Options o)
    {
        using var work = o.Url is null ? new WorkFolder() : null;
        Process? server = null;
        try
        {
            var url = o.Url;
            var key = o.Key;
            if (url is null)
            {
                (server, url, key) = await SelfHost(o, work!.Path);
            }

            using var client = Client(url, key!, o.Connections);
            var tenants = await Tenants(client);
            if (tenants.Count == 0)
            {
                Console.Error.WriteLine("The server lists no tenants: load a drop first.");
                return 1;
            }

            var query = o.Period is null ? "" : "?period=" + o.Period;
            var cold = Stopwatch.StartNew();
            using (var first = await client.GetAsync($"/api/tenants/{Uri.EscapeDataString(tenants[0])}/score{query}"))
            {
                Console.WriteLine($"first score request (analysis of the month, cold): {cold.Elapsed.TotalMilliseconds:F0} ms, status {(int)first.StatusCode}");
            }

            // Tenants that left before the period have no score (404): rotate over those that have one.
            var scored = new List<string>();
            foreach (var t in tenants)
            {
                using var probe = await client.GetAsync($"/api/tenants/{Uri.EscapeDataString(t)}/score{query}");
                if (probe.IsSuccessStatusCode)
                {
                    scored.Add(t);
                }
            }

            tenants = scored;
            var i = 0;
            string ScorePath() => $"/api/tenants/{Uri.EscapeDataString(tenants[Interlocked.Increment(ref i) % tenants.Count])}/score{query}";
            await Load(client, () => "/health", o.Connections, TimeSpan.FromSeconds(o.Warmup));
            var baseline = await Load(client, () => "/health", o.Connections, TimeSpan.FromSeconds(o.Seconds));
            await Load(client, ScorePath, o.Connections, TimeSpan.FromSeconds(o.Warmup));
            var score = await Load(client, ScorePath, o.Connections, TimeSpan.FromSeconds(o.Seconds));

            Console.WriteLine($"{o.Connections} connections, {o.Seconds} s each, {tenants.Count} scored tenants in rotation, {Environment.ProcessorCount} cores");
            Console.WriteLine("endpoint                          requests/s      p50 ms    p99 ms    errors");
            Console.WriteLine(baseline.Line("GET /health (baseline)"));
            Console.WriteLine(score.Line("GET /api/tenants/{id}/score"));
            var met = score.P99 < 50 && score.Errors == 0;
            Console.WriteLine($"goal p99 < 50 ms without errors: {(met ? "met" : "NOT met")}");
            return met ? 0 : 1;
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit(10_000);
            }

            server?.Dispose();
        }
    }

    private sealed record Result(long Requests, long Errors, double Seconds, double P50, double P99)
    {
        public string Line(string name) => string.Create(CultureInfo.InvariantCulture,
            $"{name,-32}{Requests / Seconds,12:F0}{P50,12:F2}{P99,10:F2}{Errors,10}");
    }

    private static async Task<Result> Load(HttpClient client, Func<string> path, int connections, TimeSpan duration)
    {
        var latencies = new List<double>[connections];
        var errors = 0L;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(1 << 16);
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(path(), HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    internal static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static HttpClient Client(string url, string key, int connections)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<List<string>> Tenants(HttpClient client)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/tenants"));
        return doc.RootElement.EnumerateArray().Select(t => t.GetProperty("tenantId").GetString()!).ToList();
    }

    private static async Task<(Process Server, string Url, string Key)> SelfHost(Options o, string work)
    {
        var analytics = o.Analytics ?? FindAnalytics();
        var db = Path.Combine(work, "bench.duckdb");
        var drop = o.Drop ?? FindUp("data-samples/drop");
        Console.WriteLine($"self-hosted: {analytics}, drop {drop}");
        var ingest = Stopwatch.StartNew();
        await RunToEnd(analytics, "ingest", drop, "--db", db);
        Console.WriteLine($"sample drop loaded in {ingest.Elapsed.TotalSeconds:F1} s");
        var key = (await RunToEnd(analytics, "users", "add", "--name", "bench", "--role", "admin", "--db", db)).Trim();
        var (server, url) = await Serve(analytics, db, work);
        return (server, url, key);
    }

    /// <summary>Starts 'analytics serve' on a free loopback port over <paramref name="db"/>; returns the process and its URL.</summary>
    internal static async Task<(Process Server, string Url)> Serve(string analytics, string db, string work)
    {
        var info = new ProcessStartInfo(analytics) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
        foreach (var a in new[] { "serve", "--urls", "http://127.0.0.1:0", "--db", db, "--storage", "memory", "--workers", "0" })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var server = Process.Start(info)!;
        _ = server.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningUrl().Match(line) is { Success: true } m)
            {
                _ = server.StandardOutput.ReadToEndAsync();
                return (server, m.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("'analytics serve' ended before it listened.");
    }

    internal static Task<string> RunToEnd(string exe, params string[] args) => RunWithInput(exe, null, args);

    /// <summary>Runs a command to its end (with <paramref name="input"/> on standard input, if given); its output, or an exception with its error.</summary>
    internal static async Task<string> RunWithInput(string exe, string? input, params string[] args)
    {
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        if (input is not null)
        {
            await p.StandardInput.WriteLineAsync(input);
            p.StandardInput.Close();
        }

        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"analytics {string.Join(' ', args)} failed ({p.ExitCode}): {await stderr}");
        }

        return await stdout;
    }

    internal static string FindAnalytics()
    {
        foreach (var config in new[] { "Release", "Debug" })
        {
            var candidate = FindUp($"api/bin/{config}/net10.0/linux-x64/analytics", mustExist: false);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Build the server first (dotnet build -c Release api) or pass --analytics PATH.");
    }

    internal static string FindUp(string relative, bool mustExist = true)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return mustExist ? throw new InvalidOperationException($"Cannot find {relative} from the working directory.") : relative;
    }

    [GeneratedRegex(@"^Listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningUrl();

    private sealed record Options(string? Url, string? Key, string? Analytics, string? Drop, string? Period, int Connections, int Seconds, int Warmup)
    {
        public static Options? Parse(string[] args)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    return null;
                }

                map[args[i][2..]] = args[i + 1];
            }

            if (args.Length % 2 != 0 || (map.ContainsKey("url") != map.ContainsKey("key")))
            {
                return null;
            }

            int Int(string name, int fallback) => map.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            return new Options(map.GetValueOrDefault("url"), map.GetValueOrDefault("key"), map.GetValueOrDefault("analytics"),
                map.GetValueOrDefault("drop"), map.GetValueOrDefault("period"), Int("connections", 32), Int("seconds", 30), Int("warmup", 3));
        }
    }

    private sealed class WorkFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("bench-api-").FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // The server may hold the warehouse for a moment after being stopped.
            }
        }
    }
}
