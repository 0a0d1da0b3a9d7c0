using System.Diagnostics;

namespace Analytics.Ingest.Tests.Support;

/// <summary>Runs the real <c>analytics</c> executable (built with the solution) in a child process.</summary>
internal static class AnalyticsProcess
{
    public static string Executable
    {
        get
        {
            // The test assembly sits in tests/Ingest.Tests/bin/{Configuration}/net10.0/linux-x64/.
            var parts = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var configuration = parts[Array.LastIndexOf(parts, "bin") + 1];
            var path = RepositoryRoot.Combine("api", "bin", configuration, "net10.0", "linux-x64", "analytics.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the api project first", path);
        }
    }

    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => Run(args, environment: null);

    /// <param name="timeout">A guard against a hung process, not a performance bound (default 3 minutes).</param>
    public static Result Run(string[] args, IDictionary<string, string>? environment, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(3);
        using var p = Start(args, environment);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"analytics did not finish in {limit.TotalMinutes} minutes");
        }

        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static Process Start(string[] args, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        psi.ArgumentList.Add(Executable);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("ANALYTICS_DB");
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        return Process.Start(psi)!;
    }
}
