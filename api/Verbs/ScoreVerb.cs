using System.Text;
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
internal sealed record AnalysisRun(DateOnly Period, string? Mall, string Format, string Db, AnalysisSettings Settings, string ModelFolder, bool ModelsAsked)
{
    public static AnalysisRun FromArgs(CommandArgs args)
    {
        var period = Month.Parse(args.Required("period"));
        var mall = args.Option("mall");
        var format = ExportTable.ParseFormat(args.Option("format"));
        var db = Warehouse.ResolvePath(args.Option("db"));
        var settings = AnalysisSettings.Load(args.Option("settings"));
        var models = args.Option("models");
        return new AnalysisRun(period, mall, format, db, settings, ModelsFolder(models, db), models is not null);
    }

    /// <summary>Models live beside the warehouse they were trained on unless told otherwise.</summary>
    public static string ModelsFolder(string? option, string db) =>
        option ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db)) ?? ".", "models");

    /// <summary>
    /// The month's stored analysis (computed and stored when its inputs changed). With --models the analysis runs
    /// again so that the trained models are written there; the model card is written beside them either way.
    /// </summary>
    public AnalysisResult Execute(CliContext context)
    {
        using var connection = new Warehouse(Db, new WarehouseSettings()).Open(context.Clock);
        var mall = MallOption.Resolve(connection, Mall);
        DataAvailability.RequireSalesBy(connection, mall, Period);
        var result = ModelsAsked
            ? AnalysisStore.Refresh(connection, mall, Period, Settings, context.Clock, ModelFolder)
            : AnalysisStore.Get(connection, mall, Period, Settings, context.Clock);
        var card = Path.Combine(ModelFolder, "model-card.md");
        if (!ModelsAsked)
        {
            Directory.CreateDirectory(ModelFolder);
            File.WriteAllText(card, result.ModelCard(), new UTF8Encoding(false));
        }

        context.Error.WriteLine($"Model card: {card}");
        return result;
    }
}
