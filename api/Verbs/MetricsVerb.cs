using Analytics.Api.Cli;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Export;
using Analytics.Model.Metrics;

namespace Analytics.Api.Verbs;

/// <summary><c>metrics --period YYYY-MM</c>: prints the metrics of metrics.md per tenant or per mall.</summary>
internal static class MetricsVerb
{
    public static Verb Definition { get; } = new(
        "metrics",
        "metrics --period YYYY-MM [--level tenant|mall] [--mall ID] [--format csv|json|table] [--db FILE]",
        "Prints the month's metrics: one row per tenant with a lease in force on the month's last day, or per mall.",
        Run);

    private static Task<int> Run(CommandArgs args, CliContext context)
    {
        var period = Month.Parse(args.Required("period"));
        var level = (args.Option("level") ?? "tenant").Trim().ToLowerInvariant();
        var mall = args.Option("mall");
        var format = ExportTable.ParseFormat(args.Option("format"));
        var db = Warehouse.ResolvePath(args.Option("db"));
        args.EnsureAllRead(0);
        if (level is not ("tenant" or "mall"))
        {
            throw new UsageError($"Option --level takes tenant or mall, not '{level}'.");
        }

        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        mall = MallOption.Resolve(connection, mall);
        ExportTable table;
        if (level == "tenant")
        {
            table = new ExportTable(TenantMetricsRow.Columns);
            foreach (var row in TenantMetrics.Query(connection, mall, period))
            {
                table.Add(row.Values());
            }
        }
        else
        {
            table = new ExportTable(MallMetricsRow.Columns);
            foreach (var row in MallMetrics.Query(connection, mall, period))
            {
                table.Add(row.Values());
            }
        }

        table.Write(context.Out, format);
        return Task.FromResult(ExitCodes.Ok);
    }
}
