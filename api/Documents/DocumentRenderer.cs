using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Analytics.Api.Server;
using Analytics.Model.Analysis;
using Analytics.Reports.Data;
using Analytics.Reports.Documents;
using Analytics.Reports.Fonts;
using Analytics.Reports.Language;
using DuckDB.NET.Data;

namespace Analytics.Api.Documents;

/// <summary>
/// The bridge to the report service (reports/): renders the documents to PDF bytes for the scheduled jobs and for a
/// request whose document was not written yet. The month's analysis comes from the API's cache (the one the score
/// endpoints use), so a document never re-trains what the server already computed. Fonts are loaded on first use:
/// a server without the report fonts still serves everything else, and says what to install when asked for a PDF.
/// </summary>
internal sealed class DocumentRenderer(
    TimeProvider clock, ServerOptions options, WarehouseAccess warehouse, TenantFigures figures, WarehouseFacts facts, FiguresCache cache)
{
    // PublicationOnly: a failure (fonts not installed yet) is not remembered, the next request tries again.
    private readonly Lazy<ReportService> _service = new(
        () => new ReportService(ReportFonts.Load(FontSettings.Default), clock, AnalysisSettings.Load(options.AnalysisSettingsFile)),
        LazyThreadSafetyMode.PublicationOnly);

    /// <summary>The monthly brief (<see cref="DocumentKind.Monthly"/>) or a merchant's sheet (<see cref="DocumentKind.Merchant"/>) of a month.</summary>
    /// <param name="mall">The mall of a portfolio (?mall=); null: the warehouse's one mall.</param>
    public byte[] Render(DocumentKind kind, Month month, string language, string? tenantId = null, string? mall = null)
    {
        var lang = ReportLanguage.Parse(language);
        return kind switch
        {
            DocumentKind.Monthly => _service.Value.Monthly(Data(month, mall), lang),
            DocumentKind.Merchant => _service.Value.Merchant(Data(month, mall), tenantId!, lang),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The weekly brief of a week.</summary>
    /// <param name="mall">The mall of a portfolio (?mall=); null: the warehouse's one mall.</param>
    public byte[] Render(DuckDBConnection connection, IsoWeek week, string language, string? mall = null) =>
        Weekly(connection, week, ReportLanguage.Parse(language), mall);

    /// <summary>Every merchant sheet of a month in one language, rendered on all cores.</summary>
    public IReadOnlyList<(string TenantId, byte[] Pdf)> AllMerchants(Month month, string language)
    {
        var files = _service.Value.AllMerchants(Data(month), ReportLanguage.Parse(language));
        return files.Select(f => (f.TenantId!, f.Pdf)).ToList();
    }

    /// <summary>The merchants with a sheet in a month (a lease in force on its last day), by id, with their names.</summary>
    public IReadOnlyDictionary<string, string> Merchants(Month month) => MerchantNames(Data(month));

    /// <summary>Tenant id to name of the merchants a month's sheets are written for.</summary>
    public static IReadOnlyDictionary<string, string> MerchantNames(ReportData data) =>
        data.Analysis.Scores.Select(s => s.Frame.Metrics).GroupBy(m => m.TenantId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().TenantName, StringComparer.Ordinal);

    private byte[] Weekly(DuckDBConnection connection, IsoWeek week, ReportLanguage language, string? mall)
    {
        // Passing the flag month's cached analysis saves a training run (the rule is IsoWeek.FlagMonth, the brief's own).
        return _service.Value.Weekly(connection, mall, week, language, figures.Analysis(week.FlagMonth(facts.LastSalesDay), mall));
    }

    /// <summary>The cache kind of <see cref="Data"/> (a mall's: this, ':' and the mall): forgotten when a decision changes what a brief shows.</summary>
    public const string ReportDataKind = "report-data";

    /// <summary>A month's report data, loaded once and kept with the month's other figures until the next load.</summary>
    private ReportData Data(Month month, string? mall = null) =>
        cache.GetOrAdd(ReportDataKind + (mall is null ? "" : ":" + mall), month, () =>
        {
            using var connection = warehouse.Connect();
            return _service.Value.Load(connection, mall, month, figures.Analysis(month, mall));
        });
}
