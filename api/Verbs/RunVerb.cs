using System.CommandLine;
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

    public static Command Command(CliContext context)
    {
        var drop = CliOptions.Text("--drop", "DIR", $"The drop to load (default {SampleDrop}).");
        var period = CliOptions.Month(description: "The month, YYYY-MM (default: the month of the latest sales day).");
        var mall = CliOptions.Mall();
        var language = CliOptions.Typed<ReportLanguage[]?>("--lang", "zh|en|all", "Document languages (default all).",
            text => text.Trim().ToLowerInvariant() is "all" ? [ReportLanguage.Chinese, ReportLanguage.English] : [ReportLanguage.Parse(text)]);
        language.DefaultValueFactory = _ => [ReportLanguage.Chinese, ReportLanguage.English]; // unset, an array option reads as empty, not null
        var outDir = CliOptions.Text("--out", "DIR", "Where the exports and documents are written (default ./out).");
        var db = CliOptions.Db();
        var limit = CliOptions.Percent("--max-reject-pct", "Refuse the drop when a file has more rejected rows than this percentage (default 5).");
        var command = new Command("run",
            $"The whole job: ingest the drop (default {SampleDrop}), scores and flags of the latest month, then the weekly and monthly briefs and every merchant sheet, written under --out (default ./out).")
        {
            drop, period, mall, language, outDir, db, limit,
        };
        command.SetAction(parse => Run(context, parse.GetValue(drop) ?? SampleDrop, parse.GetValue(period), parse.GetValue(mall), parse.GetValue(language)!,
            parse.GetValue(outDir) ?? "out", Warehouse.ResolvePath(parse.GetValue(db)), parse.GetValue(limit) ?? 5.0));
        return command;
    }

    private static Task<int> Run(CliContext context, string drop, Month? period, string? mall, ReportLanguage[] languages, string outDir, string db, double limit)
    {
        var warehouse = new Warehouse(db, new WarehouseSettings());
        context.Out.WriteLine($"1. Ingest {drop}");
        LoadResult load;
        using (var progress = context.Progress("ingest files"))
        {
            load = new DropLoader(warehouse, context.Clock).Load(drop, new LoadOptions(limit) { Progress = progress });
        }

        context.Out.WriteLine(load.Refused
            ? $"   refused: {string.Join("; ", load.Files.Where(f => f.Refused).Select(f => $"{f.Display}: {f.RefusalReason}"))}"
            : $"   {load.RowsLoaded:N0} rows loaded, {load.RowsRejected:N0} rejected (load {load.LoadId})");
        if (load.Refused)
        {
            context.Out.WriteLine($"   rejects: {load.RejectsFile}");
            return Task.FromResult(ExitCodes.Refused);
        }

        using var connection = warehouse.Open(context.Clock);
        mall = MallOption.Resolve(connection, mall);
        var month = period ?? LatestMonth(connection);
        var label = month.ToString();
        context.Out.WriteLine($"2. Scores and flags for {label}");
        var models = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db)) ?? ".", "models");
        var settings = AnalysisSettings.Load(null);
        var result = AnalysisStore.Refresh(connection, mall, month, settings, context.Clock, models);
        // The month's credit grades join the credit file's history (credit_history), as `analytics credit` does.
        var grades = Analytics.Model.Credit.CreditFile.Grade(connection, mall, month, settings.Credit);
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
        var week = ReportService.LatestWeek(connection, mall);
        context.Out.WriteLine($"3. Documents: weekly brief {week}, monthly brief {label}, merchant sheets {label}");
        var service = new ReportService(ReportFonts.Load(FontSettings.Default), context.Clock, settings);
        var data = service.Load(connection, mall, month, result);
        var documents = new List<string>();
        foreach (var language in languages)
        {
            documents.Add(ReportVerb.Write(outDir, ReportService.WeeklyFileName(week, language), service.Weekly(connection, mall, week, language, result)));
            documents.Add(ReportVerb.Write(outDir, ReportService.MonthlyFileName(month, language), service.Monthly(data, language)));
            using var progress = context.Progress($"merchant sheets ({language.Code})");
            documents.AddRange(service.AllMerchants(data, language, progress: progress).Select(f => ReportVerb.Write(outDir, f.FileName, f.Pdf)));
        }

        foreach (var path in documents)
        {
            context.Out.WriteLine($"   {Path.GetFullPath(path)}");
        }

        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>The month of the latest sales day: the month a drop's operator wants analysed.</summary>
    private static Month LatestMonth(DuckDB.NET.Data.DuckDBConnection connection)
    {
        if (Analytics.Model.Metrics.SalesDays.Last(connection, null) is not { } last)
        {
            throw new Analytics.Ingest.UserError("The warehouse holds no sales yet: load a drop with sales, or give --period.");
        }

        return Month.Of(last);
    }

    private static string Write(string path, Action<TextWriter> write)
    {
        // The export writes its own byte-order mark for CSV (Excel needs it for Chinese); none is added here.
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        write(writer);
        return path;
    }
}
