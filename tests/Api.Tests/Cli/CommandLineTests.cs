using Analytics.Api.Cli;
using Analytics.Api.Tests.Support;

namespace Analytics.Api.Tests.Cli;

public sealed class CommandLineTests
{
    private static readonly string SampleDrop = RepositoryRoot.Combine("data-samples", "drop");

    [Theory]
    [InlineData("audit", "--period <YYYY-MM>", "--format <csv|json|table>")]
    [InlineData("backtest", "--from <YYYY-MM>", "--details <FILE>")]
    [InlineData("credit", "--period <YYYY-MM>", "--settings <FILE>")]
    [InlineData("deliver", "<weekly|monthly|merchant>", "--dry-run")]
    [InlineData("flags", "--period <YYYY-MM>", "--models <DIR>")]
    [InlineData("ingest", "<FOLDER>", "--max-reject-pct <N>")]
    [InlineData("metrics", "--level <tenant|mall>", "--mall <ID>")]
    [InlineData("report", "--week <YYYY-Www>", "--lang <zh|en>")]
    [InlineData("run", "--drop <DIR>", "--lang <zh|en|all>")]
    [InlineData("score", "--period <YYYY-MM>", "--db <FILE>")]
    [InlineData("serve", "--urls <URL>", "--workers <N>")]
    [InlineData("users", "add", "passwd")]
    public async Task Help_EveryVerb_ItsOwnOptionsAndExitZero(string verb, string first, string second)
    {
        var (code, output, error) = await Run(false, verb, "--help");

        code.Should().Be(ExitCodes.Ok, error);
        output.Should().Contain($"analytics {verb}").And.Contain(first).And.Contain(second);
        error.Should().BeEmpty();
    }

    [Fact]
    public async Task Help_SubcommandAndHelpVerb_SameTextAsDashDashHelp()
    {
        var (code, viaVerb, _) = await Run(false, "help", "users", "add");
        var (_, viaOption, _) = await Run(false, "users", "add", "--help");

        code.Should().Be(ExitCodes.Ok);
        viaVerb.Should().Be(viaOption).And.Contain("--password-stdin").And.Contain("--role <admin|leasing|gm|merchant>");
    }

    [Fact]
    public async Task Help_NoArguments_ListsEveryVerbWithUsageExitCode()
    {
        var (code, output, _) = await Run(false);

        code.Should().Be(ExitCodes.Usage);
        foreach (var verb in new[] { "run", "ingest", "users", "serve", "metrics", "score", "flags", "backtest", "report", "deliver", "audit", "credit" })
        {
            output.Should().Contain($"  analytics {verb}");
        }
    }

    [Theory]
    [InlineData("The period '2026-13' is not a month in the form YYYY-MM.", "score", "--period", "2026-13")]
    [InlineData("The period '2026-13' is not a month in the form YYYY-MM.", "backtest", "--from", "2026-01", "--to", "2026-13")]
    [InlineData("The week '2026-W54' is not an ISO week in the form YYYY-Www (e.g. 2026-W44).", "report", "weekly", "--week", "2026-W54")]
    [InlineData("The format 'xml' is not one of csv, json, table.", "audit", "--period", "2026-10", "--format", "xml")]
    [InlineData("Option --max-reject-pct takes a percentage from 0 to 100, not '101'.", "ingest", "drop", "--max-reject-pct", "101")]
    [InlineData("Option --workers takes a whole number (0 or more), not 'two'.", "serve", "--workers", "two")]
    [InlineData("Option '--period' is required.", "credit")]
    [InlineData("Unrecognized command or argument '--perod'.", "metrics", "--perod", "2026-10")]
    public async Task BadOption_OneSentenceNamingItThenSynopsis_ExitCodeUsage(string sentence, params string[] args)
    {
        using var folder = new TempFolder();
        var (code, output, error) = await Run(false, [.. args, "--db", folder.File("none.duckdb")]);

        code.Should().Be(ExitCodes.Usage);
        output.Should().BeEmpty();
        var lines = error.TrimEnd().Split(Environment.NewLine);
        lines.Should().HaveCount(2, "one sentence, then the verb's synopsis: {0}", error);
        lines[0].Should().Be(sentence);
        lines[1].Should().StartWith($"Usage: analytics {args[0]} ");
        File.Exists(folder.File("none.duckdb")).Should().BeFalse("nothing runs when the command line is wrong");
    }

    [Fact]
    public async Task UnknownVerb_OneSentence_ExitCodeUsage()
    {
        var (code, _, error) = await Run(false, "sore", "--period", "2026-10");

        code.Should().Be(ExitCodes.Usage);
        error.Trim().Should().Be("Unknown verb 'sore'. Run 'analytics help' for the list.");
    }

    [Fact]
    public async Task Ingest_OnATerminal_ShowsProgressThenWipesIt_RedirectedWritesNone()
    {
        using var folder = new TempFolder();
        var drop = Directory.CreateDirectory(folder.File("drop")).FullName;
        foreach (var name in new[] { "malls.csv", "units.csv", "tenants.csv" })
        {
            File.Copy(Path.Combine(SampleDrop, name), Path.Combine(drop, name));
        }

        var terminal = await Run(true, "ingest", drop, "--db", folder.File("terminal.duckdb"));
        var redirected = await Run(false, "ingest", drop, "--db", folder.File("redirected.duckdb"));

        terminal.Code.Should().Be(ExitCodes.Ok, terminal.Error);
        redirected.Code.Should().Be(ExitCodes.Ok, redirected.Error);
        terminal.Error.Should().Contain("\ringest files: 1/3").And.Contain("\ringest files: 3/3").And.EndWith("\r");
        terminal.Error.TrimEnd('\r').Split('\r')[^1].Trim().Should().BeEmpty("the progress line is wiped when the work ends");
        redirected.Error.Should().BeEmpty("a log or a pipe gets no progress lines");
        terminal.Out.Should().Be(redirected.Out.Replace("redirected.duckdb", "terminal.duckdb"), "the results are the same either way");
    }

    [Fact]
    public void Progress_FromManyThreads_EveryCountShownOnOneLine()
    {
        using var terminal = new StringWriter();
        using (var progress = new CliProgress(terminal, "merchant sheets"))
        {
            Parallel.For(1, 101, i => progress.Report((i, 100)));
        }

        var shown = terminal.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        shown.Should().HaveCount(100).And.OnlyContain(s => s.StartsWith("merchant sheets: ", StringComparison.Ordinal) && s.EndsWith("/100", StringComparison.Ordinal));
        terminal.ToString().Should().NotContain("\n");
    }

    private static async Task<(int Code, string Out, string Error)> Run(bool terminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliContext(TimeProvider.System, output, error, ErrorIsTerminal: terminal));
        return (code, output.ToString(), error.ToString());
    }
}
