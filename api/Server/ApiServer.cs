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
using Scalar.AspNetCore;

namespace Analytics.Api.Server;

/// <summary>
/// Builds the web server of 'serve': configuration, authentication and roles, the endpoint groups, OpenAPI with a
/// browsable reference (/scalar), and Hangfire. Tests build the same server on a free loopback port.
/// </summary>
internal static class ApiServer
{
    public const long DefaultBodyLimit = 1024 * 1024;

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
        // Small bodies everywhere; the upload endpoint raises the limit for itself once the caller is known to be an admin.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = DefaultBodyLimit);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = options.Uploads.MaxTotalBytes;
            f.ValueCountLimit = options.Uploads.MaxFiles + 16;
        });

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
        services.AddAuthorizationBuilder()
            .AddPolicy(Role.Staff, p => p.RequireRole(Role.Admin, Role.Leasing, Role.Gm))
            .AddPolicy(Role.StaffOrMerchant, p => p.RequireRole(Role.Admin, Role.Leasing, Role.Gm, Role.Merchant))
            .AddPolicy(Role.AdminOnly, p => p.RequireRole(Role.Admin))
            .AddPolicy(Role.AdminOrGm, p => p.RequireRole(Role.Admin, Role.Gm))
            .AddPolicy(Role.LeasingOrAdmin, p => p.RequireRole(Role.Admin, Role.Leasing));
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Tenant Analytics API";
            document.Info.Description = "Send 'Authorization: Bearer KEY' (a key from 'analytics users add').";
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["ApiKey"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key: ta_{id}_{secret}",
            };
            document.Security ??= [];
            document.Security.Add(new Microsoft.OpenApi.OpenApiSecurityRequirement
            {
                [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("ApiKey", document)] = [],
            });
            return Task.CompletedTask;
        }));

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

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
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
