using System.Net;
using Analytics.Api.Auth;
using Analytics.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Api.Tests.Auth;

public sealed class ApiKeyAuthenticationTests
{
    [Fact]
    public async Task Request_AfterKeyRevoked_Unauthorized()
    {
        await using var server = await RunningServer.StartAsync();
        using var before = await server.Client("gm").GetAsync("/api/tenants");
        using (var connection = server.Warehouse())
        {
            ApiUsers.Revoke(connection, "gm", TimeProvider.System);
        }

        server.Services.GetRequiredService<ApiKeyVerifier>().Forget();
        using var after = await server.Client("gm").GetAsync("/api/tenants");

        before.StatusCode.Should().Be(HttpStatusCode.OK);
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_RightKeyIdWrongSecret_Unauthorized()
    {
        await using var server = await RunningServer.StartAsync();
        var real = server.Keys["admin"];
        // Same public key id, secret changed in its last character: must not pass, even right after the real key did.
        var forged = real[..^1] + (real[^1] == 'A' ? 'B' : 'A');
        using var ok = await server.Client("admin").GetAsync("/api/tenants");

        using var response = await server.Client(forged).GetAsync("/api/tenants");

        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task FailedAttempts_OverLimit_TooManyRequestsEvenWithGoodKey()
    {
        await using var server = await RunningServer.StartAsync(o => o.AuthFailuresPerMinute = 10);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var r = await server.Client($"ta_{i:D12}_guess").GetAsync("/api/tenants");
            statuses.Add(r.StatusCode);
        }

        using var good = await server.Client("admin").GetAsync("/api/tenants");
        using var health = await server.Client().GetAsync("/health");

        statuses.Take(10).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        statuses.Skip(10).Should().AllBeEquivalentTo(HttpStatusCode.TooManyRequests);
        good.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the address is blocked for the rest of the minute");
        good.Headers.RetryAfter.Should().NotBeNull();
        health.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task GoodKey_ManyRequests_NeverLimited()
    {
        await using var server = await RunningServer.StartAsync(o => o.AuthFailuresPerMinute = 3);
        using var client = server.Client("leasing");

        for (var i = 0; i < 20; i++)
        {
            using var r = await client.GetAsync("/api/tenants");
            r.StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Dashboard_AdminCookie_OkOthersRefused()
    {
        await using var server = await RunningServer.StartAsync();
        using var anonymous = await server.Client().GetAsync("/hangfire");
        using var leasing = await server.Client("leasing").GetAsync("/hangfire");
        using var admin = await server.Client("admin").GetAsync("/hangfire");
        // A browser: the admin posts the key once to /api/session and then browses with the cookie it got back.
        using var session = await server.Client("admin").PostAsync("/api/session", null);
        var setCookie = session.Headers.GetValues("Set-Cookie").Single();
        using var cookieClient = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Add("Cookie", setCookie.Split(';')[0]);
        using var cookie = await cookieClient.SendAsync(request);
        using var leasingSession = await server.Client("leasing").PostAsync("/api/session", null);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        leasing.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        admin.StatusCode.Should().Be(HttpStatusCode.OK);
        setCookie.Should().Contain("httponly").And.Contain("samesite=strict");
        cookie.StatusCode.Should().Be(HttpStatusCode.OK);
        leasingSession.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.Content.ReadAsStringAsync()).Should().Contain("Tenant Analytics jobs");
    }
}
