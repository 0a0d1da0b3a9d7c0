using Analytics.Api.Auth;
using Analytics.Api.Figures;
using Analytics.Api.Server;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>GET /api/flags?period=&amp;flag= : the tenants flagged for a month (leasing, gm, admin).</summary>
internal static class FlagsApi
{
    public static IEndpointRouteBuilder MapFlagsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/flags").WithTags("Flags").MapGet("/", List).RequireAuthorization(Role.Staff).OnBadPeriod(PeriodBinding.MallThenPeriod);
        return app;
    }

    private static Results<Ok<IReadOnlyList<FlagView>>, ProblemHttpResult> List(
        Month? period, string? flag, string? mall, WarehouseFacts facts, TenantFigures figures)
    {
        if (facts.MallProblem(mall, out var m) is { } problem)
        {
            return problem;
        }

        if (facts.ResolvePeriod(period) is not { } p)
        {
            return PeriodBinding.NoPeriod();
        }

        try
        {
            return TypedResults.Ok(figures.Flags(p, flag, m));
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
