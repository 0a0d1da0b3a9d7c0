using System.Globalization;
using System.Security.Claims;
using Analytics.Api.Auth;
using Analytics.Api.Drops;
using Analytics.Api.Server;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>
/// /api/drops (admin): upload a drop (several dataset files, or one zip) which a background job loads, and read its
/// status with the rejected rows. A drop whose names or sizes break the rules is answered 400/413 at once and never
/// stored; one whose content breaks the contract ends "refused" with the reasons, the warehouse unchanged.
/// </summary>
internal static class DropsApi
{
    public static IEndpointRouteBuilder MapDropsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/drops").WithTags("Drops").RequireAuthorization(Role.AdminOnly);
        group.MapPost("/", Upload).DisableAntiforgery();
        group.MapGet("/{id:long}", Get);
        return app;
    }

    /// <summary>Every upload attempt by an admin, accepted or not, goes to the audit log.</summary>
    private static async Task<Results<Accepted<DropStatus>, ProblemHttpResult>> Upload(
        HttpContext http, ClaimsPrincipal user, DropIngestion drops, ServerOptions options, IBackgroundJobClient jobs,
        WarehouseAccess warehouse, TimeProvider clock, CancellationToken cancel)
    {
        var result = await Receive(http.Request, user, drops, options, jobs, clock, cancel);
        using var connection = warehouse.Connect();
        var status = result.Result is IStatusCodeHttpResult { StatusCode: { } code } ? code : 0;
        AuditLog.Write(connection, AuditLog.ForRequest(http, "upload", status, clock.GetUtcNow().UtcDateTime));
        return result;
    }

    private static async Task<Results<Accepted<DropStatus>, ProblemHttpResult>> Receive(
        HttpRequest request, ClaimsPrincipal user, DropIngestion drops, ServerOptions options, IBackgroundJobClient jobs,
        TimeProvider clock, CancellationToken cancel)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem("Send the drop as multipart/form-data: one form file per dataset, or one .zip.", statusCode: 400);
        }

        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = options.Uploads.MaxTotalBytes + 64 * 1024; // the multipart framing on top of the files
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancel);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("count limit", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem($"The upload holds too many files; at most {options.Uploads.MaxFiles} are accepted.", statusCode: StatusCodes.Status400BadRequest);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            var tooLarge = ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            return tooLarge
                ? TypedResults.Problem($"The upload is larger than the limit of {options.Uploads.MaxTotalBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge)
                : TypedResults.Problem("The upload is not a readable multipart form: send one form file per dataset, or one .zip.", statusCode: StatusCodes.Status400BadRequest);
        }

        var folder = Path.Combine(Path.GetFullPath(options.DropsDir),
            string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow().UtcDateTime:yyyyMMddTHHmmss}-{Guid.NewGuid():N}"));
        var outcome = await new DropUpload(options.Uploads).SaveAsync(form.Files, folder, cancel);
        if (outcome.Problems.Count > 0)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            var problem = TypedResults.Problem(
                "The drop was not accepted: " + string.Join(" ", outcome.Problems),
                statusCode: outcome.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["problems"] = outcome.Problems });
            return problem;
        }

        var dropId = drops.Register("upload", folder, user.FindFirstValue(ClaimTypes.Name));
        jobs.Enqueue<DropIngestion>(options.Jobs.Queue, d => d.Load(dropId)); // on this server's queue: its warehouse
        return TypedResults.Accepted($"/api/drops/{dropId}", drops.Get(dropId));
    }

    private static Results<Ok<DropStatus>, NotFound> Get(long id, DropIngestion drops) =>
        drops.Get(id) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();
}
