using System.Text.Encodings.Web;
using System.Text.Unicode;
using Analytics.Api.Decisions;
using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Analytics.Api.Server;
using Microsoft.Extensions.FileProviders;

namespace Analytics.Api.Web;

/// <summary>
/// The browser workspace inside 'serve': Razor Pages rendered on the server (pages under Web/Pages), htmx for partial
/// swaps and Apache ECharts for charts, both served from the app's own files (Web/Assets, copied beside the executable
/// as webassets/). docs/web.md says why this and not Blazor.
/// </summary>
internal static class Workspace
{
    public const string AssetsPath = "/assets";

    public static IServiceCollection AddWorkspace(this IServiceCollection services)
    {
        services.AddRazorPages(o => o.RootDirectory = "/Web/Pages");
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "analytics_af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Chinese text as characters in the HTML, not as &#x...; escapes (smaller pages, readable source).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<WorkspaceFigures>();
        services.AddSingleton<DecisionService>();
        return services;
    }

    public static WebApplication MapWorkspace(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "webassets")),
            RequestPath = AssetsPath,
            // The library files carry their version in the name; a day of caching keeps the overview light on a phone.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        app.MapRazorPages();
        app.Lifetime.ApplicationStarted.Register(() => WarmUpInBackground(app.Services));
        // The language switch: remembered for a year; back to the page it was clicked on (a local path only).
        app.MapGet("/lang/{code}", (string code, string? back, HttpContext http) =>
        {
            http.Response.Cookies.Append(WebText.Cookie, code == "en" ? "en" : "zh", new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                SameSite = SameSiteMode.Lax,
                HttpOnly = true,
                Secure = http.Request.IsHttps,
            });
            return Results.LocalRedirect(IsLocal(back) ? back! : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Beside the API's warm-up of the latest month: the month before (for "new" flags) and the 36-month history, so the
    /// first visitor of the overview or a diagnosis does not wait for them.
    /// </summary>
    private static void WarmUpInBackground(IServiceProvider services)
    {
        if (!services.GetRequiredService<ServerOptions>().WarmUp)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                if (services.GetRequiredService<WarehouseFacts>().LatestPeriod is { } latest)
                {
                    var figures = services.GetRequiredService<WorkspaceFigures>();
                    figures.NewFlags(latest);
                    figures.History(latest, "");
                }
            }
            catch (Exception ex)
            {
                services.GetRequiredService<ILogger<WorkspaceFigures>>().LogWarning(ex, "Warming up the workspace's figures failed.");
            }
        });
    }

    /// <summary>A path of this site ("/x", not "//host" or "/\host"): the only place a redirect may go.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
