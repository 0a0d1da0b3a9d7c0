using System.Globalization;
using Analytics.Web.Tests.Support;
using ClosedXML.Excel;

namespace Analytics.Web.Tests.Pages;

/// <summary>
/// The README's path for a new user, by clicks only (no typed URL after the sign-in page): the ranking from the menu,
/// the worst tenant of the month first, its diagnosis, the candidates page with it and two others ticked side by side,
/// a decision recorded on its flag, and the filtered ranking downloaded as .xlsx.
/// </summary>
[Collection(SampleWorkspaceCollection.Name)]
public sealed class NewUserPathTests(SampleWorkspace sample, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task SignIn_FindWorst_Diagnose_Compare_Decide_Download()
    {
        var worst = sample.Scores.Rows.Where(r => r["total"].Length > 0)
            .OrderBy(r => double.Parse(r["total"], CultureInfo.InvariantCulture)).ThenBy(r => r["tenant_id"], StringComparer.Ordinal)
            .First()["tenant_id"];
        var flag = sample.Flags.Rows.First(f => f["tenant_id"] == worst)["flag"];

        await using var tab = await Tab.OpenAsync(browser, sample, null);
        await tab.GotoAsync("/login");
        await tab.SignInAsync("leasing", SampleWorkspace.Password);
        await ClickAsync(tab, "nav a[href='/tenants']");
        (await tab.Page.GetAttributeAsync("#ranking-table tbody tr", "data-tenant")).Should().Be(worst, "the ranking lists the worst score first");

        await ClickAsync(tab, "#ranking-table tbody tr:first-child td a");
        tab.Page.Url.Should().Contain($"/tenants/{worst}");

        await ClickAsync(tab, "nav a[href='/candidates']");
        var others = (await tab.Page.EvalOnSelectorAllAsync<string[]>("input[data-compare]", "els => els.map(e => e.value)"))
            .Distinct().Where(id => id != worst).Take(2).ToList();
        others.Should().HaveCount(2, "the sample has more than two candidates");
        string[] ticked = [worst, .. others];
        foreach (var id in ticked)
        {
            await tab.Page.Locator($"input[data-compare][value='{id}']").First.CheckAsync();
        }

        await ClickAsync(tab, "#compare-link");
        (await tab.Page.EvalOnSelectorAllAsync<string[]>("#compare .panel", "els => els.map(e => e.dataset.tenant)"))
            .Should().BeEquivalentTo(ticked, "the three ticked tenants stand side by side");

        await ClickAsync(tab, $"#compare .panel[data-tenant='{worst}'] h2 a");
        var form = tab.Page.Locator($".flag-block[data-flag='{flag}'] form.decide");
        await form.Locator("select[name='action']").SelectOptionAsync("accept");
        await form.Locator("input[name='note']").FillAsync("开始招商替换。");
        await form.Locator("button").ClickAsync();
        await tab.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        (await tab.Page.GetAttributeAsync($".flag-block[data-flag='{flag}'] .decision", "data-action")).Should().Be("accept");
        (await tab.Page.InnerTextAsync("#decisions")).Should().Contain("开始招商替换。");

        await ClickAsync(tab, "nav a[href='/tenants']");
        await tab.Page.SelectOptionAsync("select[name='flag']", flag);
        await ClickAsync(tab, "#apply");
        var download = await tab.Page.RunAndWaitForDownloadAsync(() => tab.Page.ClickAsync("#download-xlsx"));
        await using var file = File.OpenRead(await download.PathAsync());
        using var book = new XLWorkbook(file);
        var sheet = book.Worksheets.First();
        var flagged = sample.Flags.Rows.Where(f => f["flag"] == flag).Select(f => f["tenant_id"]).ToHashSet();
        var ids = Enumerable.Range(2, sheet.LastRowUsed().RowNumber() - 1).Select(r => sheet.Cell(r, 1).GetString()).ToList();
        ids.Should().BeEquivalentTo(flagged, "the download holds exactly the filtered rows");
        ids[0].Should().Be(worst);
        tab.Problems.Should().BeEmpty();
    }

    private static async Task ClickAsync(Tab tab, string selector)
    {
        await tab.Page.Locator(selector).First.ClickAsync();
        await tab.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
    }
}
