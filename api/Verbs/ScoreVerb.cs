using Analytics.Api.Cli;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Analysis;
using Analytics.Model.Export;
using Analytics.Model.Metrics;

namespace Analytics.Api.Verbs;

/// <summary><c>score --period YYYY-MM</c>: the tenant score, each pillar's score, raw value and peer median.</summary>
internal static class ScoreVerb
{
    public static Verb Definition { get; } = new(
        "score",
        "score --period YYYY-MM [--mall ID] [--format csv|json|table] [--settings FILE] [--models DIR] [--db FILE]",
        "Scores every tenant 0-100 (productivity, trend, affordability, payment, customer, compliance); writes the model card.",
        Run);

    private static Task<int> Run(CommandArgs args, CliContext context)
    {
        var run = AnalysisRun.FromArgs(args);
        args.EnsureAllRead(0);
        var result = run.Execute(context);
        result.ScoreTable().Write(context.Out, run.Format);
        return Task.FromResult(ExitCodes.Ok);
    }
}

/// <summary>The options score and flags share, and the run itself.</summary>
internal sealed record AnalysisRun(DateOnly Period, string? Mall, string Format, string Db, AnalysisSettings Settings, string ModelFolder)
{
    public static AnalysisRun FromArgs(CommandArgs args)
    {
        var period = Month.Parse(args.Required("period"));
        var mall = args.Option("mall");
        var format = ExportTable.ParseFormat(args.Option("format"));
        var db = Warehouse.ResolvePath(args.Option("db"));
        var settings = AnalysisSettings.Load(args.Option("settings"));
        return new AnalysisRun(period, mall, format, db, settings, ModelsFolder(args.Option("models"), db));
    }

    /// <summary>Models live beside the warehouse they were trained on unless told otherwise.</summary>
    public static string ModelsFolder(string? option, string db) =>
        option ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db)) ?? ".", "models");

    public AnalysisResult Execute(CliContext context)
    {
        using var connection = new Warehouse(Db, new WarehouseSettings()).Open(context.Clock);
        DataAvailability.RequireSalesBy(connection, Mall, Period);
        var result = TenantAnalysis.Run(connection, Mall, Period, Settings, ModelFolder);
        context.Error.WriteLine($"Model card: {Path.Combine(ModelFolder, "model-card.md")}");
        return result;
    }
}
