using Analytics.Api.Auth;
using Analytics.Api.Delivery;
using Analytics.Api.Documents;
using Analytics.Api.Drops;
using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Analytics.Api.Jobs;
using Analytics.Api.Web;
using Analytics.Ingest.Warehouse;
using Microsoft.AspNetCore.Authentication;

namespace Analytics.Api.Server;

/// <summary>
/// Builds the web server of 'serve': configuration, services, the middleware in its order and the endpoint groups.
/// The plumbing each of them needs lives with it (<see cref="RequestLimits"/>, <see cref="RolePolicies"/>,
/// <see cref="ApiReference"/>, the jobs' and the workspace's own Add/Use methods). Tests build the same server on a
/// free loopback port.
/// </summary>
internal static class ApiServer
{
    public static WebApplication Build(TimeProvider clock, Action<ServerOptions>? overrides = null, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ContentRootPath = AppContext.BaseDirectory,
            // The pages are compiled into this assembly; naming it finds them when a test host is the entry assembly.
            ApplicationName = typeof(ApiServer).Assembly.GetName().Name,
        });
        var options = new ServerOptions();
        builder.Configuration.GetSection(ServerOptions.Section).Bind(options);
        overrides?.Invoke(options);
        builder.WebHost.UseUrls(options.Urls);
        builder.UseRequestLimits(options.Uploads);

        var services = builder.Services;
        services.AddJobs(options); // first: a job store that cannot be reached stops the start before the warehouse is opened
        services.AddSingleton(options);
        services.AddSingleton(clock);
        services.AddSingleton(new WarehouseAccess(
            new Warehouse(options.Db, new WarehouseSettings(options.WarehouseMemoryMb, options.WarehouseThreads)), clock));
        services.AddSingleton<ApiKeyVerifier>();
        services.AddSingleton(new FailedAttemptLimiter(options.AuthFailuresPerMinute));
        services.AddSingleton<FiguresCache>();
        services.AddSingleton<TenantFigures>();
        services.AddSingleton<WarehouseFacts>();
        services.AddSingleton(new DocumentStore(options.OutDir));
        services.AddSingleton<DocumentRenderer>();
        services.AddSingleton<DocumentService>();
        services.AddSingleton<DownloadAudit>();
        services.AddTransient<DropIngestion>();
        services.AddTransient<InboxIngestJob>();
        services.AddTransient<BriefJobs>();
        // Read once at start: a wrong setting stops the start with one sentence instead of failing every job.
        var delivery = DeliverySettings.Load(options.DeliverySettingsFile);
        services.AddSingleton(delivery);
        services.AddSingleton(delivery.SmtpServer());
        services.AddTransient<DeliveryJob>();

        services.AddWorkspace();
        // A key (header or key cookie) or a person's session cookie: WorkspaceAuth picks per request.
        services.AddAuthentication(WorkspaceAuth.Selector)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddWorkspace(clock);
        services.AddRolePolicies();
        services.AddProblemDetails();
        // A period that does not bind is answered by its endpoint's filter (PeriodBinding) in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddApiReference();

        var app = builder.Build();
        // Before the job server starts: drops a stopped process left queued or loading are marked, not left for 30 minutes.
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<DropIngestion>().MarkInterrupted();
        }

        app.Lifetime.ApplicationStopped.Register(() => app.Services.GetRequiredService<WarehouseAccess>().Dispose());
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<TenantFigures>().WarmUpInBackground());
        var limiter = app.Services.GetRequiredService<FailedAttemptLimiter>();
        app.UseExceptionHandler();
        app.Use(limiter.Guard);
        app.Use(app.Services.GetRequiredService<DownloadAudit>().Record);
        app.UseAuthentication();
        app.Use(WorkspaceAuth.GuardApiForgery);
        app.UseAuthorization();

        app.MapApiReference();
        app.MapHealthApi();
        app.MapTenantsApi();
        app.MapFlagsApi();
        app.MapOperationsApi();
        app.MapReportsApi();
        app.MapDropsApi();
        app.MapUsersApi();
        app.MapDeliveriesApi();
        app.MapDecisionsApi();
        app.MapWorkspace();
        app.UseJobs();
        return app;
    }
}
