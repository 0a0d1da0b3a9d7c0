using Analytics.Api.Endpoints;
using Analytics.Api.Server;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Documents;

/// <summary>Finds (or renders and stores) a document for a request; <see cref="Auth.DownloadAudit"/> logs the download.</summary>
internal sealed class DocumentService(DocumentStore store, DocumentRenderer renderer, WarehouseAccess warehouse)
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
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(ex.Message.Split(" (Parameter")[0], statusCode: StatusCodes.Status400BadRequest);
        }

        if (!File.Exists(path) && renderer.IsAvailable)
        {
            using var connection = warehouse.Connect();
            DocumentStore.WriteAtomically(path, renderer.Render(connection, kind, when, language, tenantId));
        }

        if (!File.Exists(path))
        {
            return TypedResults.Problem($"The {kind.ToString().ToLowerInvariant()} document for {when} ({language}) has not been generated.",
                statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.PhysicalFile(path, "application/pdf", Path.GetFileName(path));
    }
}
