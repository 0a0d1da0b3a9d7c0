using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Bench.Api;

namespace Analytics.Bench.Web;

/// <summary>
/// <c>bench web</c>: the workspace's pages against a real 'analytics serve' process, signed in as an admin over a real
/// socket: p50/p95 of the ranking's first page (sorted by score), a diagnosis (rotating over tenants) and the overview,
/// each next to GET /health measured in the same run (the baseline: no auth, no warehouse work); the first overview
/// (the month analysed cold), the overview's weight (HTML, stylesheet, scripts including ECharts) and the ranking
/// page's size and row count. Goals (docs/web.md): ranking and diagnosis p95 under 150 ms, overview under 300 ms, once
/// the month is analysed; overview weight under 1.5 MB; no page sends the whole portfolio.
/// Default warehouse: the sample drop loaded fresh; --db FILE benchmarks a warehouse already made (e.g. the 20,000-tenant
/// portfolio of 'bench model --work DIR'), to which the bench adds its user.
/// </summary>
internal static partial class WebBench
{
    private const string Usage = "bench web [--db FILE] [--drop DIR] [--period YYYY-MM] [--requests 200] [--analytics PATH]";
    private const string Password = "bench-password-1";

    public static int Run(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        if (args.Length % 2 != 0 || options.Keys.Except(["db", "drop", "period", "requests", "analytics"]).Any())
        {
            Console.Error.WriteLine("Usage: " + Usage);
            return 2;
        }

        return RunAsync(options).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(Dictionary<string, string> o)
    {
        var work = Path.Combine(Path.GetTempPath(), "ta-bench-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var analytics = o.GetValueOrDefault("analytics") ?? ApiBench.FindAnalytics();
        var requests = int.Parse(o.GetValueOrDefault("requests") ?? "200", CultureInfo.InvariantCulture);
        Process? server = null;
        try
        {
            var db = o.GetValueOrDefault("db");
            if (db is null)
            {
                db = Path.Combine(work, "bench.duckdb");
                await ApiBench.RunToEnd(analytics, "ingest", o.GetValueOrDefault("drop") ?? ApiBench.FindUp("data-samples/drop"), "--db", db);
            }

            var user = "webbench" + Guid.NewGuid().ToString("N")[..6];
            await ApiBench.RunWithInput(analytics, Password, "users", "add", "--name", user, "--role", "admin", "--password-stdin", "--db", db);
            (server, var url) = await ApiBench.Serve(analytics, db, work);
            using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(30),
            };
            await SignIn(client, user);

            var period = o.GetValueOrDefault("period");
            var q = period is null ? "" : "?period=" + period;
            var cold = Stopwatch.StartNew();
            var overview = await Get(client, "/" + q);
            Console.WriteLine($"first overview (month analysed cold, month before too): {cold.Elapsed.TotalSeconds:F1} s");
            var ranking = await Get(client, "/tenants" + q);
            var ids = TenantIds().Matches(ranking).Select(m => m.Groups[1].Value).Distinct().ToList();
            var total = MatchCount().Match(ranking) is { Success: true } c ? c.Groups[1].Value : "?";
            Console.WriteLine($"ranking first page: {ranking.Length / 1024.0:F0} KB, {ids.Count} rows of {total} tenants");
            cold.Restart();
            await Get(client, $"/tenants/{ids[0]}{q}");
            Console.WriteLine($"first diagnosis (36-month history cold): {cold.Elapsed.TotalSeconds:F1} s");

            long weight = Bytes(overview);
            foreach (var asset in Assets().Matches(overview).Select(m => m.Groups[1].Value).Distinct())
            {
                weight += (await client.GetByteArrayAsync(asset)).Length;
            }

            Console.WriteLine($"overview weight with its stylesheet and scripts (ECharts included): {weight / 1024.0 / 1024.0:F2} MB (goal < 1.5 MB)");

            var n = 0;
            var health = await Time(client, () => "/health", requests);
            var rank = await Time(client, () => "/tenants" + q, requests);
            var diag = await Time(client, () => $"/tenants/{ids[Interlocked.Increment(ref n) % ids.Count]}{q}", requests);
            var over = await Time(client, () => "/" + q, requests);
            Console.WriteLine($"{requests} sequential requests each, one connection, {Environment.ProcessorCount} cores (p50 / p95 ms, p95 ratio to /health)");
            foreach (var (name, t, goal) in new[] { ("GET /health (baseline)", health, 0.0), ("ranking, first page by score", rank, 150), ("diagnosis", diag, 150), ("overview", over, 300) })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-30} {t.P50,8:F1} {t.P95,8:F1}   x{t.P95 / health.P95,6:F1}{(goal > 0 ? $"   goal p95 < {goal} ms: {(t.P95 < goal ? "met" : "NOT met")}" : "")}"));
            }

            return 0;
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // Temp files are cleaned by the OS.
            }
        }
    }

    private static async Task SignIn(HttpClient client, string user)
    {
        var form = await Get(client, "/login");
        var token = Token().Match(form).Groups[1].Value;
        using var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = user, ["password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}.");
        }
    }

    private static async Task<string> Get(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        }

        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<(double P50, double P95)> Time(HttpClient client, Func<string> path, int count)
    {
        for (var i = 0; i < Math.Min(20, count); i++)
        {
            await Get(client, path());
        }

        var ms = new double[count];
        for (var i = 0; i < count; i++)
        {
            var sw = Stopwatch.StartNew();
            await Get(client, path());
            ms[i] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(ms);
        return (ApiBench.Percentile(ms, 0.50), ApiBench.Percentile(ms, 0.95));
    }

    private static long Bytes(string text) => System.Text.Encoding.UTF8.GetByteCount(text);

    [GeneratedRegex(@"<tr data-tenant=""([^""]+)""")]
    private static partial Regex TenantIds();

    [GeneratedRegex(@"id=""match-count"" data-v=""(\d+)""")]
    private static partial Regex MatchCount();

    [GeneratedRegex(@"(?:src|href)=""(/assets/[^""]+)""")]
    private static partial Regex Assets();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex Token();
}
