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
    public async Task Dashboard_AdminSignedIn_OkOthersRefused_NoKeyCookie()
    {
        // Issue 9: the dashboard's cookie used to be the raw API key (POST /api/session), accepted on every route
        // without antiforgery. Now a browser reaches /hangfire only through a person's sign-in at /login.
        await using var server = await RunningServer.StartAsync();
        using (var connection = server.Warehouse())
        {
            UserPasswords.Set(connection, "admin", "correct horse battery", TimeProvider.System);
            UserPasswords.Set(connection, "leasing", "correct horse battery", TimeProvider.System);
        }

        using var anonymous = await server.Client().GetAsync("/hangfire");
        using var leasing = await server.Client("leasing").GetAsync("/hangfire");
        using var admin = await server.Client("admin").GetAsync("/hangfire");
        using var session = await server.Client("admin").PostAsync("/api/session", null);
        using var adminBrowser = await SignedInBrowser(server, "admin");
        using var adminPage = await adminBrowser.GetAsync("/hangfire");
        using var leasingBrowser = await SignedInBrowser(server, "leasing");
        using var leasingPage = await leasingBrowser.GetAsync("/hangfire");

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        leasing.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        admin.StatusCode.Should().Be(HttpStatusCode.OK);
        session.StatusCode.Should().Be(HttpStatusCode.NotFound, "no endpoint hands out an API key as a cookie any more");
        adminPage.StatusCode.Should().Be(HttpStatusCode.OK);
        (await adminPage.Content.ReadAsStringAsync()).Should().Contain("Tenant Analytics jobs");
        leasingPage.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task KeyAsCookie_IsNotAnIdentity()
    {
        await using var server = await RunningServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tenants");
        request.Headers.Add("Cookie", "analytics_key=" + server.Keys["admin"]);

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    /// <summary>A browser's way in: the login form with its antiforgery token, then the session cookie on every request.</summary>
    private static async Task<HttpClient> SignedInBrowser(RunningServer server, string name)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = server.BaseAddress,
        };
        var form = await browser.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.Should().NotBeEmpty("the login form carries an antiforgery token");
        using var login = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name, ["password"] = "correct horse battery", ["__RequestVerificationToken"] = token,
        }));
        login.StatusCode.Should().Be(HttpStatusCode.Redirect, "a good password signs in and redirects");
        return browser;
    }
}
