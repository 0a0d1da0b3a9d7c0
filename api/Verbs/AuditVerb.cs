using Analytics.Api.Cli;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Audit;
using Analytics.Model.Export;
using Analytics.Model.Metrics;

namespace Analytics.Api.Verbs;

/// <summary><c>audit --period YYYY-MM</c>: lease-months of the year ending with the period whose turnover rent was billed wrong.</summary>
internal static class AuditVerb
{
    public static Verb Definition { get; } = new(
        "audit",
        "audit --period YYYY-MM [--mall ID] [--format csv|json|table] [--db FILE]",
        "Turnover-rent audit: every lease-month of the 12 months ending with the period whose billed turnover rent differs from what the lease makes due by more than 1.00.",
        Run);

    private static Task<int> Run(CommandArgs args, CliContext context)
    {
        var period = Month.Parse(args.Required("period"));
        var mall = args.Option("mall");
        var format = ExportTable.ParseFormat(args.Option("format"));
        var db = Warehouse.ResolvePath(args.Option("db"));
        args.EnsureAllRead(0);

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
