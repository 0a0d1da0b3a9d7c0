using Analytics.SampleData.Scale;

namespace Analytics.Ingest.Tests.SampleData.Scale;

public sealed class ScaleDropTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ta-scale-").FullName;

    private static readonly ScaleOptions Small = new() { Malls = 3, Tenants = 40, Months = 3, Seed = 5 };

    [Fact]
    public void Write_SmallPortfolio_SalesRowsAreTenantsTimesDays()
    {
        var counts = ScaleDrop.Write(folder, Small);

        var days = new DateOnly(2026, 10, 31).DayNumber - new DateOnly(2026, 8, 1).DayNumber + 1;
        counts["sales"].Should().Be(40L * days);
        var sales = CsvTable.Read(Path.Combine(folder, "sales.csv"));
        sales.Records.Should().HaveCount(40 * days);
        sales.Rows().Select(r => r("mall_id")).Distinct().Should().BeEquivalentTo(["M01", "M02", "M03"]);
        sales.Rows().Select(r => r("date")).Min().Should().Be("2026-08-01");
        CsvTable.Read(Path.Combine(folder, "tenants.csv")).Records.Should().HaveCount(40);
    }

    [Fact]
    public void Write_AllDatasets_EveryFileHasMallIdAndWellFormedRows()
    {
        var counts = ScaleDrop.Write(folder, Small);

        counts.Keys.Should().BeEquivalentTo(ScaleOptions.AllDatasets);
        foreach (var dataset in ScaleOptions.AllDatasets)
        {
            var table = CsvTable.Read(Path.Combine(folder, dataset + ".csv"));
            table.Header[0].Should().Be("mall_id");
            table.Records.Should().HaveCount((int)counts[dataset]).And.OnlyContain(r => r.Fields.Length == table.Header.Count && r.Fields[0].Length > 0);
        }
    }

    [Fact]
    public void Write_SameOptionsTwice_IdenticalBytes()
    {
        var other = Directory.CreateTempSubdirectory("ta-scale-again-").FullName;
        try
        {
            ScaleDrop.Write(folder, Small);
            ScaleDrop.Write(other, Small);
            foreach (var dataset in ScaleOptions.AllDatasets)
            {
                File.ReadAllBytes(Path.Combine(other, dataset + ".csv")).Should().Equal(File.ReadAllBytes(Path.Combine(folder, dataset + ".csv")));
            }
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Write_DatasetSubset_WritesOnlyThose()
    {
        var counts = ScaleDrop.Write(folder, Small with { Datasets = ["tenants", "rent"] });

        counts.Keys.Should().BeEquivalentTo(["tenants", "rent"]);
        Directory.GetFiles(folder).Select(Path.GetFileName).Should().BeEquivalentTo(["tenants.csv", "rent.csv"]);
    }

    [Fact]
    public void Write_UnknownDataset_Throws()
    {
        var act = () => ScaleDrop.Write(folder, Small with { Datasets = ["sales", "weather"] });

        act.Should().Throw<ArgumentException>().WithMessage("*weather*");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
