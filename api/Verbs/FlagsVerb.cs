using System.CommandLine;
using Analytics.Api.Cli;

namespace Analytics.Api.Verbs;

/// <summary><c>flags --period YYYY-MM</c>: one row per (tenant, flag) with priority, reasons (en and zh) and evidence.</summary>
internal static class FlagsVerb
{
    public static Command Command(CliContext context)
    {
        var command = new Command("flags",
            $"Lists the month's flags ({string.Join(", ", Analytics.Model.Flags.FlagCodes.All)}) with reasons and evidence.");
        var options = AnalysisRun.AddOptions(command);
        command.SetAction(parse => Run(options(parse), context));
        return command;
    }

    private static Task<int> Run(AnalysisRun run, CliContext context)
    {
        var result = run.Execute(context);
        result.FlagTable().Write(context.Out, run.Format);
        return Task.FromResult(ExitCodes.Ok);
    }
}
