using Analytics.Model.Analysis;
using Analytics.Model.Malls;
using Analytics.Model.Metrics;
using Analytics.Reports.Briefs;
using Analytics.Reports.Data;
using Analytics.Reports.Fonts;
using Analytics.Reports.Language;
using Analytics.Reports.Layout;
using DuckDB.NET.Data;

namespace Analytics.Reports.Documents;

/// <summary>A rendered document and the file name it is stored under; a merchant sheet names its tenant.</summary>
public sealed record ReportFile(string FileName, byte[] Pdf, string? TenantId = null);

/// <summary>
/// The documents as PDF bytes: the weekly brief, the GM's monthly brief and the merchant sheets. The CLI, the run job
/// and the API server call this. Same warehouse content, options and clock give the same bytes. A connection is used
/// by one call at a time; rendering the sheets of a batch runs on several threads (identical bytes either way).
/// </summary>
public sealed class ReportService(ReportFonts fonts, TimeProvider clock, AnalysisSettings? analysisSettings = null, ReportSettings? settings = null)
{
    /// <summary>With the fonts of scripts/install-fonts.sh and default settings.</summary>
    public ReportService(TimeProvider clock) : this(ReportFonts.Load(FontSettings.Default), clock)
    {
    }

    public AnalysisSettings AnalysisSettings { get; } = analysisSettings ?? AnalysisSettings.Default;
    public ReportSettings Settings { get; } = settings ?? ReportSettings.Default;

    private PdfRenderer Renderer => new(fonts, clock);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    // ---- file names -------------------------------------------------------------------------------------------

    public static string WeeklyFileName(IsoWeek week, ReportLanguage language) => $"weekly-{week}-{language.Code}.pdf";

    public static string MonthlyFileName(Month period, ReportLanguage language) => $"monthly-{period}-{language.Code}.pdf";

    public static string MerchantFileName(string tenantId, Month period, ReportLanguage language) =>
        $"merchant-{SafeName(tenantId)}-{period}-{language.Code}.pdf";

