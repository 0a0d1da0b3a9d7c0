using System.Threading.RateLimiting;

namespace Analytics.Api.Auth;

/// <summary>
/// Limits failed authentications per client IP (a fixed window: N failures a minute, then 429 until the window
/// ends). ASP.NET's rate-limiting middleware counts every request; here only failures spend a permit, so a client
/// with a good key is never slowed down, while guessing keys from one address stops after a few tries.
/// </summary>
internal sealed class FailedAttemptLimiter(int failuresPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, failuresPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public bool IsBlocked(string ip) => _limiter.GetStatistics(ip)?.CurrentAvailablePermits == 0;

    public void RecordFailure(string ip)
    {
        using var lease = _limiter.AttemptAcquire(ip);
    }

    /// <summary>Middleware: refuse a blocked address before any work, and count every 401 the pipeline produced.</summary>
    public async Task Guard(HttpContext context, RequestDelegate next)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (IsBlocked(ip))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "60";
            await context.Response.WriteAsJsonAsync(new { title = "Too many failed authentication attempts; try again in a minute." });
            return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            RecordFailure(ip);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
