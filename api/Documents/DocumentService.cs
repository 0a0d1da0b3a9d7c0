using Analytics.Api.Endpoints;
using Analytics.Api.Server;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Documents;

/// <summary>Finds (or renders and stores) a document for a request; <see cref="Auth.DownloadAudit"/> logs the download.</summary>
internal sealed class DocumentService(DocumentStore store, DocumentRenderer renderer, WarehouseAccess warehouse, WarehouseFacts facts)
{
    public const string DefaultLanguage = "zh";

    public Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult> Serve(
        DocumentKind kind, string when, string? lang, string? tenantId)
    {
        var language = string.IsNullOrEmpty(lang) ? DefaultLanguage : lang;
        string path;
        try
        {
            path = store.PathFor(kind, when, language, tenantId);
        }
        catch (Exception ex) when (ex is ArgumentException or Analytics.Ingest.UserError)
        {
            return TypedResults.Problem(ex.Message.Split(" (Parameter")[0], statusCode: StatusCodes.Status400BadRequest);
        }

        if (!File.Exists(path))
        {
            if (!Covered(kind, when))
            {
                return TypedResults.Problem($"The warehouse holds no sales for {when}: there is no document for it.", statusCode: StatusCodes.Status404NotFound);
            }

            try
            {
                using var connection = warehouse.Connect();
                DocumentStore.WriteAtomically(path, renderer.Render(connection, kind, when, language, tenantId));
            }
            catch (Analytics.Ingest.UserError ex)
            {
                // No data for that month or week, a tenant without a lease then, or the report fonts not installed.
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
            }
        }

        return TypedResults.PhysicalFile(path, "application/pdf", Path.GetFileName(path));
    }

    /// <summary>A document is rendered on request only for a month (or a complete week) the warehouse has sales for.</summary>
    private bool Covered(DocumentKind kind, string when)
    {
        if (kind != DocumentKind.Weekly)
        {
            return Analytics.Model.Metrics.Month.TryParse(when, out var first) && facts.HasSales(first);
        }

        var sunday = Analytics.Reports.Data.IsoWeek.Parse(when).Sunday;
        return facts.LastSalesDay is { } last && sunday <= last && facts.HasSales(new DateOnly(sunday.Year, sunday.Month, 1));
    }
}
