using System.Security.Claims;
using Analytics.Api.Auth;

namespace Analytics.Api.Endpoints;

/// <summary>
/// Who may read which tenant. A merchant reads only its own tenant; for any other id every endpoint answers 404, the
/// same answer as for an id that does not exist, so a merchant key cannot probe which tenants exist.
/// </summary>
internal static class TenantAccess
{
    public static bool MayRead(ClaimsPrincipal user, string tenantId) =>
        !user.IsInRole(Role.Merchant) || user.FindFirstValue(ApiKeyAuthentication.TenantClaim) == tenantId;

    /// <summary>A month as the API takes it (YYYY-MM); the first day of it.</summary>
    public static bool TryParsePeriod(string? text, out DateOnly firstDay) => Analytics.Model.Metrics.Month.TryParse(text, out firstDay);
}
