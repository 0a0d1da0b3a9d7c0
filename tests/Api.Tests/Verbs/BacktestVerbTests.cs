using Analytics.Api.Cli;
using Analytics.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Api.Tests.Verbs;

// 'analytics backtest' on the committed sample drop: the summary's columns, the details file, the same output twice,
// the track record reaching the model card, and a user's mistake answered with one sentence.
public sealed class BacktestVerbTests(BacktestVerbTests.Sample sample) : IClassFixture<BacktestVerbTests.Sample>
{
    public sealed class Sample : IDisposable
    {
        public Sample()
        {
            Folder = new TempFolder();
            Db = Folder.File("w.duckdb");
            var (code, _, error) = Run("ingest", RepositoryRoot.Combine("data-samples", "drop"), "--db", Db).GetAwaiter().GetResult();
            if (code != ExitCodes.Ok)
                throw new InvalidOperationException(error);
        }

        internal TempFolder Folder { get; }
        public string Db { get; }

        public void Dispose() => Folder.Dispose();
    }

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Backtest_TwoRuns_IdenticalSummaryAndDetailsAndTrackRecordInTheModelCard()
    {
        var models = sample.Folder.File("models");
        string[] Args(string details) =>
            ["backtest", "--from", "2025-09", "--to", "2025-10", "--format", "csv", "--details", details, "--db", sample.Db, "--models", models];

        var (code1, out1, err1) = await Run(Args(sample.Folder.File("d1.csv")));
        var (code2, out2, _) = await Run(Args(sample.Folder.File("d2.csv")));

        code1.Should().Be(ExitCodes.Ok, err1);
        code2.Should().Be(ExitCodes.Ok);
        out2.Should().Be(out1);
        File.ReadAllBytes(sample.Folder.File("d2.csv")).Should().Equal(File.ReadAllBytes(sample.Folder.File("d1.csv")));
        var lines = out1.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Trim().Should().Be("flag,horizon_months,flagged,hits,precision,base_rate,lift,ci_low,ci_high");
        lines.Should().HaveCount(1 + 6 * 2, "one row per flag and horizon (6 and 12 months)");
        lines.Should().Contain(l => l.StartsWith("replace,6,", StringComparison.Ordinal));
        var details = File.ReadAllText(sample.Folder.File("d1.csv")).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        details[0].Trim().Should().Be("period,mall_id,tenant_id,flag,outcome_6m,outcome_12m");
        details.Skip(1).Should().NotBeEmpty().And.OnlyContain(l => l.StartsWith("2025-09,", StringComparison.Ordinal) || l.StartsWith("2025-10,", StringComparison.Ordinal));

        var (code3, _, err3) = await Run("flags", "--period", "2026-10", "--db", sample.Db, "--models", models, "--format", "csv");
        code3.Should().Be(ExitCodes.Ok, err3);
        var card = File.ReadAllText(Path.Combine(models, "model-card.md"));
        card.Should().Contain("## Track record (backtest 2025-09 to 2025-10)").And.Contain("replace: ");
    }

    [Fact]
    public async Task Backtest_FromAfterTo_OneSentenceAndFailure()
    {
        var (code, output, error) = await Run("backtest", "--from", "2026-04", "--to", "2025-01", "--db", sample.Db);

        code.Should().Be(ExitCodes.Failed);
        output.Should().BeEmpty();
        error.Trim().Should().Be("--from 2026-04 is after --to 2025-01.");
    }

    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliContext(Clock, output, error));
        return (code, output.ToString(), error.ToString());
    }
}
