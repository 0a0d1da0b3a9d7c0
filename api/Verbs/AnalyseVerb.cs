using System.CommandLine;
using System.Globalization;
using Analytics.Api.Cli;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Analysis;
using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Api.Verbs;

/// <summary>
/// <c>analyse --period YYYY-MM</c>: runs the month's analysis now and stores it in the warehouse with the fingerprint
/// of its inputs, so that every later reader (exports, briefs, sheets, the server) reads it instead of computing it.
/// </summary>
internal static class AnalyseVerb
{
    public static Command Command(CliContext context)
    {
        var period = CliOptions.Month(required: true);
        var mall = CliOptions.Mall();
        var settings = CliOptions.Settings();
        var db = CliOptions.Db();
        var command = new Command("analyse",
            "Runs the month's analysis (metrics, peer benchmarks, scores, flags, model card) and stores it in the warehouse for every reader.")
        {
            period, mall, settings, db,
        };
        command.SetAction(parse => Run(context, parse.GetValue(period)!.Value, parse.GetValue(mall),
            AnalysisSettings.Load(parse.GetValue(settings)), Warehouse.ResolvePath(parse.GetValue(db))));
        return command;
    }

    private static Task<int> Run(CliContext context, Month period, string? mall, AnalysisSettings settings, string db)
    {
        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        mall = MallOption.Resolve(connection, mall);
        DataAvailability.RequireSalesBy(connection, mall, period);
        var result = AnalysisStore.Refresh(connection, mall, period, settings, context.Clock);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Stored the analysis of {period}{(mall is null ? "" : " for mall " + mall)}: {result.Scores.Count} tenants scored, {result.Flags.Count} flags."));
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>
    /// After a load: the latest month of each mall analysed and stored (the whole warehouse when it holds one mall,
    /// as the verbs and the server read it without --mall), so that the first reader finds it ready.
    /// </summary>
    public static void StoreLatest(DuckDBConnection connection, AnalysisSettings settings, TimeProvider clock)
    {
        var malls = Malls.InWarehouse(connection);
        foreach (var mall in malls.Count == 1 ? [null] : malls.Cast<string?>())
        {
            if (SalesDays.Last(connection, mall) is { } last) // no sales yet: nothing to analyse
            {
                AnalysisStore.Get(connection, mall, Month.Of(last), settings, clock);
            }
        }
    }
}
