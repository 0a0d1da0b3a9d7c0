using Analytics.Web.Tests.Support;
using SkiaSharp;

namespace Analytics.Web.Tests.Pages;

/// <summary>
/// Each page in both languages as a screenshot under docs/samples/web/ (written with UPDATE_VISUALS=1), and the pages
/// whose look does not depend on what other tests record compared with those references, like the PDFs' visual tests:
/// an unintended change of layout, colour or text fails; after an intended one, refresh with UPDATE_VISUALS=1 and look.
/// </summary>
[Collection(SampleWorkspaceCollection.Name)]
public sealed class ScreenshotTests(SampleWorkspace sample, Browser browser) : IClassFixture<Browser>
{
    // A pixel whose channels moved by more than this counts as changed (font hinting noise stays below); the share of
    // changed pixels allowed is far below one changed word or figure.
    private const int ChannelTolerance = 40;
    private const double ChangedShareAllowed = 0.002;

    private static bool Update => Environment.GetEnvironmentVariable("UPDATE_VISUALS") == "1";

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task StablePages_LookLikeTheReferences(string language)
    {
        await using var tab = await Tab.OpenAsync(browser, sample, null, language);
        await tab.GotoAsync("/login");
        await Compare(tab, $"login-{language}.png");

        await tab.SignInAsync("admin", SampleWorkspace.Password);
        await tab.GotoAsync($"/tenants?period={sample.Period}");
        await Compare(tab, $"ranking-{language}.png");
        await tab.GotoAsync($"/documents?period={sample.Period}");
        await Compare(tab, $"documents-{language}.png");
        tab.Problems.Should().BeEmpty();
    }

    [SkippableTheory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task EveryPage_Screenshot_ForTheDocs(string language)
    {
        Skip.IfNot(Update, "screenshots for docs/samples/web are written with UPDATE_VISUALS=1");
        var tenant = sample.Flags.Rows.First(f => f["flag"] == "replace")["tenant_id"];
        await using var tab = await Tab.OpenAsync(browser, sample, "admin", language);
        foreach (var (name, path) in new[]
                 {
                     ("overview", "/"), ("diagnosis", $"/tenants/{tenant}"), ("candidates", $"/candidates?ids={tenant},{sample.OtherTenant}"), ("drops", "/drops"),
                 })
        {
            await tab.GotoAsync(path + (path.Contains('?') ? "&" : "?") + "period=" + sample.Period);
            await Save(tab, $"{name}-{language}.png");
        }

        await using var merchant = await Tab.OpenAsync(browser, sample, "merchant", language);
        await Save(merchant, $"merchant-{language}.png");
        await using var phone = await Tab.OpenAsync(browser, sample, "gm", language, width: 390, height: 844);
        await phone.GotoAsync("/?period=" + sample.Period);
        await Save(phone, $"overview-phone-{language}.png");
        (tab.Problems.Concat(merchant.Problems).Concat(phone.Problems)).Should().BeEmpty();
    }

    private async Task Save(Tab tab, string name)
    {
        await WaitForCharts(tab);
        await tab.Page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = Path.Combine(Folder(), name) });
    }

    private async Task Compare(Tab tab, string name)
    {
        await WaitForCharts(tab);
        var reference = Path.Combine(Folder(), name);
        var actual = await tab.Page.ScreenshotAsync();
        if (Update)
        {
            await File.WriteAllBytesAsync(reference, actual);
            return;
        }

        File.Exists(reference).Should().BeTrue("the reference {0} exists (create it with UPDATE_VISUALS=1 and look at it)", reference);
        using var expected = SKBitmap.Decode(reference);
        using var got = SKBitmap.Decode(actual);
        got.Width.Should().Be(expected.Width);
        got.Height.Should().Be(expected.Height);
        var a = expected.Pixels;
        var b = got.Pixels;
        var changed = a.Zip(b).Count(p => Math.Max(Math.Abs(p.First.Red - p.Second.Red),
            Math.Max(Math.Abs(p.First.Green - p.Second.Green), Math.Abs(p.First.Blue - p.Second.Blue))) > ChannelTolerance);
        if (changed > a.Length * ChangedShareAllowed)
        {
            var path = Path.Combine(Path.GetTempPath(), "web-" + name);
            await File.WriteAllBytesAsync(path, actual);
            changed.Should().BeLessThanOrEqualTo((int)(a.Length * ChangedShareAllowed), "{0} should look like {1}; this render is at {2}", name, reference, path);
        }
    }

    private static async Task WaitForCharts(Tab tab)
    {
        if (await tab.Page.QuerySelectorAsync("[data-chart]") is not null)
        {
            await tab.Page.WaitForSelectorAsync("[data-chart] canvas");
        }
    }

    private string Folder()
    {
        var folder = Path.Combine(sample.Root, "docs", "samples", "web");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
