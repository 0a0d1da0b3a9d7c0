using System.CommandLine;
using System.CommandLine.Help;
using Analytics.Api.Verbs;
using Analytics.Ingest;

namespace Analytics.Api.Cli;

/// <summary>
/// The command line on System.CommandLine: one <see cref="Command"/> per verb, built for the context it runs in.
/// Dispatches the verb and turns a user's mistake into one clear sentence and an exit code (<see cref="ExitCodes"/>):
/// a parse error or <see cref="UsageError"/> is the sentence plus the verb's synopsis and 2; any other
/// <see cref="UserError"/> is the sentence and 1. Every verb has <c>--help</c>.
/// </summary>
/// <remarks>
/// Adding a verb: a static class in api/Verbs with <c>Command(CliContext)</c> that declares its options (shared ones
/// from <see cref="CliOptions"/>, typed, so the action reads parsed values with <c>parse.GetValue(option)</c>), sets
/// its action with <c>SetAction</c>, and returns the command; then one line in <see cref="Verbs"/>.
/// </remarks>
internal static class CommandLine
{
    public static IReadOnlyList<Func<CliContext, Command>> Verbs { get; } =
    [
        RunVerb.Command,
        IngestVerb.Command,
        UsersVerb.Command,
        ServeVerb.Command,
        MetricsVerb.Command,
        ScoreVerb.Command,
        AnalyseVerb.Command,
        FlagsVerb.Command,
        BacktestVerb.Command,
        ReportVerb.Command,
        DeliverVerb.Command,
        AuditVerb.Command,
        CreditVerb.Command,
    ];

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var root = new Command("analytics", "Tenant Analytics") { new HelpOption { Recursive = true } };
        foreach (var verb in Verbs)
        {
            root.Subcommands.Add(verb(context));
        }

        if (args.Length == 0 || args[0] is "--help" or "-h" || (args[0] == "help" && args.Length == 1))
        {
            PrintHelp(root, context.Out);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        if (args[0] == "help")
        {
            args = [.. args[1..], "--help"]; // 'analytics help report' is 'analytics report --help'
        }

        if (!root.Subcommands.Any(c => c.Name == args[0]))
        {
            context.Error.WriteLine($"Unknown verb '{Printable.Of(args[0])}'. Run 'analytics help' for the list.");
            return ExitCodes.Usage;
        }

        var parse = root.Parse(args);
        var command = parse.CommandResult.Command;
        try
        {
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
            {
                throw new UsageError(parse.Errors[0].Message);
            }

            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageError ex)
        {
            context.Error.WriteLine(ex.Message);
            context.Error.WriteLine($"Usage: {Synopsis(command)}");
            return ExitCodes.Usage;
        }
        catch (UserError ex)
        {
            context.Error.WriteLine(ex.Message);
            return ExitCodes.Failed;
        }
    }

    /// <summary>One line: the command path, its arguments and options (optional ones in brackets), from the declarations.</summary>
    public static string Synopsis(Command command)
    {
        var parts = new List<string>();
        for (var c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            parts.Insert(0, c.Name);
        }

        if (command.Subcommands.Count > 0)
        {
            parts.Add(string.Join('|', command.Subcommands.Select(s => s.Name)));
        }

        parts.AddRange(command.Arguments.Select(a => a.HelpName ?? a.Name.ToUpperInvariant()));
        foreach (var option in command.Options.Where(o => o is not HelpOption))
        {
            var text = option.ValueType == typeof(bool) ? option.Name : $"{option.Name} {option.HelpName ?? "VALUE"}";
            parts.Add(option.Required ? text : $"[{text}]");
        }

        return string.Join(' ', parts);
    }

    private static void PrintHelp(Command root, TextWriter output)
    {
        output.WriteLine("Tenant Analytics: usage: analytics VERB [options]  (analytics VERB --help: the verb's options)");
        output.WriteLine("Every verb takes --db FILE (default ./data/analytics.duckdb, or $ANALYTICS_DB).");
        output.WriteLine();
        foreach (var verb in root.Subcommands)
        {
            output.WriteLine($"  {Synopsis(verb)}");
            output.WriteLine($"      {verb.Description}");
        }
    }
}
