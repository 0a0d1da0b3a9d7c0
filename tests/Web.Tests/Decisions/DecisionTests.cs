using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Auth;
using Analytics.Api.Server;
using Analytics.Api.Web;
using Analytics.Model.Metrics;
using Analytics.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web.Tests.Decisions;

/// <summary>
/// A decision recorded in the browser is stored, audited, served by /api/decisions, shown in the workspace and in the
/// monthly brief, and keeps the flag from being "new" (the weekly brief's list) while it stands.
/// </summary>
[Collection(SampleWorkspaceCollection.Name)]
public sealed class DecisionTests(SampleWorkspace sample, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task DeferRecordedInTheBrowser_ShowsInApiWorkspaceAndBriefs()
    {
        var flag = sample.Flags.Rows[^1];
        var id = flag["tenant_id"];
        var code = flag["flag"];
        var period = Month.Parse(sample.Period);
        var figures = sample.Services.GetRequiredService<WorkspaceFigures>();

        await using var tab = await Tab.OpenAsync(browser, sample, "leasing", "en");
        await tab.GotoAsync($"/tenants/{id}?period={sample.Period}");
        var form = tab.Page.Locator($".flag-block[data-flag='{code}'] form.decide");
        await form.Locator("select[name='action']").SelectOptionAsync("defer");
        await form.Locator("input[name='until']").FillAsync("2027-03-31");
        await form.Locator("input[name='note']").FillAsync("Wait for the spring quarter's sales.");
        await form.Locator("button").ClickAsync();
        await tab.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        (await tab.Page.InnerTextAsync($".flag-block[data-flag='{code}'] .decision")).Should()
            .Contain("Decision: deferred until 2027-03-31 (leasing, 2026-11-02): Wait for the spring quarter's sales.");

        using var api = sample.ApiClient("gm");
        var listed = await api.GetFromJsonAsync<JsonElement>($"/api/decisions?tenant={id}");
        listed.EnumerateArray().Should().ContainSingle(d => d.GetProperty("flag").GetString() == code && d.GetProperty("action").GetString() == "defer"
            && d.GetProperty("until").GetString() == "2027-03-31" && d.GetProperty("decidedBy").GetString() == "leasing");

        using (var connection = sample.Services.GetRequiredService<WarehouseAccess>().Connect())
        {
            AuditLog.Recent(connection, 50).Should().Contain(e => e.Action == "decision" && e.UserName == "leasing" && e.Resource.Contains(id));
        }

        figures.NewFlags(period).Should().NotContain(f => f.Score.Frame.Metrics.TenantId == id && f.Code == code,
            "a deferred flag is not new (the weekly brief's list) before its date");

        var monthly = await api.GetByteArrayAsync($"/api/reports/monthly/{sample.Period}?lang=en");
        PdfText(monthly).Should().Contain("deferred until 2027-03-31", "the monthly brief shows the flag's decision");
        tab.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Gm_CannotDecide_AndApiNeedsTheAntiforgeryTokenWithASession()
    {
        var flag = sample.Flags.Rows[0];
        await using var tab = await Tab.OpenAsync(browser, sample, "gm");
        await tab.GotoAsync($"/tenants/{flag["tenant_id"]}?period={sample.Period}");
        (await tab.Page.QuerySelectorAsync("form.decide")).Should().BeNull("the GM reads; leasing and admin decide");

        var body = new { tenantId = flag["tenant_id"], flag = flag["flag"], period = sample.Period, action = "accept", note = "x" };
        using var gm = sample.ApiClient("gm");
        (await gm.PostAsJsonAsync("/api/decisions", body)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        await using var leasing = await Tab.OpenAsync(browser, sample, "leasing");
        leasing.ExpectErrors = true;
        var forged = await leasing.Page.APIRequest.PostAsync(new Uri(sample.BaseAddress, "/api/decisions").ToString(),
            new Microsoft.Playwright.APIRequestContextOptions { DataObject = body });
        forged.Status.Should().Be(400, "a cookie-authenticated change without the antiforgery token is refused");

        using var leasingKey = sample.ApiClient("leasing");
        var wrong = await leasingKey.PostAsJsonAsync("/api/decisions", body);
        var noFlag = await leasingKey.PostAsJsonAsync("/api/decisions", new { tenantId = flag["tenant_id"], flag = "no_such_flag", period = sample.Period, action = "accept", note = "" });
        noFlag.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noFlag.Content.ReadAsStringAsync()).Should().Contain("has no 'no_such_flag' flag");
        wrong.StatusCode.Should().Be(HttpStatusCode.Created, "a leasing key records through the API");
        tab.Problems.Should().BeEmpty();
    }

    private static string PdfText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