    /// <summary>A tenant id as a file-name part: letters, digits and '-' stay, anything else becomes _XXXX (one-to-one, no path).</summary>
    public static string SafeName(string id) => string.Concat(id.Select(c =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'
            ? c.ToString()
            : "_" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // ---- loading ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Loads a month once for several documents. <paramref name="analysis"/>: the month's analysis when already run.
    /// </summary>
    public ReportData Load(DuckDBConnection connection, string? mallId, Month period, AnalysisResult? analysis = null)
    {
        var mall = Malls.Resolve(connection, mallId);
        var last = SalesDays.Last(connection, mall);
        if (last is null || period > Month.Of(last.Value))
            throw new Analytics.Ingest.UserError($"The warehouse has no sales for {period} yet{(last is { } l ? $" (the last sales day is {Day(l)})" : "")}: choose an earlier month.");
        if (MonthQueries.TenantsInForce(connection, mall, period.Last) == 0)
            throw new Analytics.Ingest.UserError($"No tenant has a lease in force on {Day(period.Last)}: there is nothing to report for {period}.");
        DataAvailability.RequireSalesBy(connection, mall, period);
        analysis ??= AnalysisStore.Get(connection, mall, period, AnalysisSettings, clock);
        return ReportData.Load(connection, mall, period, AnalysisSettings, analysis, Settings.TrendMonths);
    }

    /// <summary>The mall asked for, or the only mall of the warehouse (a portfolio needs the mall named).</summary>
    public static string ResolveMall(DuckDBConnection connection, string? mallId) => Malls.Resolve(connection, mallId);

    /// <summary>The latest month with sales (the month a run reports on).</summary>
    public static Month LatestMonth(DuckDBConnection connection, string? mallId) =>
        SalesDays.Last(connection, mallId) is { } d
            ? Month.Of(d)
            : throw new Analytics.Ingest.UserError("The warehouse holds no sales yet: load a drop with sales first.");

    /// <summary>The latest complete ISO week with sales (the week a run reports on).</summary>
    public static IsoWeek LatestWeek(DuckDBConnection connection, string? mallId) =>
        SalesDays.Last(connection, mallId) is { } d
            ? IsoWeek.LastCompleteOn(d)
            : throw new Analytics.Ingest.UserError("The warehouse holds no sales yet: load a drop with sales first.");

    // ---- documents --------------------------------------------------------------------------------------------

    public byte[] Monthly(DuckDBConnection connection, string? mallId, Month period, ReportLanguage language) =>
        Monthly(Load(connection, mallId, period), language);

    public byte[] Monthly(ReportData data, ReportLanguage language) =>
        Renderer.Render(new MonthlyBrief(data, data.MallInfo?.NameIn(!language.IsChinese) ?? data.MallId ?? "", language, Settings, Today));

    public byte[] Weekly(DuckDBConnection connection, string? mallId, IsoWeek week, ReportLanguage language, AnalysisResult? latestAnalysis = null)
    {
        var mall = Malls.Resolve(connection, mallId);
        var last = SalesDays.Last(connection, mall);
        if (last is null || week.Monday > last.Value)
            throw new Analytics.Ingest.UserError($"The warehouse has no sales in {week} yet{(last is { } l ? $" (the last sales day is {Day(l)})" : "")}: choose an earlier week.");
        if (MonthQueries.TenantsInForce(connection, mall, week.Sunday) == 0)
            throw new Analytics.Ingest.UserError($"No tenant has a lease in force on {Day(week.Sunday)}: there is nothing to report for {week}.");
        var data = WeekData.Load(connection, mall, week, AnalysisSettings, latestAnalysis,
            month => AnalysisStore.Get(connection, mall, month, AnalysisSettings, clock));
        return Renderer.Render(new WeeklyBrief(data, MallDirectory.Of(connection, mall).NameIn(!language.IsChinese), language, Settings, Today));
    }

    public byte[] Merchant(DuckDBConnection connection, string? mallId, string tenantId, Month period, ReportLanguage language) =>
        Merchant(Load(connection, mallId, period), tenantId, language);

    /// <summary>One tenant's sheet; the tenant must have a lease in force on the month's last day.</summary>
    public byte[] Merchant(ReportData data, string tenantId, ReportLanguage language)
    {
        var score = data.Analysis.Scores.FirstOrDefault(s => s.Frame.Metrics.TenantId == tenantId)
            ?? throw new Analytics.Ingest.UserError($"Tenant '{tenantId}' has no lease in force on {Day(data.AsOf)}: there is no sheet for it in {data.Period}.");
        return Renderer.Render(new MerchantSheet(data, score, language, Settings, Today));
    }

    /// <summary>The sheets of every tenant with a lease in force on the month's last day, by tenant id.</summary>
    public IReadOnlyList<ReportFile> AllMerchants(DuckDBConnection connection, string? mallId, Month period, ReportLanguage language) =>
        AllMerchants(Load(connection, mallId, period), language);

    /// <summary>
    /// Every sheet of a loaded month. Sheets are independent documents, rendered on all cores (the output does not
    /// depend on the order or the thread: each sheet is the same bytes alone or in a batch).
    /// </summary>
    public IReadOnlyList<ReportFile> AllMerchants(ReportData data, ReportLanguage language, int? maxThreads = null, IProgress<(int Done, int Total)>? progress = null)
    {
        var ids = data.Analysis.Scores.Select(s => s.Frame.Metrics.TenantId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var files = new ReportFile[ids.Count];
        var done = 0;
        Parallel.For(0, ids.Count, new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount },
            i =>
            {
                files[i] = new ReportFile(MerchantFileName(ids[i], data.Period, language), Merchant(data, ids[i], language), ids[i]);
                progress?.Report((Interlocked.Increment(ref done), ids.Count));
            });
        return files;
    }
}
