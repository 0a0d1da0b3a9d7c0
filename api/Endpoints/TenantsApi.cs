using System.Security.Claims;
using Analytics.Api.Auth;
using Analytics.Api.Figures;
using Analytics.Api.Server;
using Analytics.Model.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>/api/tenants: the tenant list (staff) and one tenant's metrics and score (staff, or the merchant itself).</summary>
internal static class TenantsApi
{
    public static IEndpointRouteBuilder MapTenantsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenants").WithTags("Tenants");
        group.MapGet("/", List).RequireAuthorization(Role.Staff);
        group.MapGet("/{id}/metrics", Metrics).RequireAuthorization(Role.StaffOrMerchant).OnBadPeriod(PeriodBinding.TenantThenMallThenPeriod);
        group.MapGet("/{id}/score", Score).RequireAuthorization(Role.StaffOrMerchant).OnBadPeriod(PeriodBinding.TenantThenMallThenPeriod);
        return app;
    }

    /// <summary>Every tenant with its latest lease.</summary>
    private static Ok<List<TenantSummary>> List(WarehouseAccess warehouse)
    {
        using var connection = warehouse.Connect();
        return TypedResults.Ok(Leases.Latest(connection));
    }

    private static Results<Ok<TenantMetricsRow>, NotFound, ProblemHttpResult> Metrics(
        string id, Month? period, string? mall, ClaimsPrincipal user, WarehouseFacts facts, TenantFigures figures) =>
        ForTenant(id, period, mall, user, facts, (t, p, m) => figures.Metrics(t, p, m));

    private static Results<Ok<ScoreView>, NotFound, ProblemHttpResult> Score(
        string id, Month? period, string? mall, ClaimsPrincipal user, WarehouseFacts facts, TenantFigures figures) =>
        ForTenant(id, period, mall, user, facts, (t, p, m) => figures.Score(t, p, user, m));

    /// <summary>
    /// The order of checks matters: access and existence first (404 for both, so nothing leaks), the period after,
    /// so that a merchant asking for another tenant with a bad period still learns nothing but 404 (a period that
    /// does not bind is answered in the same order: <see cref="PeriodBinding.TenantThenMallThenPeriod"/>).
    /// </summary>
    private static Results<Ok<T>, NotFound, ProblemHttpResult> ForTenant<T>(
        string id, Month? period, string? mall, ClaimsPrincipal user, WarehouseFacts facts, Func<string, Month, string?, T?> figures)
        where T : class
    {
        if (TenantAccess.Hides(user, id, facts))
        {
            return TypedResults.NotFound();
        }

        if (facts.MallProblem(mall, out var m) is { } problem)
        {
            return problem;
        }

        if (facts.ResolvePeriod(period) is not { } p)
        {
            return PeriodBinding.NoPeriod();
        }

        return figures(id, p, m) is { } result
            ? TypedResults.Ok(result)
            : TypedResults.Problem($"No figures for tenant {id} in {p}: it had no lease in force then.", statusCode: StatusCodes.Status404NotFound);
    }
}
