using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Warehouse;
using Analytics.Reports.Documents;
using Analytics.Reports.Fonts;
using Analytics.Reports.Language;

namespace Analytics.Bench.Reports;

/// <summary>
/// The documents goal: every merchant sheet of the sample mall plus the monthly and weekly briefs, at 20 sheets/s or
/// more in one process, 20× faster than printing the same sheets from HTML with headless Chromium (measured in the
/// same run on a sample of sheets, one browser process per sheet as a print job would), a sheet under 300 KB and
/// the monthly brief under 2 MB. Reports wall time, CPU time and the process's peak memory.
/// </summary>
internal static class ReportsBench
{
    public static int Run(string[] args)
    {
        var drop = Option(args, "--drop") ?? "data-samples/drop";
        var work = Option(args, "--work") ?? Path.Combine(Path.GetTempPath(), "ta-bench-reports");
        var language = ReportLanguage.Parse(Option(args, "--lang") ?? "zh");
        var baselineSheets = int.Parse(Option(args, "--baseline") ?? "8", CultureInfo.InvariantCulture);
        var chromium = Option(args, "--chromium") ?? "chromium";
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        var clock = TimeProvider.System;

        var warehouse = new Warehouse(Path.Combine(work, "sample.duckdb"), new WarehouseSettings(1024, 2));
        var load = new DropLoader(warehouse, clock).Load(drop, new LoadOptions(RejectsFile: Path.Combine(work, "rejects.csv")));
        Console.WriteLine($"loaded {drop}: {load.RowsLoaded:N0} rows");
        using var connection = warehouse.Open(clock);
        var service = new ReportService(ReportFonts.Load(FontSettings.Default), clock);
        var period = ReportService.LatestMonth(connection, null);
        var week = ReportService.LatestWeek(connection, null);

        var (data, loadSeconds, loadCpu) = Measure(() => service.Load(connection, null, period));
        Console.WriteLine(F($"month {period:yyyy-MM} loaded (metrics, peers, analysis): {loadSeconds:0.00} s wall, {loadCpu:0.00} s cpu"));

        // Warm-up: fonts, ScottPlot and the JIT, so the timed batch measures rendering.
        service.Merchant(data, data.Analysis.Scores[0].Frame.Metrics.TenantId, language);

        var (sheets, sheetSeconds, sheetCpu) = Measure(() => service.AllMerchants(data, language));
        var (single, singleSeconds, singleCpu) = Measure(() => service.AllMerchants(data, language, maxThreads: 1));
        var (monthly, monthlySeconds, _) = Measure(() => service.Monthly(data, language));
        var (weekly, weeklySeconds, _) = Measure(() => service.Weekly(connection, null, week, language, data.Analysis));
        var total = sheets.Count + 2;
        var allSeconds = sheetSeconds + monthlySeconds + weeklySeconds;

        // The HTML sheets draw their trend from the metrics module too (the same 12 months the PDF sheet shows).
        var history = Analytics.Model.Metrics.TenantMetrics.Series(connection, data.MallId, period.AddMonths(-11), period)
            .GroupBy(r => r.TenantId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Period).ToList());
        var baseline = Baseline(chromium, data, history, sheets.Take(baselineSheets).ToList(), language, work);

        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        Console.WriteLine();
        Console.WriteLine(F($"merchant sheets ({language.Code}): {sheets.Count} in {sheetSeconds:0.00} s on {Environment.ProcessorCount} cores = {sheets.Count / sheetSeconds:0.0} sheets/s ({sheetCpu:0.00} s cpu)"));
        Console.WriteLine(F($"  one thread:                 {single.Count} in {singleSeconds:0.00} s = {single.Count / singleSeconds:0.0} sheets/s ({singleCpu / single.Count * 1000:0} ms cpu a sheet)"));
        Console.WriteLine(F($"  size: largest {sheets.Max(s => s.Pdf.Length) / 1024.0:0} KB, median {Median(sheets.Select(s => (double)s.Pdf.Length)) / 1024:0} KB (goal < 300 KB)"));
        Console.WriteLine(F($"monthly brief: {monthlySeconds:0.00} s, {monthly.Length / 1024.0:0} KB (goal < 2048 KB)"));
        Console.WriteLine(F($"weekly brief (incl. the previous month's analysis for new flags): {weeklySeconds:0.00} s, {weekly.Length / 1024.0:0} KB"));
        Console.WriteLine(F($"all {total} documents: {allSeconds:0.00} s = {total / allSeconds:0.0} documents/s (goal >= 20 sheets/s)"));
        Console.WriteLine(F($"peak memory (working set): {peakMb:0} MB"));
        if (baseline is { } b)
        {
            Console.WriteLine(F($"baseline, headless Chromium printing the same sheets from HTML: {b.Sheets} in {b.Seconds:0.00} s = {b.Sheets / b.Seconds:0.00} sheets/s ({b.Seconds / b.Sheets:0.00} s a sheet, {b.MedianKb:0} KB)"));
            Console.WriteLine(F($"speed-up: {(sheets.Count / sheetSeconds) / (b.Sheets / b.Seconds):0}x on all cores, {(single.Count / singleSeconds) / (b.Sheets / b.Seconds):0}x on one thread (goal >= 20x)"));
        }
        else
        {
            Console.WriteLine($"baseline skipped: '{chromium}' is not installed (apt-get install -y chromium)");
        }

