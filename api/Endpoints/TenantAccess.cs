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

    /// <summary>
    /// <see cref="MayRead(ClaimsPrincipal, string)"/>, and the tenant exists; a merchant key whose id names tenants of
    /// several malls (ids are unique within a mall only) reads none of them, since it cannot say which one it is.
    /// </summary>
    public static bool MayRead(ClaimsPrincipal user, string tenantId, Figures.WarehouseFacts facts) =>
        MayRead(user, tenantId) && facts.TenantExists(tenantId) && !(user.IsInRole(Role.Merchant) && facts.InSeveralMalls(tenantId));

    /// <summary>A month as the API takes it (YYYY-MM); the first day of it.</summary>
    public static bool TryParsePeriod(string? text, out DateOnly firstDay) => Analytics.Model.Metrics.Month.TryParse(text, out firstDay);
}
