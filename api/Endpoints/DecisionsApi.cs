using System.Security.Claims;
using Analytics.Api.Auth;
using Analytics.Api.Decisions;
using Analytics.Api.Figures;
using Analytics.Model.Decisions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>
/// /api/decisions: the leasing team's decisions on flags (accept, defer until a date, dismiss with a reason). GET for
/// staff (optionally ?tenant=ID), POST for leasing and admin: the flag of the month's analysis of the warehouse's mall,
/// or of the mall named by ?mall= (a portfolio must name one: 400 naming its malls otherwise). The workspace records
/// through the same service.
/// </summary>
internal static class DecisionsApi
{
    internal sealed record DecisionBody(string TenantId, string Flag, string? Period, string Action, DateOnly? Until, string? Note);

    public static IEndpointRouteBuilder MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/decisions").WithTags("Decisions");
        group.MapGet("/", List).RequireAuthorization(Role.Staff);
        group.MapPost("/", Add).RequireAuthorization(Role.Staff).DisableAntiforgery();
        return app;
    }

    private static Ok<IReadOnlyList<FlagDecision>> List(string? tenant, DecisionService decisions) =>
        TypedResults.Ok(decisions.List(tenant));

    private static Results<Created<FlagDecision>, ForbidHttpResult, ProblemHttpResult> Add(
        DecisionBody body, string? mall, ClaimsPrincipal user, HttpContext http, DecisionService decisions, WarehouseFacts facts)
    {
        if (!DecisionService.MayDecide(user))
        {
            return TypedResults.Forbid();
        }

        if (facts.MallProblem(mall, out var m) is { } problem)
        {
            return problem;
        }

        try
        {
            var d = decisions.Record(new DecisionService.Request(body.TenantId, body.Flag, body.Period, body.Action, body.Until, body.Note, m), user, http);
            return TypedResults.Created($"/api/decisions?tenant={Uri.EscapeDataString(d.TenantId)}", d);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
