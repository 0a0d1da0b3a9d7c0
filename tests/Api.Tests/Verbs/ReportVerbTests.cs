using Analytics.Api.Cli;
using Analytics.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Api.Tests.Verbs;

// 'analytics run' on the committed sample drop once (ingest, scores, flags, every document in English), then the
// report verb on the same warehouse. The documents' content is tested in tests/Reports.Tests; here the command line.
public sealed class ReportVerbTests(ReportVerbTests.SampleRun sample) : IClassFixture<ReportVerbTests.SampleRun>
{
    public sealed class SampleRun : IDisposable
    {
        public SampleRun()
        {
            Folder = new TempFolder();
            Db = Folder.File("w.duckdb");
            Out = Folder.File("out");
            var drop = RepositoryRoot.Combine("data-samples", "drop");
            (Code, Output, Error) = Run(Clock, "run", "--drop", drop, "--db", Db, "--out", Out, "--lang", "en").GetAwaiter().GetResult();
        }

        public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.Zero));
        internal TempFolder Folder { get; }
        public string Db { get; }
        public string Out { get; }
        public int Code { get; }
        public string Output { get; }
        public string Error { get; }

        public void Dispose() => Folder.Dispose();
    }

    [Fact]
    public void Run_SampleDrop_WritesAndPrintsTheBriefsAndEveryMerchantSheet()
    {
        sample.Code.Should().Be(ExitCodes.Ok, sample.Error);
        var printed = sample.Output.Split('\n').Select(l => l.Trim()).Where(l => l.EndsWith(".pdf", StringComparison.Ordinal)).ToList();

        printed.Should().Contain(p => Path.GetFileName(p) == "weekly-2026-W43-en.pdf");
        printed.Should().Contain(p => Path.GetFileName(p) == "monthly-2026-10-en.pdf");
        printed.Count(p => Path.GetFileName(p).StartsWith("merchant-", StringComparison.Ordinal)).Should().BeGreaterThan(100);
        printed.Should().OnlyContain(p => File.Exists(p) && new FileInfo(p).Length > 10_000);
        Directory.GetFiles(sample.Out, "*.pdf").Should().HaveCount(printed.Count);
    }

    [Fact]
    public void Run_SampleDrop_KeepsTheMonthsCreditGradesInTheHistory()
    {
        sample.Code.Should().Be(ExitCodes.Ok, sample.Error);
        using var connection = new Analytics.Ingest.Warehouse.Warehouse(sample.Db, new Analytics.Ingest.Warehouse.WarehouseSettings(256, 1)).Open(SampleRun.Clock);
        var grades = Analytics.Model.Credit.CreditFile.Grade(connection, null, new Month(2026, 10), new Analytics.Model.Credit.CreditSettings());
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT tenant_id, grade, points FROM credit_history WHERE period = DATE '2026-10-01' ORDER BY tenant_id";
        using var r = cmd.ExecuteReader();
        var stored = new List<(string, string, int)>();
        while (r.Read())
            stored.Add((r.GetString(0), r.GetString(1), r.GetInt32(2)));

        grades.Should().HaveCountGreaterThan(100);
        stored.Should().Equal(grades.OrderBy(g => g.TenantId, StringComparer.Ordinal).Select(g => (g.TenantId, g.Grade, g.Points)));
        sample.Output.Should().Contain($"credit file: {grades.Count} tenants graded");
    }

    [Fact]
    public async Task Report_SameOptionsAndClock_SameBytesAndPathPrinted()
    {
        var first = sample.Folder.File("a");
        var second = sample.Folder.File("b");

        var (code1, out1, _) = await Run(SampleRun.Clock, "report", "merchant", "--tenant", "T0099", "--period", "2026-10", "--lang", "zh", "--db", sample.Db, "--out", first);
        var (code2, _, _) = await Run(SampleRun.Clock, "report", "merchant", "--tenant", "T0099", "--period", "2026-10", "--lang", "zh", "--db", sample.Db, "--out", second);

        code1.Should().Be(ExitCodes.Ok);
        code2.Should().Be(ExitCodes.Ok);
        out1.Trim().Should().Be(Path.Combine(first, "merchant-T0099-2026-10-zh.pdf"));
        File.ReadAllBytes(Path.Combine(first, "merchant-T0099-2026-10-zh.pdf")).Should().Equal(File.ReadAllBytes(Path.Combine(second, "merchant-T0099-2026-10-zh.pdf")));
    }

    [Theory]
    [InlineData(ExitCodes.Usage, "Unknown document 'yearly'", "report", "yearly")]
    [InlineData(ExitCodes.Usage, "takes --week, not --period", "report", "weekly", "--period", "2026-10")]
    [InlineData(ExitCodes.Usage, "The report language 'fr' is not known", "report", "monthly", "--lang", "fr")]
    [InlineData(ExitCodes.Usage, "not an ISO week", "report", "weekly", "--week", "2026-44")]
    [InlineData(ExitCodes.Failed, "no sales for 2027-01", "report", "monthly", "--period", "2027-01")]
    [InlineData(ExitCodes.Failed, "Tenant 'NOPE' has no lease in force", "report", "merchant", "--tenant", "NOPE", "--period", "2026-10")]
    public async Task Report_UsersMistake_OneSentenceAndExitCode(int expectedCode, string message, params string[] args)
    {
        var (code, _, error) = await Run(SampleRun.Clock, [.. args, "--db", sample.Db, "--out", sample.Folder.File("errors")]);

        code.Should().Be(expectedCode);
        error.Should().Contain(message);
        error.Should().NotContain(" at ", "a user's mistake shows no stack trace");
    }

    private static async Task<(int Code, string Out, string Error)> Run(TimeProvider clock, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliContext(clock, output, error));
        return (code, output.ToString(), error.ToString());
    }
}
