using System.Globalization;
using Analytics.Api.Web.Ranking;
using Analytics.Web.Tests.Support;
using ClosedXML.Excel;

namespace Analytics.Web.Tests.Pages;

/// <summary>Sorting, filtering, paging and the downloads of the ranking give exactly the right rows.</summary>
[Collection(SampleWorkspaceCollection.Name)]
public sealed class RankingTests(SampleWorkspace sample, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task SortByArrears_ClickedInTheHeader_OrdersLikeTheExport()
    {
        await using var tab = await Tab.OpenAsync(browser, sample, "leasing");
        await tab.GotoAsync("/tenants?period=" + sample.Period);
        await SwapAsync(tab, "th a[data-sort='arrears']");
        tab.Page.Url.Should().Contain("sort=arrears", "the view is a link (htmx pushes the URL)");

        var expected = sample.Metrics.Rows
            .OrderByDescending(r => decimal.Parse(r["arrears"], CultureInfo.InvariantCulture)).ThenBy(r => r["tenant_id"], StringComparer.Ordinal)
            .Take(50).Select(r => r["tenant_id"]);
        (await Ids(tab)).Should().Equal(expected);
        tab.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task FilterAndPaging_GiveTheMatchingRows()
    {
        var category = sample.Metrics.Rows.GroupBy(r => r["category"]).OrderByDescending(g => g.Count()).First().Key;
        var expected = Expected(r => r["category"] == category);
        await using var tab = await Tab.OpenAsync(browser, sample, "admin", "en");
        await tab.GotoAsync($"/tenants?period={sample.Period}&size=5");
        await tab.Page.SelectOptionAsync("select[name='category']", category);
        await tab.Page.ClickAsync("#apply");
        await tab.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        (await tab.Page.GetAttributeAsync("#match-count", "data-v")).Should().Be(expected.Count.ToString(CultureInfo.InvariantCulture));
        var seen = new List<string>();
        while (true)
        {
            seen.AddRange(await Ids(tab));
            if (await tab.Page.QuerySelectorAsync("#next-page") is not { } next)
            {
                break;
            }

            await SwapAsync(tab, "#next-page");
        }

        seen.Should().Equal(expected, "the pages together are the filtered rows, in score order, each once");
        tab.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Downloads_HoldExactlyTheFilteredRows()
    {
        var flag = sample.Flags.Rows.GroupBy(f => f["flag"]).OrderByDescending(g => g.Count()).First().Key;
        var flagged = sample.Flags.Rows.Where(f => f["flag"] == flag).Select(f => f["tenant_id"]).ToHashSet();
        var expected = Expected(r => flagged.Contains(r["tenant_id"]));
        await using var tab = await Tab.OpenAsync(browser, sample, "leasing");
        await tab.GotoAsync($"/tenants?period={sample.Period}&flag={flag}");

        var xlsx = await tab.Page.RunAndWaitForDownloadAsync(() => tab.Page.ClickAsync("#download-xlsx"));
        await using (var file = File.OpenRead(await xlsx.PathAsync()))
        using (var book = new XLWorkbook(file))
        {
            var sheet = book.Worksheets.First();
            sheet.SheetView.SplitRow.Should().Be(1, "the header row is frozen");
            sheet.Cell(1, 1).GetString().Should().Be("tenant_id");
            var last = sheet.LastRowUsed().RowNumber();
            Enumerable.Range(2, last - 1).Select(r => sheet.Cell(r, 1).GetString()).Should().Equal(expected);
            sheet.CellsUsed().Any(c => c.HasFormula).Should().BeFalse("an export never carries a formula");
            var scoreColumn = RankingExport.Headers.ToList().IndexOf("score") + 1;
            sheet.Cell(2, scoreColumn).Style.NumberFormat.Format.Should().Be("0.0");
            sheet.Cell(2, scoreColumn).DataType.Should().Be(XLDataType.Number);
            sheet.Cell(2, scoreColumn).GetDouble().ToString("0.####", CultureInfo.InvariantCulture)
                .Should().Be(sample.Scores.Tenant(expected[0])["total"]);
        }

        var csv = await tab.Page.RunAndWaitForDownloadAsync(() => tab.Page.ClickAsync("#download-csv"));
        var rows = ExportCsv.Parse(await File.ReadAllTextAsync(await csv.PathAsync()));
        rows.Rows.Select(r => r["tenant_id"]).Should().Equal(expected);
        tab.Problems.Should().BeEmpty();
    }

    /// <summary>The ranking's default order from the exports: score ascending (worst first), unknown scores last, ties by id.</summary>
    private List<string> Expected(Func<Dictionary<string, string>, bool> filter) =>
        sample.Metrics.Rows.Where(filter).Select(r => (Id: r["tenant_id"], Score: sample.Scores.Tenant(r["tenant_id"])["total"]))
            .OrderBy(r => r.Score.Length == 0 ? 1 : 0)
            .ThenBy(r => r.Score.Length == 0 ? 0 : double.Parse(r.Score, CultureInfo.InvariantCulture))
            .ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id).ToList();

    /// <summary>Clicks a link inside the htmx-boosted ranking and waits until the table has been swapped for the new one.</summary>
    private static async Task SwapAsync(Tab tab, string selector)
    {
        var old = await tab.Page.QuerySelectorAsync("#ranking-table");
        await tab.Page.ClickAsync(selector);
        await tab.Page.WaitForFunctionAsync("el => !el.isConnected", old);
        await tab.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
    }

    private static async Task<IReadOnlyList<string>> Ids(Tab tab) =>
        await tab.Page.EvalOnSelectorAllAsync<string[]>("#ranking-table tbody tr", "rows => rows.map(r => r.dataset.tenant)");
}
