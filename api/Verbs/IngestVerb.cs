using System.CommandLine;
using System.Globalization;
using Analytics.Api.Cli;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Analysis;

namespace Analytics.Api.Verbs;

/// <summary><c>ingest FOLDER</c>: loads a data drop and prints what each file gave.</summary>
internal static class IngestVerb
{
    public static Command Command(CliContext context)
    {
        var folder = new Argument<string>("folder") { HelpName = "FOLDER", Description = "The drop folder to load." };
        var db = CliOptions.Db();
        var limit = CliOptions.Percent("--max-reject-pct", "Refuse the drop when a file has more rejected rows than this percentage (default 5).");
        var rejects = CliOptions.Text("--rejects", "FILE", "Where to write the rejected rows (default: beside the warehouse).");
        var command = new Command("ingest", "Loads a data drop (CSV files or xlsx sheets named after the datasets) into the warehouse, all or nothing.")
        {
            folder, db, limit, rejects,
        };
        command.SetAction(parse => Run(context, parse.GetValue(folder)!, Warehouse.ResolvePath(parse.GetValue(db)), parse.GetValue(limit) ?? 5.0, parse.GetValue(rejects)));
        return command;
    }

    private static Task<int> Run(CliContext context, string folder, string db, double limit, string? rejectsFile)
    {

        var warehouse = new Warehouse(db, new WarehouseSettings());
        var loader = new DropLoader(warehouse, context.Clock);
        LoadResult result;
        using (var progress = context.Progress("ingest files"))
        {
            result = loader.Load(folder, new LoadOptions(limit, rejectsFile) { Progress = progress });
        }

        Print(result, db, context.Out);
        if (!result.Refused && result.Files.Count > 0)
        {
            using var connection = warehouse.Open(context.Clock);
            AnalyseVerb.StoreLatest(connection, AnalysisSettings.Default, context.Clock);
        }
        return Task.FromResult(result.Refused ? ExitCodes.Refused : ExitCodes.Ok);
    }

    private static void Print(LoadResult result, string db, TextWriter output)
    {
        if (result.Files.Count == 0)
        {
            output.WriteLine("No dataset files in the drop: nothing to load.");
        }
        else
        {
            var rows = result.Files.Select(f => new[]
            {
                f.Dataset, f.Display, N(f.RowsRead), N(f.RowsLoaded), N(f.RowsRejected), N(f.RowsChanged), f.Refused ? "REFUSED" : "",
            }).ToList();
            rows.Add(["total", "", N(result.RowsRead), N(result.RowsLoaded), N(result.RowsRejected), N(result.Files.Sum(f => f.RowsChanged)), ""]);
            TextTable.Write(output, ["dataset", "file", "read", "loaded", "rejected", "new/changed", "refused"], rows, rightAligned: new HashSet<int> { 2, 3, 4, 5 });
        }

        foreach (var file in result.Files.Where(f => f.IgnoredColumns.Count > 0))
        {
            output.WriteLine($"{file.Display}: columns not in the contract, ignored: {string.Join(", ", file.IgnoredColumns)}");
        }

        foreach (var problem in result.Problems)
        {
            output.WriteLine(problem);
        }

        foreach (var file in result.Files.Where(f => f.Refused && f.RowsRead > 0))
        {
            output.WriteLine($"{file.Display}: {file.RefusalReason}.");
        }

        if (result.RejectsFile is not null)
        {
            output.WriteLine($"Rejected rows ({N(result.RowsRejected)}) with file, line, column, value and reason: {result.RejectsFile}");
        }

        output.WriteLine(result.Refused
            ? $"Refused: nothing was loaded; the warehouse {Path.GetFullPath(db)} is as it was."
            : $"Loaded as load {result.LoadId} into {Path.GetFullPath(db)}.");
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
