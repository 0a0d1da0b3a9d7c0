using Analytics.Api.Auth;
using Analytics.Api.Delivery;
using Analytics.Api.Documents;
using Analytics.Api.Server;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>
/// GET /api/deliveries?period= (admin, gm): every message of a month (YYYY-MM: the monthly brief and the merchant
/// sheets) or of a week (YYYY-Www: the weekly brief), sent or not, with attempts and the server's last answer.
/// </summary>
internal static class DeliveriesApi
{
    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/deliveries").WithTags("Deliveries").MapGet("/", List).RequireAuthorization(Role.AdminOrGm);
        return app;
    }

    private static Results<Ok<IReadOnlyList<DeliveryRecord>>, ProblemHttpResult> List(string? period, WarehouseAccess warehouse)
    {
        if (period is null || !(DocumentStore.IsPeriod(period) || DocumentStore.IsWeek(period)))
        {
            return TypedResults.Problem("Give ?period=YYYY-MM (monthly brief and merchant sheets) or ?period=YYYY-Www (weekly brief).",
                statusCode: StatusCodes.Status400BadRequest);
        }

        using var connection = warehouse.Connect();
        return TypedResults.Ok(DeliveryLog.ForPeriod(connection, period));
    }
}
