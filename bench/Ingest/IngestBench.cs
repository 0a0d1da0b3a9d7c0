using System.Diagnostics;
using System.Globalization;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Bench.Ingest;

/// <summary>
/// The ingest goal: a full load (validation included) of a 10 M-row sales drop within 1.5x of the time
/// DuckDB itself needs to read that CSV into a bare table, with peak memory under 2 GB. Each phase runs
/// in its own process so that its peak resident memory is its own.
/// </summary>
internal static class IngestBench
{
    public const string ChildVerb = "ingest-child";
    private static readonly WarehouseSettings Settings = new(MemoryLimitMb: 1024, Threads: 2);

    public static int Run(string[] args)
    {
        var work = Option(args, "--work") ?? Path.Combine(Path.GetTempPath(), "ta-bench-ingest");
        var runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var drop = Option(args, "--drop") ?? Path.Combine(work, "drop");
        if (Option(args, "--drop") is null && !File.Exists(Path.Combine(drop, "sales.csv")))
        {
            Console.WriteLine($"Generating the benchmark drop in {drop} (20 malls, 5,000 tenants, ~10 M sales rows)...");
            Generate(drop);
        }

        var salesBytes = new FileInfo(Path.Combine(drop, "sales.csv")).Length;
        Console.WriteLine($"sales.csv: {salesBytes / 1048576.0:0} MB; {runs} runs of each phase, alternating");
        var baseline = new List<Measure>();
        var ingest = new List<Measure>();
        for (var i = 0; i < runs; i++)
        {
            baseline.Add(RunChild("baseline", drop, Path.Combine(work, $"baseline-{i}.duckdb")));
            ingest.Add(RunChild("load", drop, Path.Combine(work, $"load-{i}.duckdb")));
        }

        var b = Median(baseline.Select(m => m.Seconds));
        var l = Median(ingest.Select(m => m.Seconds));
        Console.WriteLine();
        Console.WriteLine($"rows loaded                        {ingest[0].Rows:N0}");
        Console.WriteLine($"baseline: DuckDB read_csv -> table  median {b:0.00} s  (runs: {string.Join(", ", baseline.Select(m => m.Seconds.ToString("0.00", CultureInfo.InvariantCulture)))})  peak RSS {baseline.Max(m => m.PeakMb):0} MB");
        Console.WriteLine($"full ingest with validation         median {l:0.00} s  (runs: {string.Join(", ", ingest.Select(m => m.Seconds.ToString("0.00", CultureInfo.InvariantCulture)))})  peak RSS {ingest.Max(m => m.PeakMb):0} MB");
        Console.WriteLine($"ratio ingest / baseline             {l / b:0.00}x wall   (goal <= 1.5x)");
        var bc = Median(baseline.Select(m => m.CpuSeconds));
        var lc = Median(ingest.Select(m => m.CpuSeconds));
        Console.WriteLine($"ratio of cpu time                   {lc / bc:0.00}x   (baseline {bc:0.00} s, ingest {lc:0.00} s; process total incl. start-up)");
        Console.WriteLine($"peak memory of the ingest           {ingest.Max(m => m.PeakMb):0} MB   (goal < 2048 MB)");
        return 0;
    }

    /// <summary>One measured phase in this (child) process: prints seconds, rows and peak RSS.</summary>
    public static int Child(string[] args)
    {
        var (phase, drop, db) = (args[0], args[1], args[2]);
        foreach (var f in new[] { db, db + ".wal" })
        {
            File.Delete(f);
        }

        var clock = TimeProvider.System;
        long rows;
        var sw = Stopwatch.StartNew();
        if (phase == "baseline")
        {
            using var c = new Warehouse(db, Settings).Open(clock);
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"CREATE TABLE bare AS SELECT * FROM read_csv('{Path.Combine(drop, "sales.csv")}')";
            cmd.ExecuteNonQuery();
            cmd.CommandText = "CHECKPOINT";
            cmd.ExecuteNonQuery();
            cmd.CommandText = "SELECT count(*) FROM bare";
            rows = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        else
        {
            var result = new DropLoader(new Warehouse(db, Settings), clock).Load(drop, new LoadOptions(5, Path.Combine(Path.GetDirectoryName(db)!, "rejects.csv")));
            using var c = new Warehouse(db, Settings).Open(clock);
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CHECKPOINT";
            cmd.ExecuteNonQuery();
            rows = result.Files.Where(f => f.Dataset == "sales").Sum(f => f.RowsLoaded);
            if (result.Refused)
            {
                throw new InvalidOperationException("the benchmark drop was refused: " + string.Join("; ", result.Problems));
            }
        }

        sw.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {sw.Elapsed.TotalSeconds:0.000} {rows} {PeakRssMb():0} {cpu:0.000}"));
        return 0;
    }

    /// <param name="CpuSeconds">User + system time of the whole child process: steadier than wall time on a busy machine.</param>
    private sealed record Measure(double Seconds, long Rows, double PeakMb, double CpuSeconds);

    private static Measure RunChild(string phase, string drop, string db)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        var psi = new ProcessStartInfo("dotnet", [typeof(IngestBench).Assembly.Location, ChildVerb, phase, drop, db])
        {
            RedirectStandardOutput = true,
        };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{phase} failed: {output}");
        var parts = line.Split(' ');
        var m = new Measure(double.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture),
            double.Parse(parts[3], CultureInfo.InvariantCulture), double.Parse(parts[4], CultureInfo.InvariantCulture));
        Console.WriteLine($"  {phase,-8} {m.Seconds,7:0.00} s wall  {m.CpuSeconds,7:0.00} s cpu  {m.Rows,12:N0} rows  peak {m.PeakMb,6:0} MB");
        foreach (var f in new[] { db, db + ".wal" })
        {
            File.Delete(f);
        }

        return m;
    }

    private static void Generate(string drop)
    {
        var generator = Path.Combine(AppContext.BaseDirectory, "sample-data.dll");
        var psi = new ProcessStartInfo("dotnet",
            [generator, "scale", "--out", drop, "--malls", "20", "--tenants", "5000", "--months", "66", "--datasets", "units,tenants,sales"]);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("the sample-data generator failed");
        }
    }

    /// <summary>Peak resident set size of this process (VmHWM), the figure the memory goal is about.</summary>
    private static double PeakRssMb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
