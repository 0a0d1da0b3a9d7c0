using Analytics.Api.Auth;
using Analytics.Api.Server;
using Analytics.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>
/// /api/users (admin): the 'users' verb for a running server. The verb needs the warehouse to itself, which a
/// running server holds, so without these an admin would have to stop the server to hand out or revoke a key.
/// </summary>
internal static class UsersApi
{
    /// <summary>Nullable members: a body of {} is a 400 naming what is missing, not a 500.</summary>
    internal sealed record NewUser(string? Name, string? Role, string? TenantId);

    internal sealed record CreatedUser(string Name, string Role, string? TenantId, string Key);

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Role.AdminOnly);
        group.MapGet("/", List);
        group.MapPost("/", Add).DisableAntiforgery();
        group.MapDelete("/{name}", Revoke);
        return app;
    }

    private static Ok<IReadOnlyList<ApiUser>> List(WarehouseAccess warehouse)
    {
        using var connection = warehouse.Connect();
        return TypedResults.Ok(ApiUsers.List(connection));
    }

    /// <summary>The key is in this answer only; only its salted hash is stored.</summary>
    private static Results<Created<CreatedUser>, ProblemHttpResult> Add(
        NewUser user, HttpContext http, WarehouseAccess warehouse, TimeProvider clock)
    {
        using var connection = warehouse.Connect();
        try
        {
            var key = ApiUsers.Add(connection, user.Name, user.Role, string.IsNullOrWhiteSpace(user.TenantId) ? null : user.TenantId, clock);
            var name = user.Name!.Trim();   // Add refused a missing name
            AuditLog.Write(connection, AuditLog.ForRequest(http, "users.add", StatusCodes.Status201Created, clock.GetUtcNow().UtcDateTime) with { Resource = $"user:{name}" });
            return TypedResults.Created($"/api/users/{Uri.EscapeDataString(name)}", new CreatedUser(name, user.Role!, user.TenantId, key.ToString()));
        }
        catch (UserError ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static Results<NoContent, NotFound> Revoke(
        string name, HttpContext http, WarehouseAccess warehouse, ApiKeyVerifier verifier, TimeProvider clock)
    {
        using var connection = warehouse.Connect();
        if (!ApiUsers.Revoke(connection, name, clock))
        {
            return TypedResults.NotFound();
        }

        verifier.Forget();
        AuditLog.Write(connection, AuditLog.ForRequest(http, "users.revoke", StatusCodes.Status204NoContent, clock.GetUtcNow().UtcDateTime) with { Resource = $"user:{name}" });
        return TypedResults.NoContent();
    }
}
