using System.Diagnostics;
using Analytics.Ingest.Contract;
using Analytics.Ingest.Tests.Support;
using Analytics.SampleData.Hostile;

namespace Analytics.Ingest.Tests.Hostile;

/// <summary>Workbooks that unpack to far more than they weigh: refused before the sheet reader holds them.</summary>
public sealed class HostileXlsxTests : IDisposable
{
    private readonly TempWarehouse _wh = new();

    public void Dispose() => _wh.Dispose();

    [Fact]
    public async Task Cli_CellOfTwoHundredMegabytes_IsRefusedWithBoundedMemory()
    {
        // Before: "Loaded 1 rows", a 209,715,200-character unit_id stored, the server at 3.86 GB.
        using var drop = new Drop();
        var path = Path.Combine(drop.Folder, "units.xlsx");
        StreamedWorkbook.Write(path, "units", [["unit_id", "floor", "area_sqm"], [StreamedWorkbook.Huge, "1F", "100"]], hugeChars: 200L << 20);
        new FileInfo(path).Length.Should().BeLessThan(2 << 20, "the attack is a small file");

        var watch = Stopwatch.StartNew();
        using var process = AnalyticsProcess.Start(["ingest", drop.Folder, "--db", _wh.Path]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, PeakBytes(process.Id));
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60));
        }

        var output = await stdout;
        process.ExitCode.Should().Be(3, output + await stderr);
        output.Should().Contain("units.xlsx: xl/worksheets/sheet1.xml holds a value longer than 65,536 characters, the limit for any cell");
        peak.Should().BeLessThan(1L << 30, "the workbook is measured as a stream, never held");
        _wh.Scalar<long>("SELECT count(*) FROM units").Should().Be(0);
    }

    [Fact]
    public void Load_CellOverItsColumnLimit_IsRejectedAtItsRow()
    {
        using var drop = new Drop();
        var rows = new List<IReadOnlyList<string?>> { new[] { "unit_id", "floor", "area_sqm" } };
        rows.AddRange(Enumerable.Range(1, 40).Select(i => new[] { $"U{i}", "1F", "50" }));
        rows.Add(["U41", new string('楼', 5_000), "50"]);   // sheet row 42
        StreamedWorkbook.Write(Path.Combine(drop.Folder, "book.xlsx"), "units", rows);

        var result = _wh.Load(drop.Folder);

        result.Refused.Should().BeFalse();
        result.Rejects.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            File = "book.xlsx", Sheet = "units", Line = 42L, Column = "floor", Reason = RejectReason.TooLong,
            Value = "the value of floor is longer than 4,096 characters",
        });
        _wh.Scalar<long>("SELECT count(*) FROM units").Should().Be(40);
    }

    [Fact]
    public void Load_SheetUsingTheLastExcelColumn_IsRefusedBeforeItIsRead()
    {
        using var drop = Drop.WithLeases();
        var wide = new string?[16_384];
        wide[0] = "U9";
        wide[^1] = "far away";
        StreamedWorkbook.Write(Path.Combine(drop.Folder, "wide.xlsx"), "units", [["unit_id", "floor", "area_sqm"], wide]);
        var before = _wh.ContentFingerprint();

        var result = _wh.Load(drop.Folder);

        result.Refused.Should().BeTrue();
        result.Files.Single(f => f.File == "wide.xlsx").RefusalReason.Should().Be("xl/worksheets/sheet1.xml uses columns beyond the limit of 1,024");
        _wh.ContentFingerprint().Should().Be(before);
    }

    /// <summary>The high-water mark of a process's resident memory (VmHWM), 0 once it is gone.</summary>
    private static long PeakBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
