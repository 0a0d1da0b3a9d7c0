using System.CommandLine;
using System.Text;
using Analytics.Api.Cli;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Analysis;
using Analytics.Model.Backtest;
using Analytics.Model.Export;
using Analytics.Model.Metrics;

namespace Analytics.Api.Verbs;

/// <summary>
/// <c>backtest --from YYYY-MM --to YYYY-MM</c>: each flag's track record (precision, base rate, lift, 95 % interval at
/// 6 and 12 months), from flags recomputed point-in-time for every month of the range.
/// </summary>
internal static class BacktestVerb
{
    public static Command Command(CliContext context)
    {
        var from = CliOptions.Month("--from", required: true, "The first month of the range, YYYY-MM.");
        var to = CliOptions.Month("--to", required: true, "The last month of the range, YYYY-MM.");
        var mall = CliOptions.Mall();
        var format = CliOptions.Format();
        var details = CliOptions.Text("--details", "FILE", "Also write every flagged tenant-month with its outcomes (CSV).");
        var settings = CliOptions.Settings();
        var models = CliOptions.Models();
        var db = CliOptions.Db();
        var command = new Command("backtest",
            "How often each flag was right: flags as known on each month's last day against what happened 6 and 12 months later; writes the track record into the model card.")
        {
            from, to, mall, format, details, settings, models, db,
        };
        command.SetAction(parse => Run(context, parse.GetValue(from)!.Value, parse.GetValue(to)!.Value, parse.GetValue(mall), parse.GetValue(format)!,
            parse.GetValue(details), parse.GetValue(settings), parse.GetValue(models), parse.GetValue(db)));
        return command;
    }

    private static Task<int> Run(CliContext context, Month from, Month to, string? mall, string format, string? details, string? settingsFile, string? modelsOption, string? dbOption)
    {
        var settings = AnalysisSettings.Load(settingsFile);
        var db = Warehouse.ResolvePath(dbOption);
        var models = AnalysisRun.ModelsFolder(modelsOption, db);

        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        mall = MallOption.Resolve(connection, mall);
        BacktestResult result;
        using (var progress = context.Progress("backtest months"))
        {
            result = FlagBacktest.Run(connection, mall, from, to, settings, progress);
        }

        TrackRecordStore.Save(connection, result);
        if (details is not null)
        {
            using var writer = new StreamWriter(details, append: false, new UTF8Encoding(true));
            result.Details.Write(writer, "csv");
        }

        Directory.CreateDirectory(models);
        var card = Path.Combine(models, "track-record.md");
        File.WriteAllText(card, result.ToMarkdown(), new UTF8Encoding(false));
        context.Error.WriteLine($"Track record: {card} (also shown in the next model card and monthly brief)");
        result.Summary().Write(context.Out, format);
        return Task.FromResult(ExitCodes.Ok);
    }
}
