using System.CommandLine;
using Analytics.Api.Cli;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Analysis;
using Analytics.Model.Metrics;
using Analytics.Reports.Documents;
using Analytics.Reports.Fonts;
using Analytics.Reports.Language;

namespace Analytics.Api.Verbs;

/// <summary>
/// <c>report weekly|monthly|merchant</c>: writes the PDF documents under <c>--out</c> and prints their paths. Without
/// <c>--week</c> or <c>--period</c>, the latest complete week or the latest month with sales. Same data and options
/// give the same bytes (dates come from the injected clock).
/// </summary>
internal static class ReportVerb
{
    public static Command Command(CliContext context)
    {
        var kind = Document();
        var week = CliOptions.Week();
        var period = CliOptions.Month(description: "The month, YYYY-MM (default: the latest month with sales).");
        var tenant = CliOptions.Text("--tenant", "ID", "Only this tenant's merchant sheet (default: every tenant in force).");
        var mall = CliOptions.Mall();
        var language = CliOptions.Language();
        var outDir = CliOptions.Text("--out", "DIR", "Where the PDFs are written (default ./out).");
        var settings = CliOptions.Settings();
        var db = CliOptions.Db();
        var command = new Command("report",
            "Writes the weekly brief, the GM's monthly brief, or the merchant sheets (one tenant, or all tenants in force) as PDF under --out (default ./out).")
        {
            kind, week, period, tenant, mall, language, outDir, settings, db,
        };
        command.SetAction(parse => Run(context, parse.GetValue(kind)!.Trim().ToLowerInvariant(), parse.GetValue(week), parse.GetValue(period), parse.GetValue(tenant),
            parse.GetValue(mall), parse.GetValue(language) ?? ReportLanguage.Chinese, parse.GetValue(outDir) ?? "out", parse.GetValue(settings), parse.GetValue(db)));
        return command;
    }

    /// <summary>The document argument of report and deliver.</summary>
    internal static Argument<string> Document() =>
        new("document") { HelpName = "weekly|monthly|merchant", Description = "The document: weekly, monthly or merchant." };

    private static Task<int> Run(CliContext context, string kind, IsoWeek? week, Month? period, string? tenant, string? mall, ReportLanguage language, string outDir,
        string? settingsFile, string? dbOption)
    {
        var settings = AnalysisSettings.Load(settingsFile);
        var db = Warehouse.ResolvePath(dbOption);
        CheckDocument(kind, week, period);
        if (kind == "weekly" && tenant is not null)
            throw new UsageError("The weekly brief takes --week, not --period or --tenant.");
        if (kind == "monthly" && tenant is not null)
            throw new UsageError("The monthly brief is for the whole mall: --tenant belongs to 'report merchant'.");

        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        mall = MallOption.Resolve(connection, mall);
        var service = new ReportService(ReportFonts.Load(FontSettings.Default), context.Clock, settings);
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        if (kind == "weekly")
        {
            var w = week ?? ReportService.LatestWeek(connection, mall);
            written.Add(Write(outDir, ReportService.WeeklyFileName(w, language), service.Weekly(connection, mall, w, language)));
        }
        else
        {
            var month = period ?? ReportService.LatestMonth(connection, mall);
            var data = service.Load(connection, mall, month);
            if (kind == "monthly")
                written.Add(Write(outDir, ReportService.MonthlyFileName(month, language), service.Monthly(data, language)));
            else if (tenant is not null)
                written.Add(Write(outDir, ReportService.MerchantFileName(tenant, month, language), service.Merchant(data, tenant, language)));
            else
            {
                using var progress = context.Progress("merchant sheets");
                written.AddRange(service.AllMerchants(data, language, progress: progress).Select(f => Write(outDir, f.FileName, f.Pdf)));
            }
        }

        foreach (var path in written)
            context.Out.WriteLine(Path.GetFullPath(path));
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>The document named (weekly, monthly, merchant) and whether it is given a week or a month: shared with 'deliver'.</summary>
    internal static void CheckDocument(string kind, IsoWeek? week, Month? period)
    {
        if (kind is not ("weekly" or "monthly" or "merchant"))
            throw new UsageError($"Unknown document '{kind}': use weekly, monthly or merchant.");
        if (kind == "weekly" && period is not null)
            throw new UsageError("The weekly brief takes --week, not --period.");
        if (kind != "weekly" && week is not null)
            throw new UsageError($"The {kind} document takes --period, not --week.");
    }

    internal static string Write(string folder, string fileName, byte[] pdf)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, pdf);
        return path;
    }
}
