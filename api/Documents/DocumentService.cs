using Analytics.Api.Auth;
using Analytics.Api.Endpoints;
using Analytics.Api.Server;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Documents;

/// <summary>Finds (or renders and stores) a document for a request, and writes the download to the audit log.</summary>
internal sealed class DocumentService(DocumentStore store, DocumentRenderer renderer, WarehouseAccess warehouse, TimeProvider clock)
{
    public const string DefaultLanguage = "zh";

    public Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult> Serve(
        HttpContext http, DocumentKind kind, string when, string? lang, string? tenantId)
    {
        var language = string.IsNullOrEmpty(lang) ? DefaultLanguage : lang;
        string path;
        try
        {
            path = store.PathFor(kind, when, language, tenantId);
        }
        catch (ArgumentException ex)
        {
            Audit(http, StatusCodes.Status400BadRequest);
            return TypedResults.Problem(ex.Message.Split(" (Parameter")[0], statusCode: StatusCodes.Status400BadRequest);
        }

        if (!File.Exists(path) && renderer.IsAvailable)
        {
            using var connection = warehouse.Connect();
            DocumentStore.WriteAtomically(path, renderer.Render(connection, kind, when, language, tenantId));
        }

        if (!File.Exists(path))
        {
            Audit(http, StatusCodes.Status404NotFound);
            return TypedResults.Problem($"The {kind.ToString().ToLowerInvariant()} document for {when} ({language}) has not been generated.",
                statusCode: StatusCodes.Status404NotFound);
        }

        Audit(http, StatusCodes.Status200OK);
        return TypedResults.PhysicalFile(path, "application/pdf", Path.GetFileName(path));
    }

    public void Audit(HttpContext http, int status)
    {
        using var connection = warehouse.Connect();
        AuditLog.Write(connection, AuditLog.ForRequest(http, "download", status, clock.GetUtcNow().UtcDateTime));
    }
}
