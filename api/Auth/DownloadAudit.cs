using Analytics.Api.Server;

namespace Analytics.Api.Auth;

/// <summary>
/// Writes every request for a document to the audit log with its final status: served (200), refused before the
/// handler ran (401, 403), or not there (404). It sits before authentication and writes when the response
/// starts, when its status is final and the caller's identity (if any) is known.
/// </summary>
internal sealed class DownloadAudit(WarehouseAccess warehouse, TimeProvider clock)
{
    public const string Prefix = "/api/reports";

    public async Task Record(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        // Written as the response starts, with the status that goes out: the exception handler further out may
        // still turn a failed request into 500 after this middleware has returned, and that is the status to record.
        context.Response.OnStarting(() =>
        {
            using var connection = warehouse.Connect();
            AuditLog.Write(connection, AuditLog.ForRequest(context, "download", context.Response.StatusCode, clock.GetUtcNow().UtcDateTime));
            return Task.CompletedTask;
        });
        await next(context);
    }
}
