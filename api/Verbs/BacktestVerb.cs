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
    public static Verb Definition { get; } = new(
        "backtest",
        "backtest --from YYYY-MM --to YYYY-MM [--mall ID] [--format csv|json|table] [--details FILE] [--settings FILE] [--models DIR] [--db FILE]",
        "How often each flag was right: flags as known on each month's last day against what happened 6 and 12 months later; writes the track record into the model card.",
        Run);

    private static Task<int> Run(CommandArgs args, CliContext context)
    {
        var from = Month.Parse(args.Required("from"));
        var to = Month.Parse(args.Required("to"));
        var mall = args.Option("mall");
        var format = ExportTable.ParseFormat(args.Option("format"));
        var details = args.Option("details");
        var settings = AnalysisSettings.Load(args.Option("settings"));
        var db = Warehouse.ResolvePath(args.Option("db"));
        var models = AnalysisRun.ModelsFolder(args.Option("models"), db);
        args.EnsureAllRead(0);

        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        mall = MallOption.Resolve(connection, mall);
        var result = FlagBacktest.Run(connection, mall, from, to, settings);
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
