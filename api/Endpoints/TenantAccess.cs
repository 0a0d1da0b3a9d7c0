using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Analytics.Api.Auth;

namespace Analytics.Api.Endpoints;

/// <summary>
/// Who may read which tenant. A merchant reads only its own tenant; for any other id every endpoint answers 404, the
/// same answer as for an id that does not exist, so a merchant key cannot probe which tenants exist.
/// </summary>
internal static partial class TenantAccess
{
    public static bool MayRead(ClaimsPrincipal user, string tenantId) =>
        !user.IsInRole(Role.Merchant) || user.FindFirstValue(ApiKeyAuthentication.TenantClaim) == tenantId;

    /// <summary>A month as the API takes it (YYYY-MM); the first day of it.</summary>
    public static bool TryParsePeriod(string? text, out DateOnly firstDay)
    {
        firstDay = default;
        return text is not null && PeriodPattern().IsMatch(text)
            && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out firstDay);
    }

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex PeriodPattern();
}
