using Analytics.Ingest.Loading;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Documents;
using Analytics.Reports.Language;
using DuckDB.NET.Data;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Reports.Tests.Support;

/// <summary>
/// The committed sample drop (data-samples/drop) loaded once into a real warehouse in a temp folder, with every
/// document of its latest month and latest complete week rendered in both languages: the monthly brief, the weekly
/// brief and all merchant sheets. Shared by the document test classes (a collection fixture), so the analysis runs
/// once and the sheets render once per test run.
/// </summary>
public sealed class SampleReports : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 7, 0, 0, TimeSpan.Zero);

    private readonly string folder;

    public SampleReports()
    {
        folder = Path.Combine(Path.GetTempPath(), "reports-sample-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Clock = new FakeTimeProvider(Now);
        Root = RepositoryRoot.Path;
        DropFolder = Path.Combine(Root, "data-samples", "drop");
        var warehouse = new Warehouse(Path.Combine(folder, "sample.duckdb"), new WarehouseSettings(1024, 2));
        var load = new DropLoader(warehouse, Clock).Load(DropFolder, new LoadOptions(RejectsFile: Path.Combine(folder, "rejects.csv")));
        if (load.Refused)
            throw new InvalidOperationException("The sample drop was refused: " + load.RejectsFile);
        Connection = warehouse.Open(Clock);

        Service = new ReportService(TestReports.Fonts, Clock);
        Period = ReportService.LatestMonth(Connection, null);
        Week = ReportService.LatestWeek(Connection, null);
        Data = Service.Load(Connection, null, Period);
        Metrics = TenantMetrics.Query(Connection, "main", Period);
        Mall = MallMetrics.Query(Connection, "main", Period).Single();
        foreach (var language in Languages)
        {
            Monthly[language.Code] = Service.Monthly(Data, language);
            Weekly[language.Code] = Service.Weekly(Connection, null, Week, language, Data.Analysis);
            Merchants[language.Code] = Service.AllMerchants(Data, language);
        }
        PreviousFlags = Analytics.Model.Analysis.TenantAnalysis.Run(Connection, "main", Week.FlagMonth(SalesDays.Last(Connection, null)).AddMonths(-1),
            Analytics.Model.Analysis.AnalysisSettings.Default).Flags.Select(f => (f.Score.Frame.Metrics.TenantId, f.Code)).ToHashSet();
    }

    public static IReadOnlyList<ReportLanguage> Languages { get; } = [ReportLanguage.English, ReportLanguage.Chinese];

    public string Root { get; }
    public string DropFolder { get; }
    public FakeTimeProvider Clock { get; }
    public DuckDBConnection Connection { get; }
    public ReportService Service { get; }
    public Month Period { get; }
    public IsoWeek Week { get; }
    public ReportData Data { get; }
    public IReadOnlyList<TenantMetricsRow> Metrics { get; }
    public MallMetricsRow Mall { get; }
    public HashSet<(string TenantId, string Code)> PreviousFlags { get; }
    public Dictionary<string, byte[]> Monthly { get; } = [];
    public Dictionary<string, byte[]> Weekly { get; } = [];
    public Dictionary<string, IReadOnlyList<ReportFile>> Merchants { get; } = [];

    /// <summary>A file of the document type in the temp folder (for qpdf and pdftoppm).</summary>
    public string Save(string name, byte[] pdf)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, pdf);
        return path;
    }

    /// <summary>The text of a PDF with all white space removed: wrapping breaks lines anywhere in Chinese, so
    /// figures and sentences are compared without the spaces the extraction puts at line ends.</summary>
    public static string Flat(byte[] pdf) => Flat(string.Join(" ", TestReports.PageTexts(pdf)));

    public static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public void Dispose()
    {
        Connection.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SampleReportsCollection : ICollectionFixture<SampleReports>
{
    public const string Name = "sample reports";
}
