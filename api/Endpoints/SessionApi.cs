using Analytics.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>
/// /api/session: a browser cannot send a Bearer header to the job dashboard, so an admin posts the key once
/// (<c>curl -X POST -H "Authorization: Bearer KEY"</c> or any HTTP tool) and gets it back as an HttpOnly, SameSite=Strict
/// cookie for this site; DELETE forgets it. The cookie is checked like the header on every request.
/// </summary>
internal static class SessionApi
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/session").WithTags("Session");
        group.MapPost("/", Start).RequireAuthorization(Role.AdminOnly).DisableAntiforgery();
        group.MapDelete("/", End).AllowAnonymous();
        return app;
    }

    private static NoContent Start(HttpContext http)
    {
        var key = http.Request.Headers.Authorization.ToString();
        key = key.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? key["Bearer ".Length..].Trim()
            : http.Request.Cookies[ApiKeyAuthentication.Cookie] ?? "";
        http.Response.Cookies.Append(ApiKeyAuthentication.Cookie, key, Options(http));
        return TypedResults.NoContent();
    }

    private static NoContent End(HttpContext http)
    {
        http.Response.Cookies.Delete(ApiKeyAuthentication.Cookie, Options(http));
        return TypedResults.NoContent();
    }

    private static CookieOptions Options(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        MaxAge = TimeSpan.FromHours(12),
    };
}
