using System.Diagnostics;

namespace Analytics.Ingest.Tests.SampleData;

/// <summary>The sample-data executable as a user runs it: exit codes and what it prints.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ta-sample-cli-").FullName;

    [Fact]
    public void Scale_SmallRun_ExitsZeroAndPrintsRowCounts()
    {
        var (code, stdout, _) = Run("scale", "--out", folder, "--malls", "2", "--tenants", "10", "--months", "1", "--datasets", "tenants,sales");

        code.Should().Be(0);
        stdout.Should().Contain("2 malls, 10 tenants, 1 months (2026-10-01..2026-10-31, 31 days)").And.MatchRegex(@"sales\s+310 rows");
        Directory.GetFiles(folder).Select(Path.GetFileName).Should().BeEquivalentTo(["tenants.csv", "sales.csv"]);
    }

    [Fact]
    public void Scale_NotANumber_ExitsTwoWithOneSentence()
    {
        var (code, _, stderr) = Run("scale", "--out", folder, "--tenants", "many");

        code.Should().Be(2);
        stderr.Trim().Should().Be("--tenants must be a whole number");
    }

    [Fact]
    public void Sample_SeedAndMix_PlantsTheAskedSharesInTheTruth()
    {
        var (code, _, stderr) = Run("sample", "--out", folder, "--seed", "7", "--mix", "replace=6,rent_relief=2,busy=3,relief_quality=0.95-1.05");

        code.Should().Be(0, stderr);
        var truth = File.ReadAllLines(Path.Combine(folder, "sample-truth.csv")).Skip(1).Select(l => l.Split(',')[1]).ToList();
        truth.Count(s => s == "replace").Should().Be(6);
        truth.Count(s => s == "rent_relief").Should().Be(2);
        truth.Count(s => s == "control_busy").Should().Be(3);
        truth.Count(s => s == "sales_audit").Should().Be(3, "a situation the mix leaves out keeps its default share");
    }

    [Fact]
    public void Sample_BadMix_ExitsTwoWithOneSentence()
    {
        var (code, _, stderr) = Run("sample", "--out", folder, "--mix", "replace=many");

        code.Should().Be(2);
        stderr.Trim().Should().Be("--mix: replace takes a whole number from 0 to 12, not 'many'");
    }

    [Fact]
    public void UnknownCommand_ExitsTwoAndShowsUsage()
    {
        var (code, _, stderr) = Run("sprinkle");

        code.Should().Be(2);
        stderr.Should().Contain("unknown command 'sprinkle'").And.Contain("sample-data sample --out DIR");
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sample-data.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(60_000).Should().BeTrue();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
