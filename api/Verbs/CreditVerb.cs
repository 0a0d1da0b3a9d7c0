using System.CommandLine;
using Analytics.Api.Cli;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Analysis;
using Analytics.Model.Credit;
using Analytics.Model.Export;
using Analytics.Model.Metrics;

namespace Analytics.Api.Verbs;

/// <summary><c>credit --period YYYY-MM</c>: grades the month's tenants A–D, keeps the month in credit_history and prints it.</summary>
internal static class CreditVerb
{
    public static Command Command(CliContext context)
    {
        var period = CliOptions.Month(required: true);
        var mall = CliOptions.Mall();
        var settings = CliOptions.Settings();
        var format = CliOptions.Format();
        var db = CliOptions.Db();
        var command = new Command("credit",
            "Credit file: each tenant's grade A-D for the month with its points and every deduction (date and source row); stored as the month's history.")
        {
            period, mall, settings, format, db,
        };
        command.SetAction(parse => Run(context, parse.GetValue(period)!.Value, parse.GetValue(mall), parse.GetValue(settings), parse.GetValue(format)!, parse.GetValue(db)));
        return command;
    }

    private static Task<int> Run(CliContext context, Month period, string? mall, string? settingsFile, string format, string? dbOption)
    {
        var settings = AnalysisSettings.Load(settingsFile);
        var db = Warehouse.ResolvePath(dbOption);

        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        mall = MallOption.Resolve(connection, mall);
        var grades = CreditFile.Grade(connection, mall, period, settings.Credit);
        CreditFile.Record(connection, grades, context.Clock.GetUtcNow().UtcDateTime);
        var table = new ExportTable(CreditGrade.Columns);
        foreach (var g in grades)
        {
            table.Add(g.Values());
        }

        table.Write(context.Out, format);
        return Task.FromResult(ExitCodes.Ok);
    }
}
