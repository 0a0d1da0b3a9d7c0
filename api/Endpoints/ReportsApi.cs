using System.Security.Claims;
using Analytics.Api.Auth;
using Analytics.Api.Documents;
using Analytics.Api.Figures;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>
/// /api/reports: the PDF documents, in Chinese or English (?lang=zh|en, default zh), of the warehouse's mall or of the
/// mall named by ?mall= (a portfolio must name one: 400 naming its malls otherwise). Served from the document store
/// the scheduled jobs write to; a document not written yet is rendered on request and stored. Every download
/// attempt, served or not, is written to the audit log (<see cref="DownloadAudit"/>).
/// </summary>
internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports");
        group.MapGet("/monthly/{period}", Monthly).RequireAuthorization(Role.Staff).Produces(200, contentType: "application/pdf")
            .OnBadPeriod(http => NotAPeriod(http, "period"));
        group.MapGet("/weekly/{week}", Weekly).RequireAuthorization(Role.Staff).Produces(200, contentType: "application/pdf")
            .OnBadPeriod(http => NotAPeriod(http, "week"));
        group.MapGet("/merchant/{tenantId}/{period}", Merchant).RequireAuthorization(Role.StaffOrMerchant).Produces(200, contentType: "application/pdf")
            .OnBadPeriod(http => TenantAccess.Hides(http.User, PeriodBinding.Given(http, "tenantId"), http.RequestServices.GetRequiredService<WarehouseFacts>())
                ? TypedResults.NotFound()
                : NotAPeriod(http, "period"));
        return app;
    }

    private static ProblemHttpResult NotAPeriod(HttpContext http, string name)
    {
        var lang = http.Request.Query["lang"].ToString();
        return TypedResults.Problem(
            DocumentStore.NotAPeriod(PeriodBinding.Given(http, name), string.IsNullOrEmpty(lang) ? DocumentService.DefaultLanguage : lang, week: name == "week"),
            statusCode: StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult>> Monthly(
        Month period, string? lang, string? mall, HttpResponse response, DocumentService documents, WarehouseFacts facts) =>
        facts.MallProblem(mall, out var m) is { } problem ? problem : await documents.Serve(response, DocumentKind.Monthly, period, lang, null, m);

    private static async Task<Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult>> Weekly(
        IsoWeek week, string? lang, string? mall, HttpResponse response, DocumentService documents, WarehouseFacts facts) =>
        facts.MallProblem(mall, out var m) is { } problem ? problem : await documents.Serve(response, week, lang, m);

    /// <summary>Access and existence first (404 for both, so a merchant key cannot probe ids), the mall after.</summary>
    private static async Task<Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult>> Merchant(
        string tenantId, Month period, string? lang, string? mall, ClaimsPrincipal user, HttpResponse response, DocumentService documents, WarehouseFacts facts)
    {
        if (TenantAccess.Hides(user, tenantId, facts))
        {
            return TypedResults.NotFound();
        }

        if (facts.MallProblem(mall, out var m) is { } problem)
        {
            return problem;
        }

        return await documents.Serve(response, DocumentKind.Merchant, period, lang, tenantId, m);
    }
}
