using Analytics.Api.Cli;

namespace Analytics.Api.Verbs;

/// <summary><c>flags --period YYYY-MM</c>: one row per (tenant, flag) with priority, reasons (en and zh) and evidence.</summary>
internal static class FlagsVerb
{
    public static Verb Definition { get; } = new(
        "flags",
        "flags --period YYYY-MM [--mall ID] [--format csv|json|table] [--settings FILE] [--models DIR] [--db FILE]",
        $"Lists the month's flags ({string.Join(", ", Analytics.Model.Flags.FlagCodes.All)}) with reasons and evidence.",
        Run);

    private static Task<int> Run(CommandArgs args, CliContext context)
    {
        var run = AnalysisRun.FromArgs(args);
        args.EnsureAllRead(0);
        var result = run.Execute(context);
        result.FlagTable().Write(context.Out, run.Format);
        return Task.FromResult(ExitCodes.Ok);
    }
}
