using System.Diagnostics;
using System.Text;
using Analytics.Ingest.Contract;
using Analytics.Ingest.Limits;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Tests.Support;

namespace Analytics.Ingest.Tests.Hostile;

/// <summary>
/// The reproductions of hostile CSV files, through the real command line where the time matters: each is
/// refused (or its row rejected) with a reason, in time proportional to its size, the warehouse unchanged.
/// </summary>
public sealed class HostileCsvTests : IDisposable
{
    private const string ComplaintsHeader = "complaint_id,received_at,tenant_id,channel,category,severity,status,resolved_at,description";
    private readonly TempWarehouse _wh = new();

    public void Dispose() => _wh.Dispose();

    [Fact]
    public void Load_LineOfOneHundredThousandFields_IsRefusedUnderFiveSeconds()
    {
        // Before: 117 s to refuse (quadratic in the field count inside the CSV reader's rejects table).
        using var drop = Drop.WithLeases();
        WriteManyFields(drop, 100_000);
        var before = _wh.ContentFingerprint();

        var watch = Stopwatch.StartNew();
        var result = _wh.Load(drop.Folder);
        watch.Stop();

        result.Refused.Should().BeTrue();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "refusing a hostile line costs time in proportion to its size");
        result.Rejects.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Line = 2L, Reason = RejectReason.TooLong, Value = "the line has more than 1,024 fields",
        });
        _wh.ContentFingerprint().Should().Be(before);
    }

    [Fact]
    public void Cli_LineOfFiveMillionFields_IsRefusedInSeconds()
    {
        // Before: kept a drop "loading" at 100 % CPU for 13+ minutes. Now one linear scan of a 10 MB line.
        using var drop = Drop.WithLeases();
        WriteManyFields(drop, 5_000_000);
        var rejects = Path.Combine(_wh.Folder, "r.csv");

        var watch = Stopwatch.StartNew();
        var run = AnalyticsProcess.Run("ingest", drop.Folder, "--db", _wh.Path, "--rejects", rejects);
        watch.Stop();

        run.ExitCode.Should().Be(3, run.Out + run.Error);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "a shared machine, a fresh process: still seconds, not minutes");
        File.ReadAllText(rejects).Should().Contain("complaints.csv,2,,\"the line has more than 1,024 fields\",too_long,complaints");
        run.Out.Should().Contain("Refused: nothing was loaded");
    }

    private static void WriteManyFields(Drop drop, int fields)
    {
        var text = new StringBuilder(ComplaintsHeader).Append('\n');
        text.Insert(text.Length, "x,", fields).Append('\n');
        File.WriteAllText(Path.Combine(drop.Folder, "complaints.csv"), text.ToString());
    }

    [Fact]
    public void Load_QuotedFieldOfTenMegabytes_IsRejectedNamingTheColumnAndTheLimit()
    {
        // Before: refused as "4 fields where the header has 4".
        using var drop = Drop.WithLeases().File("complaints.csv", $"""
            complaint_id,received_at,category,severity,status,description
            C1,2026-10-01 10:00,service,1,open,"{new string('a', 10_000_000)}"
            """);

        var result = _wh.Load(drop.Folder);

        result.Refused.Should().BeTrue();
        var reject = result.Rejects.Should().ContainSingle().Subject;
        reject.Should().BeEquivalentTo(new { Line = 2L, Column = "description", Reason = RejectReason.TooLong,
            Value = "the value of description is longer than 65,536 characters" });
    }

    [Fact]
    public void Load_RowsOverLimits_AreRejectedAndTheOthersLoadWithTheirLineNumbers()
    {
        var limits = new InputLimits { ValueChars = 100 };
        var rows = new StringBuilder(ComplaintsHeader).Append('\n');
        for (var i = 1; i <= 60; i++)
        {
            rows.Append($"C{i},2026-10-01 10:00,T1,app,service,1,open,,\"说明 {i}\nsecond line\"\n");
        }

        rows.Append($"C61,2026-10-01 10:00,T1,{new string('名', 101)},service,1,open,,too long channel\n");   // line 122
        rows.Append("C62,2026-10-01 10:00,T1,app,service,1,open,,\"multi\nline\nquoted\"\n");              // line 123
        rows.Append("C63,2026-10-01 10:00,T1,app,service,nine,open,,bad severity after the blanked row\n");  // line 126
        using var drop = Drop.WithLeases().File("complaints.csv", rows.ToString());

        var result = new DropLoader(_wh.Warehouse, _wh.Clock).Load(drop.Folder,
            new LoadOptions(5, Path.Combine(_wh.Folder, "r.csv"), limits));

        result.Refused.Should().BeFalse(string.Join("; ", result.Files.Select(f => f.RefusalReason)));
        result.Rejects.Select(r => (r.Line, r.Column, r.Reason)).Should().Equal(
            (122L, "channel", RejectReason.TooLong), (126L, "severity", RejectReason.BadEnum));
        _wh.Scalar<long>("SELECT count(*) FROM complaints").Should().Be(61);
        result.Files.Single(f => f.Dataset == "complaints").RowsRead.Should().Be(63);
    }

    [Fact]
    public void Load_HeaderOverTheLimits_RefusesTheFileInOneSentence()
    {
        using var drop = Drop.WithLeases().File("sales.csv", "tenant_id,date,net_sales" + string.Concat(Enumerable.Repeat(",x", 2_000)) + "\nT1,2024-01-01,5");
        var before = _wh.ContentFingerprint();

        var result = _wh.Load(drop.Folder);

        result.Refused.Should().BeTrue();
        result.Files.Single(f => f.Dataset == "sales").RefusalReason.Should().Be("its header cannot be read: the line has more than 1,024 fields");
        _wh.ContentFingerprint().Should().Be(before);
    }

    [Fact]
    public void Load_FormulaInAName_IsStoredAsSentAndNeutralisedInTheRejectsCsv()
    {
        // Before: =HYPERLINK(...) went as-is into the rejects CSV that a leasing manager opens in Excel.
        using var drop = Drop.WithLeases().File("complaints.csv", """
            complaint_id,received_at,tenant_id,channel,category,severity,status,resolved_at,description
            C1,2026-10-01 10:00,T1,"=HYPERLINK(""http://x"",""y"")",service,1,open,,ok
            C2,2026-10-01 10:00,T1,app,@SUM(A1),1,open,,bad category
            """);

        var result = _wh.Load(drop.Folder, maxRejectPct: 100);

        result.Refused.Should().BeFalse();
        _wh.Scalar<string>("SELECT channel FROM complaints WHERE complaint_id = 'C1'").Should().Be("=HYPERLINK(\"http://x\",\"y\")");
        File.ReadAllText(result.RejectsFile!).Should().Contain("complaints.csv,3,category,'@SUM(A1),bad_enum,complaints");
    }

    [Fact]
    public void Cli_BinaryFile_RefusalCarriesNoControlCharacters()
    {
        using var drop = Drop.WithLeases();
        var bytes = new byte[4096];
        new Random(9).NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(drop.Folder, "sales.csv"), [0x01, 0x02, 0x00, (byte)'a', (byte)',', 0x07, (byte)'b', (byte)'\n', .. bytes]);

        var run = AnalyticsProcess.Run("ingest", drop.Folder, "--db", _wh.Path);

        run.ExitCode.Should().Be(3);
        run.Out.Should().Contain("sales.csv: the required columns tenant_id, date, net_sales are missing");
        (run.Out + run.Error).Where(c => char.IsControl(c) && c is not '\n' and not '\r').Should().BeEmpty();
    }
}
