using Analytics.Web.Tests.Support;

namespace Analytics.Web.Tests.Pages;

/// <summary>Every page for every role in both languages: it answers, draws without a console error or a failed request.</summary>
[Collection(SampleWorkspaceCollection.Name)]
public sealed class PagesTests(SampleWorkspace sample, Browser browser) : IClassFixture<Browser>
{
    public static TheoryData<string, string> RolesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { "admin", "leasing", "gm", "merchant" })
        {
            foreach (var language in new[] { "zh", "en" })
            {
                data.Add(role, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public async Task EveryPageOfTheRole_Loads_WithoutErrors(string role, string language)
    {
        await using var tab = await Tab.OpenAsync(browser, sample, role, language);
        var flagged = sample.Flags.Rows[0]["tenant_id"];
        var pages = role == "merchant"
            ? new[] { "/merchant", $"/tenants/{sample.MerchantTenant}", "/documents" }
            : new[] { "/", "/tenants", $"/tenants/{flagged}", "/candidates", $"/candidates?ids={flagged},{sample.OtherTenant}", "/documents" }
                .Concat(role == "admin" ? ["/drops"] : []).ToArray();

        foreach (var path in pages)
        {
            var response = await tab.GotoAsync(path + (path.Contains('?') ? "&" : "?") + "period=" + sample.Period);
            response!.Status.Should().Be(200, "{0} opens for {1}", path, role);
            (await tab.Page.GetAttributeAsync("html", "lang")).Should().Be(language == "zh" ? "zh-CN" : "en");
            if (await tab.Page.QuerySelectorAsync("[data-chart]") is not null)
            {
                await tab.Page.WaitForSelectorAsync("[data-chart] canvas");
            }
        }

        tab.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task LanguageSwitch_IsRemembered()
    {
        await using var tab = await Tab.OpenAsync(browser, sample, "gm");
        await tab.GotoAsync("/tenants?period=" + sample.Period);
        (await tab.Page.InnerTextAsync("h1")).Should().Contain("租户排名");

        await tab.Page.ClickAsync("#lang-switch");
        await tab.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        (await tab.Page.InnerTextAsync("h1")).Should().Contain("Ranking", "the switch returns to the same page in English");
        await tab.GotoAsync("/");
        (await tab.Page.InnerTextAsync("h1")).Should().Contain("Overview", "the choice is remembered");
        tab.Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tenants")]
    public async Task PhoneWidth_PageDoesNotScrollSideways(string path)
    {
        await using var tab = await Tab.OpenAsync(browser, sample, "gm", width: 390, height: 844);
        await tab.GotoAsync(path + "?period=" + sample.Period);

        var overflow = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.Should().BeLessThanOrEqualTo(0, "tiles stack and wide tables scroll inside their own box");
        tab.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task OverviewTiles_LinkToTheirLists()
    {
        await using var tab = await Tab.OpenAsync(browser, sample, "leasing");
        await tab.GotoAsync("/?period=" + sample.Period);

        await tab.Page.ClickAsync("#tile-arrears");
        await tab.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        tab.Page.Url.Should().Contain("/tenants").And.Contain("sort=arrears");
        await tab.GotoAsync("/?period=" + sample.Period);
        await tab.Page.ClickAsync("#tile-flags");
        await tab.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        tab.Page.Url.Should().Contain("/candidates");
        tab.Problems.Should().BeEmpty();
    }
}
