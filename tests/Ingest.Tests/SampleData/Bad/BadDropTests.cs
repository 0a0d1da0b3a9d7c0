using Analytics.Ingest.Contract;
using Analytics.SampleData.Sample;

namespace Analytics.Ingest.Tests.SampleData.Bad;

/// <summary>
/// The bad drop and its list of expected rejections agree with each other (the loader's tests compare the loader
/// against the list; these check the list itself).
/// </summary>
[Collection(GeneratedSampleCollection.Name)]
public sealed class BadDropTests(GeneratedSample sample)
{
    private string BadFolder => Path.Combine(sample.Folder, SampleDrop.BadFolder);

    private List<(string File, int Line, string Column, string Reason)> Expected() =>
        CsvTable.Read(Path.Combine(sample.Folder, SampleDrop.BadExpectedFile)).Rows()
            .Select(r => (r("file"), int.Parse(r("line"), System.Globalization.CultureInfo.InvariantCulture), r("column"), r("reason"))).ToList();

    [Fact]
    public void Expected_Reasons_CoverEveryReasonCodeOfTheLoader()
    {
        Expected().Select(e => e.Reason).Distinct().Should().BeEquivalentTo(RejectReason.All);
    }

    [Fact]
    public void EveryFile_ValidAndBadRows_BadShareAboveTheDefaultLimit()
    {
        var expected = Expected();
        var files = Directory.GetFiles(BadFolder, "*.csv").Select(Path.GetFileName).ToList();
        files.Should().BeEquivalentTo(["units.csv", "tenants.csv", "sales.csv", "rent.csv", "complaints.csv", "inspections.csv", "footfall.csv"]);
        foreach (var file in files)
        {
            var records = CsvTable.Read(Path.Combine(BadFolder, file!)).Records.Count;
            var bad = expected.Count(e => e.File == file);
            bad.Should().BeGreaterThan(0);
            (records - bad).Should().BeGreaterThanOrEqualTo(3, because: $"{file} also holds valid rows");
            ((double)bad / records).Should().BeGreaterThan(0.05, because: "the drop demonstrates refusal at the default 5 % limit");
        }
    }

    [Fact]
    public void Expected_Lines_PointAtTheFirstLineOfTheBadRecord()
    {
        foreach (var group in Expected().GroupBy(e => e.File))
        {
            var table = CsvTable.Read(Path.Combine(BadFolder, group.Key));
            var byLine = table.Records.ToDictionary(r => r.Line, r => r.Fields);
            foreach (var (file, line, column, reason) in group)
            {
                byLine.Should().ContainKey(line, because: $"{file}:{line} starts a record");
                var fields = byLine[line];
                if (reason == RejectReason.MalformedRow)
                {
                    fields.Length.Should().NotBe(table.Header.Count, because: $"{file}:{line} has the wrong number of fields");
                    column.Should().BeEmpty();
                    continue;
                }
                fields.Length.Should().Be(table.Header.Count, because: $"{file}:{line} breaks one rule only");
                if (reason == RejectReason.DuplicateKey)
                {
                    var key = column.Split('+').Where(c => c != "mall_id").Select(table.Column).ToList();
                    table.Records.Where(r => r.Line < line).Should().Contain(r => key.All(k => r.Fields[k] == fields[k]), because: $"{file}:{line} repeats a key");
                    continue;
                }
                table.Header.Should().Contain(column);
                if (reason == RejectReason.MissingValue)
                {
                    fields[table.Column(column)].Should().BeEmpty();
                }
                else
                {
                    fields[table.Column(column)].Should().NotBeEmpty(because: $"{file}:{line} {reason} needs a value to be wrong");
                }
            }
        }
    }

    [Fact]
    public void Expected_LineNumbers_CountQuotedLineBreaks()
    {
        var complaints = File.ReadAllLines(Path.Combine(BadFolder, "complaints.csv"));
        var bad = Expected().Where(e => e.File == "complaints.csv").ToList();
        bad.Should().Contain(e => e.Line > 3, because: "a multi-line description comes before them");
        foreach (var e in bad)
        {
            complaints[e.Line - 1].Should().MatchRegex("^CP[0-9]+,", because: "the physical line holds the record's start");
        }
    }

    [Fact]
    public void BadDrop_ValidRows_ReferOnlyToTenantsOfItsOwnTenantsFile()
    {
        var expected = Expected();
        bool IsBad(string file, int line) => expected.Any(e => e.File == file && e.Line == line);
        var tenants = CsvTable.Read(Path.Combine(BadFolder, "tenants.csv"));
        var known = tenants.Records.Where(r => !IsBad("tenants.csv", r.Line)).Select(r => r.Fields[0]).ToHashSet();
        known.Should().HaveCountGreaterThanOrEqualTo(3);
        foreach (var file in new[] { "sales.csv", "rent.csv", "complaints.csv", "inspections.csv" })
        {
            var table = CsvTable.Read(Path.Combine(BadFolder, file));
            var column = table.Column("tenant_id");
            table.Records.Where(r => !IsBad(file, r.Line) && r.Fields[column].Length > 0)
                .Should().OnlyContain(r => known.Contains(r.Fields[column]), because: $"{file} is self-contained");
        }
    }
}
