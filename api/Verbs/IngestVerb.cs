using System.Globalization;
using Analytics.Api.Cli;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Analysis;

namespace Analytics.Api.Verbs;

/// <summary><c>ingest FOLDER</c>: loads a data drop and prints what each file gave.</summary>
internal static class IngestVerb
{
    public static Verb Definition { get; } = new(
        "ingest",
        "ingest FOLDER [--db FILE] [--max-reject-pct N] [--rejects FILE]",
        "Loads a data drop (CSV files or xlsx sheets named after the datasets) into the warehouse, all or nothing.",
        Run);

    private static Task<int> Run(CommandArgs args, CliContext context)
    {
        var folder = args.Positional(0, "the drop FOLDER to load");
        var db = Warehouse.ResolvePath(args.Option("db"));
        var limit = args.Number("max-reject-pct") ?? 5.0;
        if (limit is < 0 or > 100)
        {
            throw new UsageError("Option --max-reject-pct takes a percentage from 0 to 100.");
        }

        var rejectsFile = args.Option("rejects");
        args.EnsureAllRead(1);

        var warehouse = new Warehouse(db, new WarehouseSettings());
        var loader = new DropLoader(warehouse, context.Clock);
        var result = loader.Load(folder, new LoadOptions(limit, rejectsFile));
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
