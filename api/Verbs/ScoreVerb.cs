using System.CommandLine;
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
    public static Command Command(CliContext context)
    {
        var command = new Command("score",
            "Scores every tenant 0-100 (productivity, trend, affordability, payment, customer, compliance); writes the model card.");
        var options = AnalysisRun.AddOptions(command);
        command.SetAction(parse => Run(options(parse), context));
        return command;
    }

    private static Task<int> Run(AnalysisRun run, CliContext context)
    {
        var result = run.Execute(context);
        result.ScoreTable().Write(context.Out, run.Format);
        return Task.FromResult(ExitCodes.Ok);
    }
}

/// <summary>The options score and flags share, and the run itself.</summary>
internal sealed record AnalysisRun(Month Period, string? Mall, string Format, string Db, AnalysisSettings Settings, string ModelFolder, bool ModelsAsked)
{
    /// <summary>Adds the shared options to <paramref name="command"/>; the returned function reads a run back from a parse.</summary>
    public static Func<ParseResult, AnalysisRun> AddOptions(Command command)
    {
        var period = CliOptions.Month(required: true);
        var mall = CliOptions.Mall();
        var format = CliOptions.Format();
        var settings = CliOptions.Settings();
        var models = CliOptions.Models();
        var db = CliOptions.Db();
        foreach (var option in new Option[] { period, mall, format, settings, models, db })
        {
            command.Options.Add(option);
        }

        return parse =>
        {
            var path = Warehouse.ResolvePath(parse.GetValue(db));
            return new AnalysisRun(parse.GetValue(period)!.Value, parse.GetValue(mall), parse.GetValue(format)!, path,
                AnalysisSettings.Load(parse.GetValue(settings)), ModelsFolder(parse.GetValue(models), path),
                parse.GetValue(models) is not null);
        };
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
