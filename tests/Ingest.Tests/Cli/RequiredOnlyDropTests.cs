using Analytics.Ingest.Tests.Support;
using Analytics.SampleData.Scale;

namespace Analytics.Ingest.Tests.Cli;

// The real executable on a mall that sends only what the contract requires: 1,115 stores in four categories, tenants
// (no floors), sales with receipts and rent; no units, zones, footfall, complaints or patrol findings. The analysis
// used to die there inside FastTree ("All instances skipped due to missing features", exit 134).
public sealed class RequiredOnlyDropTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ta-required-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ThousandStoresRequiredDatasetsOnly_ScoresFlagsAndMonthlyBriefExitZero()
    {
        var drop = Path.Combine(_folder, "drop");
        var db = Path.Combine(_folder, "w.duckdb");
        var models = Path.Combine(_folder, "models");
        var counts = ScaleDrop.Write(drop, new ScaleOptions { Malls = 1, Tenants = 1115, Months = 13, Seed = 2015, RequiredOnly = true, Categories = 4 });
        counts.Keys.Should().BeEquivalentTo(["tenants", "sales", "rent"]);
        File.ReadLines(Path.Combine(drop, "tenants.csv")).First().Should().NotContain("floor");

        Succeeds("ingest", drop, "--db", db);
        Succeeds("metrics", "--period", "2026-10", "--db", db);
        var scores = Succeeds("score", "--period", "2026-10", "--db", db, "--models", models, "--format", "csv")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        var flags = Succeeds("flags", "--period", "2026-10", "--db", db, "--models", models, "--format", "csv")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var brief = Succeeds("report", "monthly", "--period", "2026-10", "--db", db, "--out", Path.Combine(_folder, "out"), "--lang", "en").Trim();

        scores.Should().HaveCount(1115);
        scores.Select(s => s[3]).Distinct().Should().HaveCount(4);
        scores.Count(s => s[4].Length > 0).Should().Be(1115, "every tenant gets a total from the pillars it has data for");
        flags.Should().NotBeEmpty();
        new FileInfo(brief).Length.Should().BeGreaterThan(10_000);
        var card = File.ReadAllText(Path.Combine(models, "model-card.md"));
        foreach (var input in new[] { "units", "floor", "zone", "complaints", "inspections", "footfall", "exit_date" })
            card.Should().Contain($"- not available: {input} —");
        card.Should().Contain("feature dropped: floor (input not available: floor)");
    }

    [Fact]
    public void RequiredDatasetsOnly_MonthBeforeTheFirstSale_OneSentenceExitOne()
    {
        var drop = Path.Combine(_folder, "drop");
        var db = Path.Combine(_folder, "w.duckdb");
        ScaleDrop.Write(drop, new ScaleOptions { Malls = 1, Tenants = 30, Months = 3, Seed = 3, RequiredOnly = true, Categories = 2 });
        Succeeds("ingest", drop, "--db", db);
        Succeeds("flags", "--period", "2026-10", "--db", db, "--models", Path.Combine(_folder, "models"));

        var run = AnalyticsProcess.Run("score", "--period", "2026-01", "--db", db, "--models", Path.Combine(_folder, "models"));

        run.ExitCode.Should().Be(1);
        run.Error.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("before the first sale");
    }

    private static string Succeeds(params string[] args)
    {
        // A thousand stores' month takes seconds alone; the guard only catches a hang on a machine shared with other builds.
        var run = AnalyticsProcess.Run(args, environment: null, TimeSpan.FromMinutes(10));
        run.ExitCode.Should().Be(0, $"'{string.Join(' ', args.Take(2))}' succeeds: {run.Error}");
        run.Error.Should().NotContain("   at ", "no stack trace");
        return run.Out;
    }
}
