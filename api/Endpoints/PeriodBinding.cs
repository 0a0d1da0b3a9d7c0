using Analytics.Api.Figures;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>
/// Periods bind typed: a route or query value becomes a <see cref="Month"/> or an <see cref="IsoWeek"/> through the
/// type's own TryParse, once, before the handler. A value that does not parse stops minimal APIs before the handler
/// with a bare 400 (the filters still run, with the status set); <see cref="OnBadPeriod"/> gives that request the
/// endpoint's own answer: what the endpoint checks before the period first (a tenant hidden from the caller is 404
/// whatever the period, a bad ?mall= is its sentence), else one sentence about the period.
/// </summary>
internal static class PeriodBinding
{
    public static RouteHandlerBuilder OnBadPeriod(this RouteHandlerBuilder builder, Func<HttpContext, IResult> answer) =>
        builder.AddEndpointFilter((context, next) =>
            context.HttpContext.Response.StatusCode == StatusCodes.Status400BadRequest
                ? ValueTask.FromResult<object?>(answer(context.HttpContext))
                : next(context));

    /// <summary>A missing or malformed ?period=, or none given when the warehouse has no month yet.</summary>
    public static ProblemHttpResult NoPeriod() =>
        TypedResults.Problem("Give ?period=YYYY-MM (a month with data).", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>An endpoint that checks ?mall= before the period: the mall's problem, else <see cref="NoPeriod"/>.</summary>
    public static IResult MallThenPeriod(HttpContext http) =>
        (IResult?)Facts(http).MallProblem((string?)http.Request.Query["mall"], out _) ?? NoPeriod();

    /// <summary>A tenant's endpoint (route value id): a tenant hidden from the caller first, then as <see cref="MallThenPeriod"/>.</summary>
    public static IResult TenantThenMallThenPeriod(HttpContext http) =>
        TenantAccess.Hides(http.User, Given(http, "id"), Facts(http)) ? TypedResults.NotFound() : MallThenPeriod(http);

    /// <summary>The value as it was given (route value, else query), for the sentence that names it.</summary>
    public static string Given(HttpContext http, string name) =>
        http.Request.RouteValues.TryGetValue(name, out var value) && value is string text ? text : http.Request.Query[name].ToString();

    private static WarehouseFacts Facts(HttpContext http) => http.RequestServices.GetRequiredService<WarehouseFacts>();
}
