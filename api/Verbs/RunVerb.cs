using System.Globalization;
using System.Text;
using Analytics.Api.Cli;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Analysis;
using Analytics.Reports.Documents;
using Analytics.Reports.Fonts;
using Analytics.Reports.Language;

namespace Analytics.Api.Verbs;

/// <summary>
/// <c>run</c>: the whole job in one command, by default on the committed sample drop: load the drop, score
/// and flag every tenant for the latest month with data, and write the exports under <c>--out</c>.
/// </summary>
internal static class RunVerb
{
    public const string SampleDrop = "data-samples/drop";

    public static Verb Definition { get; } = new(
        "run",
        "run [--drop DIR] [--period YYYY-MM] [--lang zh|en|all] [--out DIR] [--db FILE] [--max-reject-pct N]",
        $"The whole job: ingest the drop (default {SampleDrop}), scores and flags of the latest month, then the weekly and monthly briefs and every merchant sheet, written under --out (default ./out).",
        Run);

    private static Task<int> Run(CommandArgs args, CliContext context)
    {
        var drop = args.Option("drop") ?? SampleDrop;
        var db = Warehouse.ResolvePath(args.Option("db"));
        var outDir = args.Option("out") ?? "out";
        var period = args.Option("period");
        var limit = args.Number("max-reject-pct") ?? 5.0;
        var languages = (args.Option("lang") ?? "all").Trim().ToLowerInvariant() is "all"
            ? new[] { ReportLanguage.Chinese, ReportLanguage.English }
            : new[] { ReportLanguage.Parse(args.Option("lang")!) };
        args.EnsureAllRead(0);

        var warehouse = new Warehouse(db, new WarehouseSettings());
        context.Out.WriteLine($"1. Ingest {drop}");
        var load = new DropLoader(warehouse, context.Clock).Load(drop, new LoadOptions(limit));
        context.Out.WriteLine(load.Refused
            ? $"   refused: {string.Join("; ", load.Files.Where(f => f.Refused).Select(f => $"{f.Display}: {f.RefusalReason}"))}"
            : $"   {load.RowsLoaded:N0} rows loaded, {load.RowsRejected:N0} rejected (load {load.LoadId})");
        if (load.Refused)
        {
            context.Out.WriteLine($"   rejects: {load.RejectsFile}");
            return Task.FromResult(ExitCodes.Refused);
        }

        using var connection = warehouse.Open(context.Clock);
        var month = period is not null ? Analytics.Model.Metrics.Month.Parse(period) : LatestMonth(connection);
        var label = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        context.Out.WriteLine($"2. Scores and flags for {label}");
        var models = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db)) ?? ".", "models");
        var settings = AnalysisSettings.Load(null);
        var result = TenantAnalysis.Run(connection, null, month, settings, models);
        // The month's credit grades join the credit file's history (credit_history), as `analytics credit` does.
        var grades = Analytics.Model.Credit.CreditFile.Grade(connection, null, month, settings.Credit);
        Analytics.Model.Credit.CreditFile.Record(connection, grades, context.Clock.GetUtcNow().UtcDateTime);
        context.Out.WriteLine($"   credit file: {grades.Count} tenants graded, kept in credit_history");

        Directory.CreateDirectory(outDir);
        var written = new List<string>
        {
            Write(Path.Combine(outDir, $"scores-{label}.csv"), w => result.ScoreTable().Write(w, "csv")),
            Write(Path.Combine(outDir, $"flags-{label}.csv"), w => result.FlagTable().Write(w, "csv")),
            Write(Path.Combine(outDir, "model-card.md"), w => w.Write(result.ModelCard())),
        };
        foreach (var path in written)
        {
            context.Out.WriteLine($"   {Path.GetFullPath(path)}");
        }

        // The documents reuse the month's analysis: it runs once for the exports, the briefs and the sheets.
        var week = ReportService.LatestWeek(connection, null);
        context.Out.WriteLine($"3. Documents: weekly brief {week}, monthly brief {label}, merchant sheets {label}");
        var service = new ReportService(ReportFonts.Load(FontSettings.Default), context.Clock, settings);
        var data = service.Load(connection, null, month, result);
        var documents = new List<string>();
        foreach (var language in languages)
        {
            documents.Add(ReportVerb.Write(outDir, ReportService.WeeklyFileName(week, language), service.Weekly(connection, null, week, language, result)));
            documents.Add(ReportVerb.Write(outDir, ReportService.MonthlyFileName(month, language), service.Monthly(data, language)));
            documents.AddRange(service.AllMerchants(data, language).Select(f => ReportVerb.Write(outDir, f.FileName, f.Pdf)));
        }

        foreach (var path in documents)
        {
            context.Out.WriteLine($"   {Path.GetFullPath(path)}");
        }

        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>The month of the latest sales day: the month a drop's operator wants analysed.</summary>
    private static DateOnly LatestMonth(DuckDB.NET.Data.DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT max(date) FROM sales";
        var value = cmd.ExecuteScalar();
        if (value is not DateOnly last)
        {
            throw new Analytics.Ingest.UserError("The warehouse holds no sales yet: load a drop with sales, or give --period.");
        }

        return new DateOnly(last.Year, last.Month, 1);
    }

    private static string Write(string path, Action<TextWriter> write)
    {
        // The export writes its own byte-order mark for CSV (Excel needs it for Chinese); none is added here.
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        write(writer);
        return path;
    }
}
