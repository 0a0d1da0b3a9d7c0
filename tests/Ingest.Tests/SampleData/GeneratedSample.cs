using Analytics.SampleData.Sample;

namespace Analytics.Ingest.Tests.SampleData;

/// <summary>The sample generated once per test run into a temp folder (about a second), plus where the committed copy lives.</summary>
public sealed class GeneratedSample : IDisposable
{
    public GeneratedSample()
    {
        Folder = Directory.CreateTempSubdirectory("ta-sample-").FullName;
        Counts = SampleDrop.Write(Folder, SampleDrop.DefaultSeed);
        Facts = new SampleFacts(Path.Combine(Folder, SampleDrop.DropFolder));
        Truth = CsvTable.Read(Path.Combine(Folder, SampleDrop.TruthFile));
        OperationsTruth = CsvTable.Read(Path.Combine(Folder, SampleDrop.OperationsTruthFile));
    }

    public string Folder { get; }
    public IReadOnlyDictionary<string, long> Counts { get; }
    internal SampleFacts Facts { get; }
    internal CsvTable Truth { get; }
    internal CsvTable OperationsTruth { get; }

    public string Drop => Path.Combine(Folder, SampleDrop.DropFolder);

    /// <summary>Tenants of one planted situation per the ground-truth file.</summary>
    internal IReadOnlyList<string> TenantsIn(string situation) =>
        Truth.Rows().Where(r => r("situation") == situation).Select(r => r("tenant_id")).ToList();

    /// <summary>data-samples/ of the checkout this test was built from.</summary>
    public static string CommittedSamples() => RepositoryRoot.Combine("data-samples");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class GeneratedSampleCollection : ICollectionFixture<GeneratedSample>
{
    public const string Name = "generated sample";
}
