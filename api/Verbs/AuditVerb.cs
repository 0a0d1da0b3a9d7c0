using System.CommandLine;
using Analytics.Api.Cli;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Audit;
using Analytics.Model.Export;
using Analytics.Model.Metrics;

namespace Analytics.Api.Verbs;

/// <summary><c>audit --period YYYY-MM</c>: lease-months of the year ending with the period whose turnover rent was billed wrong.</summary>
internal static class AuditVerb
{
    public static Command Command(CliContext context)
    {
        var period = CliOptions.Month(required: true);
        var mall = CliOptions.Mall();
        var format = CliOptions.Format();
        var db = CliOptions.Db();
        var command = new Command("audit",
            "Turnover-rent audit: every lease-month of the 12 months ending with the period whose billed turnover rent differs from what the lease makes due by more than 1.00.")
        {
            period, mall, format, db,
        };
        command.SetAction(parse => Run(context, parse.GetValue(period)!.Value, parse.GetValue(mall), parse.GetValue(format)!, Warehouse.ResolvePath(parse.GetValue(db))));
        return command;
    }

    private static Task<int> Run(CliContext context, Month period, string? mall, string format, string db)
    {

        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        mall = MallOption.Resolve(connection, mall);
        var table = new ExportTable(TurnoverFinding.Columns);
        foreach (var finding in TurnoverAudit.Run(connection, mall, period))
        {
            table.Add(finding.Values());
        }

        table.Write(context.Out, format);
        return Task.FromResult(ExitCodes.Ok);
    }
}
