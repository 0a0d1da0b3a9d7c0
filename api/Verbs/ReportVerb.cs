using Analytics.Api.Cli;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Analysis;
using Analytics.Model.Metrics;
using Analytics.Reports.Data;
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
    public static Verb Definition { get; } = new(
        "report",
        "report weekly|monthly|merchant [--week YYYY-Www] [--period YYYY-MM] [--tenant ID] [--mall ID] [--lang zh|en] [--out DIR] [--settings FILE] [--db FILE]",
        "Writes the weekly brief, the GM's monthly brief, or the merchant sheets (one tenant, or all tenants in force) as PDF under --out (default ./out).",
        Run);

    private static Task<int> Run(CommandArgs args, CliContext context)
    {
        var kind = args.Positional(0, "the document: weekly, monthly or merchant").Trim().ToLowerInvariant();
        var week = args.Option("week");
        var period = args.Option("period");
        var tenant = args.Option("tenant");
        var mall = args.Option("mall");
        var language = ReportLanguage.Parse(args.Option("lang") ?? "zh");
        var outDir = args.Option("out") ?? "out";
        var settings = AnalysisSettings.Load(args.Option("settings"));
        var db = Warehouse.ResolvePath(args.Option("db"));
        args.EnsureAllRead(1);
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
            var w = week is null ? ReportService.LatestWeek(connection, mall) : IsoWeek.Parse(week);
            written.Add(Write(outDir, ReportService.WeeklyFileName(w, language), service.Weekly(connection, mall, w, language)));
        }
        else
        {
            var month = period is null ? ReportService.LatestMonth(connection, mall) : Month.Parse(period);
            var data = service.Load(connection, mall, month);
            if (kind == "monthly")
                written.Add(Write(outDir, ReportService.MonthlyFileName(month, language), service.Monthly(data, language)));
            else if (tenant is not null)
                written.Add(Write(outDir, ReportService.MerchantFileName(tenant, month, language), service.Merchant(data, tenant, language)));
            else
                written.AddRange(service.AllMerchants(data, language).Select(f => Write(outDir, f.FileName, f.Pdf)));
        }

        foreach (var path in written)
            context.Out.WriteLine(Path.GetFullPath(path));
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>The document named (weekly, monthly, merchant) and whether it is given a week or a month: shared with 'deliver'.</summary>
    internal static void CheckDocument(string kind, string? week, string? period)
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
