using Analytics.Ingest;
using System.CommandLine;
using Analytics.Api.Cli;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Analysis;
using Analytics.Model.Export;
using Analytics.Model.Metrics;

namespace Analytics.Api.Verbs;

/// <summary><c>metrics --period YYYY-MM</c>: prints the metrics of metrics.md per tenant or per mall.</summary>
internal static class MetricsVerb
{
    public static Command Command(CliContext context)
    {
        var period = CliOptions.Month(required: true);
        var level = CliOptions.Typed("--level", "tenant|mall", "One row per tenant (default) or per mall.", text => text.Trim().ToLowerInvariant() is "tenant" or "mall"
            ? text.Trim().ToLowerInvariant()
            : throw new UsageError($"Option --level takes tenant or mall, not '{Printable.Of(text)}'."));
        level.DefaultValueFactory = _ => "tenant";
        var mall = CliOptions.Mall();
        var format = CliOptions.Format();
        var db = CliOptions.Db();
        var command = new Command("metrics", "Prints the month's metrics: one row per tenant with a lease in force on the month's last day, or per mall.")
        {
            period, level, mall, format, db,
        };
        command.SetAction(parse => Run(context, parse.GetValue(period)!.Value, parse.GetValue(level)!, parse.GetValue(mall), parse.GetValue(format)!, Warehouse.ResolvePath(parse.GetValue(db))));
        return command;
    }

    private static Task<int> Run(CliContext context, Month period, string level, string? mall, string format, string db)
    {
        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        mall = MallOption.Resolve(connection, mall);
        // The month's metrics are those of its stored analysis (run and stored now when its inputs changed), with the
        // settings `run` and the server use by default.
        var settings = AnalysisSettings.Load(null);
        ExportTable table;
        if (level == "tenant")
        {
            table = new ExportTable(TenantMetricsRow.Columns);
            foreach (var row in AnalysisStore.TenantMetrics(connection, mall, period, settings, context.Clock))
            {
                table.Add(row.Values());
            }
        }
        else
        {
            table = new ExportTable(MallMetricsRow.Columns);
            foreach (var row in AnalysisStore.MallMetrics(connection, mall, period, settings, context.Clock))
            {
                table.Add(row.Values());
            }
        }

        table.Write(context.Out, format);
        return Task.FromResult(ExitCodes.Ok);
    }
}
