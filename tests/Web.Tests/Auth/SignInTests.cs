using System.Net;
using Analytics.Api.Auth;
using Analytics.Web.Tests.Support;

namespace Analytics.Web.Tests.Auth;

/// <summary>Sign-in: a wrong password, the lockout, a form without its antiforgery token, an idle session's end, sign-out.</summary>
[Collection(SampleWorkspaceCollection.Name)]
public sealed class SignInTests(SampleWorkspace sample, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task WrongPassword_StaysOnTheForm_WithAMessage()
    {
        await using var tab = await Tab.OpenAsync(browser, sample, null, "en");
        await tab.SignInAsync("gm", "not-the-password");

        tab.Page.Url.Should().Contain("/login");
        (await tab.Page.InnerTextAsync("#signin-error")).Should().Be("Wrong user name or password.");
        tab.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_UntilTheLockoutEnds()
    {
        await using var tab = await Tab.OpenAsync(browser, sample, null, "en");
        for (var i = 0; i < UserPasswords.MaxFailures; i++)
        {
            await tab.SignInAsync("locky", "wrong-" + i);
        }

        (await tab.Page.InnerTextAsync("#signin-error")).Should().Contain("locked");
        await tab.SignInAsync("locky", SampleWorkspace.Password);
        (await tab.Page.InnerTextAsync("#signin-error")).Should().Contain("locked", "even the right password waits for the lockout to end");

        sample.Clock.Advance(UserPasswords.LockoutTime + TimeSpan.FromMinutes(1));
        await tab.SignInAsync("locky", SampleWorkspace.Password);
        new Uri(tab.Page.Url).AbsolutePath.Should().Be("/");
        tab.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task LoginPost_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = new HttpClient { BaseAddress = sample.BaseAddress };
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "admin", ["password"] = SampleWorkspace.Password,
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").Should().BeFalse("no session is started");
    }

    [Fact]
    public async Task IdleSession_Expires_ThenSignInAgain()
    {
        await using var tab = await Tab.OpenAsync(browser, sample, "expiring");
        (await tab.GotoAsync("/tenants?period=" + sample.Period))!.Status.Should().Be(200);

        sample.Clock.Advance(Api.Web.WorkspaceAuth.IdleTimeout + TimeSpan.FromMinutes(5));
        await tab.GotoAsync("/tenants?period=" + sample.Period);

        new Uri(tab.Page.Url).AbsolutePath.Should().Be("/login", "an idle session ends");
        await tab.Page.FillAsync("#name", "expiring");
        await tab.Page.FillAsync("#password", SampleWorkspace.Password);
        await tab.Page.ClickAsync("#signin");
        await tab.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        new Uri(tab.Page.Url).AbsolutePath.Should().Be("/tenants", "sign-in returns to the page asked for");
        tab.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var tab = await Tab.OpenAsync(browser, sample, "gm");
        await tab.Page.ClickAsync("#logout");
        await tab.Page.WaitForURLAsync("**/login");

        await tab.GotoAsync("/");
        new Uri(tab.Page.Url).AbsolutePath.Should().Be("/login");
        tab.Problems.Should().BeEmpty();
    }
}
