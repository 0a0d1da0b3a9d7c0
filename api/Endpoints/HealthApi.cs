using Analytics.Api.Server;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>GET /health: no authentication; says whether the warehouse answers, for a load balancer or a monitor.</summary>
internal static class HealthApi
{
    internal sealed record Health(string Status, int SchemaVersion);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Get).WithTags("Health").AllowAnonymous();
        return app;
    }

    private static Results<Ok<Health>, ProblemHttpResult> Get(WarehouseAccess warehouse)
    {
        try
        {
            using var connection = warehouse.Connect();
            return TypedResults.Ok(new Health("ok", Analytics.Ingest.Warehouse.WarehouseSchema.Version(connection)));
        }
        catch (Exception ex) when (ex is DuckDB.NET.Data.DuckDBException or InvalidOperationException)
        {
            return TypedResults.Problem("The warehouse does not answer.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