        return 0;
    }

    private static (int Sheets, double Seconds, double MedianKb)? Baseline(
        string chromium, Analytics.Reports.Data.ReportData data, Dictionary<string, List<Analytics.Model.Metrics.TenantMetricsRow>> history,
        IReadOnlyList<ReportFile> sheets, ReportLanguage language, string work)
    {
        var exe = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(d => Path.Combine(d, chromium)).FirstOrDefault(File.Exists);
        if (exe is null || sheets.Count == 0)
            return null;
        var folder = Path.Combine(work, "html");
        Directory.CreateDirectory(folder);
        var sizes = new List<double>();
        var watch = Stopwatch.StartNew();
        foreach (var sheet in sheets)
        {
            var id = sheet.FileName.Split('-')[1];
            var html = Path.Combine(folder, id + ".html");
            File.WriteAllText(html, HtmlSheet(data, history.GetValueOrDefault(id) ?? [], id, language), new UTF8Encoding(false));
            var pdf = Path.Combine(folder, id + ".pdf");
            var profile = Path.Combine(folder, "profile-" + id);
            using var process = Process.Start(new ProcessStartInfo(exe,
                $"--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir={profile} --no-pdf-header-footer --print-to-pdf={pdf} file://{html}")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (!File.Exists(pdf))
                throw new InvalidOperationException($"Chromium wrote no PDF for {html} (exit {process.ExitCode}).");
            sizes.Add(new FileInfo(pdf).Length / 1024.0);
        }
        return (sheets.Count, watch.Elapsed.TotalSeconds, Median(sizes));
    }

    /// <summary>The merchant sheet's content as HTML (key figures, a 12-month SVG line chart, the tables), for the baseline.</summary>
    internal static string HtmlSheet(Analytics.Reports.Data.ReportData data, IReadOnlyList<Analytics.Model.Metrics.TenantMetricsRow> history, string tenantId, ReportLanguage language)
    {
        var score = data.Analysis.Scores.Single(s => s.Frame.Metrics.TenantId == tenantId);
        var m = score.Frame.Metrics;
        var points = history.TakeLast(12).Select((r, i) => (X: 20 + i * 40, Y: (double)r.NetSales)).ToList();
        var max = points.Count == 0 ? 1 : Math.Max(1, points.Max(p => p.Y));
        var line = string.Join(" ", points.Select(p => F($"{p.X},{180 - p.Y / max * 160:0.0}")));
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html><head><meta charset=\"utf-8\"><style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:40px;color:#1f2328}")
            .Append("h1{color:#1f4e79}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #c8cdd2;padding:3px 6px;font-size:11px;text-align:left}")
            .Append(".k{display:inline-block;width:22%;background:#f3f5f7;margin:4px;padding:8px}.v{font-size:20px;font-weight:bold}</style></head><body>");
        sb.Append("<h1>").Append(WebUtility.HtmlEncode(m.TenantName)).Append("</h1><p>").Append(WebUtility.HtmlEncode($"{m.TenantId} · {m.Category} · {m.Floor} · {m.UnitId}")).Append("</p>");
        foreach (var (label, value) in new[]
                 {
                     (language.Label("net_sales"), language.Money(m.NetSales)), (language.Label("sales_density"), m.SalesDensity is { } d ? language.Money((decimal)d) : "—"),
                     (language.Label("ocr"), m.OcrTtm is { } o ? language.Percent(o) : "—"), ("Score", score.Total?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—"),
                 })
        {
            sb.Append("<div class=\"k\"><div>").Append(WebUtility.HtmlEncode(label)).Append("</div><div class=\"v\">").Append(WebUtility.HtmlEncode(value)).Append("</div></div>");
        }
        sb.Append("<h2>").Append(WebUtility.HtmlEncode(language.Label("net_sales"))).Append("</h2><svg width=\"500\" height=\"200\"><polyline fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\" points=\"")
            .Append(line).Append("\"/></svg>");
        sb.Append("<h2>Score</h2><table><tr><th>Pillar</th><th>Score</th><th>Raw</th><th>Median</th></tr>");
        foreach (var p in score.Pillars)
        {
            sb.Append("<tr><td>").Append(p.Name).Append("</td><td>").Append(F($"{p.Score:0}")).Append("</td><td>").Append(F($"{p.Raw:0.00}"))
                .Append("</td><td>").Append(F($"{p.PeerMedian:0.00}")).Append("</td></tr>");
        }
        sb.Append("</table><h2>").Append(WebUtility.HtmlEncode(language.Label("arrears"))).Append("</h2><table>")
            .Append("<tr><td>").Append(WebUtility.HtmlEncode(language.Label("arrears"))).Append("</td><td>").Append(language.Money(m.Arrears)).Append("</td></tr>")
            .Append("<tr><td>1-30</td><td>").Append(language.Money(m.Aging1To30)).Append("</td></tr><tr><td>31-60</td><td>").Append(language.Money(m.Aging31To60))
            .Append("</td></tr><tr><td>61-90</td><td>").Append(language.Money(m.Aging61To90)).Append("</td></tr><tr><td>&gt;90</td><td>").Append(language.Money(m.AgingOver90))
            .Append("</td></tr></table></body></html>");
        return sb.ToString();
    }

    private static (T Result, double Seconds, double CpuSeconds) Measure<T>(Func<T> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = work();
        process.Refresh();
        return (result, watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
