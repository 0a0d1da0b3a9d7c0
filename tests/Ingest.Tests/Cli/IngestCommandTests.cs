using System.Diagnostics;
using Analytics.Ingest.Tests.Support;
using Analytics.SampleData.Scale;

namespace Analytics.Ingest.Tests.Cli;

public sealed class IngestCommandTests : IDisposable
{
    private readonly TempWarehouse _wh = new();

    public void Dispose() => _wh.Dispose();

    [Fact]
    public void Ingest_GoodDrop_PrintsTableAndExitsZero()
    {
        using var drop = Drop.WithLeases();

        var run = AnalyticsProcess.Run("ingest", drop.Folder, "--db", _wh.Path);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().MatchRegex(@"tenants\s+tenants\.csv\s+3\s+3\s+0\s+3");
        run.Out.Should().Contain("Loaded as load 1");
    }

    [Fact]
    public void Ingest_DropOverTheLimit_ExitsThreeAndNamesTheRejectsFile()
    {
        using var drop = Drop.WithLeases().File("sales.csv", """
            tenant_id,date,net_sales
            T1,2024-01-01,oops
            """);

        var run = AnalyticsProcess.Run("ingest", drop.Folder, "--db", _wh.Path);

        run.ExitCode.Should().Be(3);
        run.Out.Should().Contain("REFUSED").And.Contain("Refused: nothing was loaded");
        var rejects = run.Out.Split('\n').Single(l => l.StartsWith("Rejected rows", StringComparison.Ordinal)).Split(": ")[1].Trim();
        File.ReadAllText(rejects).Should().Contain("sales.csv,2,net_sales,oops,bad_number");
    }

    [Theory]
    // A user's mistake: one sentence on stderr, never a stack trace.
    [InlineData(2, "--max-reject-pct", "lots")]
    [InlineData(2, "--no-such-option", "1")]
    [InlineData(1, "--db", "/proc/forbidden/a.duckdb")]
    public void Ingest_UserMistake_OneSentenceNoStackTrace(int exitCode, string option, string value)
    {
        using var drop = Drop.WithLeases();

        var run = AnalyticsProcess.Run("ingest", drop.Folder, option, value);

        run.ExitCode.Should().Be(exitCode);
        run.Error.Should().NotContain("   at ").And.NotContain("Exception");
        run.Error.Trim().Split('\n')[0].Should().NotBeEmpty();
    }

    [Fact]
    public void Ingest_MissingFolder_SaysSoAndExitsOne()
    {
        var run = AnalyticsProcess.Run("ingest", "/nowhere/drop", "--db", _wh.Path);

        run.ExitCode.Should().Be(1);
        run.Error.Trim().Should().Be("The drop folder '/nowhere/drop' does not exist.");
    }

    [Fact]
    public void Ingest_WarehouseHeldByAnotherProcess_NamesTheHolder()
    {
        using var drop = Drop.WithLeases();
        using var held = _wh.Open();   // this test process owns the file now

        var run = AnalyticsProcess.Run("ingest", drop.Folder, "--db", _wh.Path);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("is in use by another process").And.Contain($"PID {Environment.ProcessId}");
        run.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task Ingest_ProcessKilledMidLoad_LeavesWarehouseAsBefore()
    {
        using var first = Drop.WithLeases().File("sales.csv", """
            tenant_id,date,net_sales
            T1,2024-01-01,100
            """);
        _wh.Load(first.Folder).Refused.Should().BeFalse();
        var before = _wh.ContentFingerprint();
        var big = Path.Combine(_wh.Folder, "big");
        ScaleDrop.Write(big, new ScaleOptions { Malls = 2, Tenants = 400, Months = 60, Datasets = ["units", "tenants", "sales", "rent"] });

        // With tracing on the loader reports each statement on stderr. Files load units (s0), tenants (s1),
        // rent (s2), sales (s3): kill at rent's first statement, with leases already written in the open transaction.
        using var p = AnalyticsProcess.Start(["ingest", big, "--db", _wh.Path], new Dictionary<string, string> { ["ANALYTICS_TRACE_SQL"] = "1" });
        var started = new TaskCompletionSource();
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("s2_", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        p.BeginErrorReadLine();
        await started.Task.WaitAsync(TimeSpan.FromMinutes(2));
        using (var kill = Process.Start("kill", ["-KILL", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync();
        }

        await p.WaitForExitAsync();

        p.ExitCode.Should().Be(137, "the load was killed, not finished");
        _wh.ContentFingerprint().Should().Be(before);
        _wh.Rows("SELECT load_id FROM load_log").Should().Equal("1");
    }
}
