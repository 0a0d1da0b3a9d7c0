using Analytics.Api.Verbs;
using Analytics.Ingest;

namespace Analytics.Api.Cli;

/// <summary>Dispatches a verb and turns a user's mistake into one clear sentence and an exit code.</summary>
internal static class CommandLine
{
    public static IReadOnlyList<Verb> Verbs { get; } =
    [
        RunVerb.Definition,
        IngestVerb.Definition,
        Analytics.Api.Verbs.UsersVerb.Verb,
        Analytics.Api.Verbs.ServeVerb.Verb,
        MetricsVerb.Definition,
        ScoreVerb.Definition,
        AnalyseVerb.Definition,
        FlagsVerb.Definition,
        BacktestVerb.Definition,
        ReportVerb.Definition,
        DeliverVerb.Definition,
        AuditVerb.Definition,
        CreditVerb.Definition,
    ];

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintHelp(context.Out);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        var verb = Verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            context.Error.WriteLine($"Unknown verb '{args[0]}'. Run 'analytics help' for the list.");
            return ExitCodes.Usage;
        }

        try
        {
            var parsed = CommandArgs.Parse(args[1..], verb.Flags ?? new HashSet<string>());
            return await verb.Run(parsed, context);
        }
        catch (UsageError ex)
        {
            context.Error.WriteLine(ex.Message);
            context.Error.WriteLine($"Usage: analytics {verb.Usage}");
            return ExitCodes.Usage;
        }
        catch (UserError ex)
        {
            context.Error.WriteLine(ex.Message);
            return ExitCodes.Failed;
        }
    }

    private static void PrintHelp(TextWriter output)
    {
        output.WriteLine("Tenant Analytics: usage: analytics VERB [options]");
        output.WriteLine("Every verb takes --db FILE (default ./data/analytics.duckdb, or $ANALYTICS_DB).");
        output.WriteLine();
        foreach (var v in Verbs)
        {
            output.WriteLine($"  {v.Usage}");
            output.WriteLine($"      {v.Summary}");
        }
    }
}
