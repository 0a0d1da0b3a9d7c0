using System.Security.Claims;
using Analytics.Api.Auth;
using Analytics.Api.Server;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Analytics.Api.Web;

/// <summary>
/// Sign-in for people: a session cookie beside the API keys. One selector scheme picks per request: a Bearer header goes
/// to the API-key scheme (as before); otherwise the workspace session cookie (also the job dashboard's way in). Pages challenge to
/// /login; /api paths without credentials still answer 401 through the API-key scheme. The same role claims and the
/// same tenant claim as a key, so every access rule of the API (roles, TenantAccess) holds in the pages unchanged.
/// </summary>
internal static class WorkspaceAuth
{
    public const string Scheme = "Workspace";
    public const string Selector = "ApiKeyOrWorkspace";
    public const string SessionCookie = "analytics_session";

    /// <summary>A session ends after this long without a request (sliding), and at the latest when the browser closes.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    public static AuthenticationBuilder AddWorkspace(this AuthenticationBuilder auth, TimeProvider clock) => auth
        .AddCookie(Scheme, o =>
        {
            o.Cookie.Name = SessionCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.TimeProvider = clock;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            // A page a role may not open does not exist for it (as in the API): 404, never a hint.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
            // A revoked user's session ends at its next request, not when the cookie expires.
            o.Events.OnValidatePrincipal = context =>
            {
                var name = context.Principal?.FindFirstValue(ClaimTypes.Name);
                var warehouse = context.HttpContext.RequestServices.GetRequiredService<WarehouseAccess>();
                using var connection = warehouse.Connect();
                if (name is null || ApiUsers.Find(connection, name) is not { RevokedAt: null })
                {
                    context.RejectPrincipal();
                }

                return Task.CompletedTask;
            };
        })
        .AddPolicyScheme(Selector, null, o => o.ForwardDefaultSelector = context =>
            context.Request.Headers.Authorization.Count > 0
                ? ApiKeyAuthentication.SchemeName
                : context.Request.Cookies.ContainsKey(SessionCookie) || !context.Request.Path.StartsWithSegments("/api")
                    ? Scheme
                    : ApiKeyAuthentication.SchemeName);

    /// <summary>The session's identity: the user's name, role and (merchant) tenant, as an API key gives them.</summary>
    public static ClaimsPrincipal Principal(ApiUser user)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role) };
        if (user.TenantId is not null)
        {
            claims.Add(new Claim(ApiKeyAuthentication.TenantClaim, user.TenantId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    /// <summary>
    /// Middleware: a session cookie rides along on any request the browser makes, so a JSON API call that changes state
    /// and was authenticated by the cookie must carry the antiforgery token (header RequestVerificationToken), as the
    /// pages' forms do. Calls with an API key are not affected.
    /// </summary>
    public static async Task GuardApiForgery(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/api")
            && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: Scheme })
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new { title = "The antiforgery token is missing or invalid; reload the page and try again." });
                return;
            }
        }

        await next(context);
    }
}
