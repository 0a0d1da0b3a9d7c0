using Analytics.Web.Tests.Support;

namespace Analytics.Web.Tests.Pages;

/// <summary>/drops: an admin uploads through the page (progress bar, session + antiforgery token) and reads the outcome with its rejected rows.</summary>
[Collection(SampleWorkspaceCollection.Name)]
public sealed class DropsTests(SampleWorkspace sample, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task UploadOfABadDrop_ShowsRefusalAndRejectedRows_WarehouseUnchanged()
    {
        var folder = Path.Combine(sample.Folder, "upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "sales.csv");
        await File.WriteAllTextAsync(file, "tenant_id,date,net_sales\n" + string.Concat(Enumerable.Range(1, 10)
            .Select(d => $"{sample.MerchantTenant},2026-10-{d:D2},{(d <= 2 ? "12.5" : "lots")}\n")));

        await using var tab = await Tab.OpenAsync(browser, sample, "admin", "en");
        await tab.GotoAsync("/drops");
        await tab.Page.SetInputFilesAsync("#upload-files", file);
        await tab.Page.ClickAsync("#upload");
        await tab.Page.WaitForSelectorAsync("#drop-status[data-status='refused']", new() { Timeout = 120_000 });

        (await tab.Page.GetAttributeAsync("#upload-progress", "value")).Should().Be("100");
        var rejects = await tab.Page.EvalOnSelectorAllAsync<string[]>("#drop-rejects tbody tr, #drop-rejects tr:not(:first-child)", "rows => rows.map(r => r.innerText)");
        rejects.Should().HaveCountGreaterThanOrEqualTo(8, "each unreadable amount is listed with its line and reason");
        rejects.Should().Contain(r => r.Contains("lots"));
        tab.Problems.Should().BeEmpty();
    }
}
