using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Analytics.Api.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer KEY</c> against api_users. A key is never a cookie: a browser (the workspace,
/// the job dashboard) signs a person in with a password and a session cookie instead (Web/WorkspaceAuth). No credentials: no identity (401 where one is needed); a key that does not
/// match: a failed attempt, counted by <see cref="FailedAttemptLimiter"/>.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string TenantClaim = "tenant_id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? presented = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult(AuthenticateResult.Fail("Use 'Authorization: Bearer KEY'."));
            }

            presented = header["Bearer ".Length..].Trim();
        }

        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!ApiKey.TryParse(presented, out var key) || verifier.Verify(key) is not { } user)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown or revoked API key."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role) };
        if (user.TenantId is not null)
        {
            claims.Add(new Claim(TenantClaim, user.TenantId));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>A 401 says how to authenticate (RFC 9110): a Bearer key.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"analytics\"";
        return Task.CompletedTask;
    }
}

/// <summary>
/// Checks a key against api_users and remembers a verified key for a short while (by the SHA-256 of the whole key,
/// never the key itself) so that a busy client does not cost a warehouse query per request. A changed user list
/// (this process adds or revokes users) clears the memory; 'users revoke' from the command line needs the server
/// stopped anyway, since DuckDB allows one owner of the warehouse.
/// </summary>
internal sealed class ApiKeyVerifier(WarehouseAccess warehouse, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (ApiUser User, DateTimeOffset Until)> _recent = new(StringComparer.Ordinal);

    public ApiUser? Verify(ApiKey key)
    {
        var now = clock.GetUtcNow();
        var fingerprint = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key.ToString())));
        if (_recent.TryGetValue(fingerprint, out var hit) && hit.Until > now)
        {
            return hit.User;
        }

        using var connection = warehouse.Connect();
        var user = ApiUsers.Authenticate(connection, key);
        if (user is not null)
        {
            _recent[fingerprint] = (user, now + Lifetime);
        }

        return user;
    }

    public void Forget() => _recent.Clear();
}
