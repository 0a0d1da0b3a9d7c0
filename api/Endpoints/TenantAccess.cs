using System.Security.Claims;
using Analytics.Api.Auth;
using Analytics.Api.Figures;

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
    /// A tenant the caller may not read, or one that does not exist: both answered 404, so nothing leaks. A merchant
    /// key whose id names tenants of several malls (ids are unique within a mall only) reads none of them, since it
    /// cannot say which one it is.
    /// </summary>
    public static bool Hides(ClaimsPrincipal user, string tenantId, WarehouseFacts facts) =>
        !MayRead(user, tenantId) || !facts.TenantExists(tenantId) || (user.IsInRole(Role.Merchant) && facts.InSeveralMalls(tenantId));
}
