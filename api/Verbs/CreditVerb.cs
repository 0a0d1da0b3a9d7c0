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
    public static Verb Definition { get; } = new(
        "credit",
        "credit --period YYYY-MM [--mall ID] [--settings FILE] [--format csv|json|table] [--db FILE]",
        "Credit file: each tenant's grade A-D for the month with its points and every deduction (date and source row); stored as the month's history.",
        Run);

    private static Task<int> Run(CommandArgs args, CliContext context)
    {
        var period = Month.Parse(args.Required("period"));
        var mall = args.Option("mall");
        var settings = AnalysisSettings.Load(args.Option("settings"));
        var format = ExportTable.ParseFormat(args.Option("format"));
        var db = Warehouse.ResolvePath(args.Option("db"));
        args.EnsureAllRead(0);

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
