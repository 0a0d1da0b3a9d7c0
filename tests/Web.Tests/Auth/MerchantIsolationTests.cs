using Analytics.Web.Tests.Support;

namespace Analytics.Web.Tests.Auth;

/// <summary>
/// A merchant signed in sees its own tenant only: every page and link it can reach names no other tenant, and every
/// URL of another tenant (or of a staff page) answers 404, as the API does.
/// </summary>
[Collection(SampleWorkspaceCollection.Name)]
public sealed class MerchantIsolationTests(SampleWorkspace sample, Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task EveryReachablePage_NamesNoOtherTenant(string language)
    {
        await using var tab = await Tab.OpenAsync(browser, sample, "merchant", language);
        tab.Page.Url.Should().EndWith("/merchant", "a merchant lands on its own home");
        var own = sample.Metrics.Tenant(sample.MerchantTenant)["tenant_name"];
        var others = sample.Metrics.Rows.Select(r => r["tenant_name"]).Where(n => n != own && !own.Contains(n, StringComparison.Ordinal)).Distinct().ToList();

        // Follow every link of the site from the merchant's pages (documents are PDFs: checked for status below).
        var queue = new Queue<string>(["/merchant", "/documents", $"/tenants/{sample.MerchantTenant}"]);
        var visited = new HashSet<string>();
        while (queue.Count > 0 && visited.Count < 40)
        {
            var path = queue.Dequeue();
            if (!visited.Add(path))
            {
                continue;
            }

            var response = await tab.GotoAsync(path);
            response!.Status.Should().Be(200, "{0} is the merchant's own", path);
            var html = await tab.Page.ContentAsync();
            others.Where(n => html.Contains(n, StringComparison.Ordinal)).Should().BeEmpty("{0} names no other tenant", path);
            var links = await tab.Page.EvalOnSelectorAllAsync<string[]>("a[href^='/']", "els => els.map(e => e.getAttribute('href'))");
            foreach (var link in links.Where(l => !l.StartsWith("/lang/", StringComparison.Ordinal) && !l.StartsWith("/api/", StringComparison.Ordinal)))
            {
                queue.Enqueue(link);
            }

            foreach (var pdf in links.Where(l => l.StartsWith("/api/reports/", StringComparison.Ordinal)))
            {
                pdf.Should().Contain($"/merchant/{sample.MerchantTenant}/", "the only documents offered are its own sheets");
            }
        }

        visited.Count.Should().BeGreaterThan(2);
        tab.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task TamperedUrls_Answer404()
    {
        await using var tab = await Tab.OpenAsync(browser, sample, "merchant");
        tab.ExpectErrors = true;
        var other = sample.OtherTenant;
        foreach (var path in new[]
                 {
                     $"/tenants/{other}?period={sample.Period}", $"/tenants/{other}", "/tenants/NO-SUCH-TENANT", $"/tenants?period={sample.Period}",
                     $"/tenants?format=xlsx&period={sample.Period}", $"/tenants?format=csv", "/candidates", $"/candidates?ids={other},{sample.MerchantTenant}",
                     "/drops", "/", $"/api/reports/merchant/{other}/{sample.Period}", $"/api/tenants/{other}/score", "/api/decisions",
                     $"/documents/sheet?tenant={other}&period={sample.Period}",
                 })
        {
            var response = await tab.Page.APIRequest.GetAsync(new Uri(sample.BaseAddress, path).ToString(),
                new Microsoft.Playwright.APIRequestContextOptions { MaxRedirects = 0 });
            var ok = response.Status == 404 || (path == "/" && response.Status == 302 && response.Headers["location"] == "/merchant");
            ok.Should().BeTrue("{0} answers 404 to a merchant (got {1})", path, response.Status);
            var body = await response.TextAsync();
            body.Should().NotContain(sample.Metrics.Tenant(other)["tenant_name"]);
        }

        // Its own sheet is rendered on request the first time: a few seconds, more on a busy machine.
        var own = await tab.Page.APIRequest.GetAsync(new Uri(sample.BaseAddress, $"/api/reports/merchant/{sample.MerchantTenant}/{sample.Period}?lang=zh").ToString(),
            new Microsoft.Playwright.APIRequestContextOptions { Timeout = 180_000 });
        own.Status.Should().Be(200, "its own sheet downloads with the session");
        own.Headers["content-type"].Should().Be("application/pdf");
    }
}
