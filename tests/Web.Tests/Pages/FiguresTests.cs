using System.Globalization;
using Analytics.Model.Scoring;
using Analytics.Web.Tests.Support;

namespace Analytics.Web.Tests.Pages;

/// <summary>The figures on the pages are the exports' figures for the same month (metrics, score, flags), to the digit.</summary>
[Collection(SampleWorkspaceCollection.Name)]
public sealed class FiguresTests(SampleWorkspace sample, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Ranking_ShowsEveryTenantWithTheExportedFigures()
    {
        await using var tab = await Tab.OpenAsync(browser, sample, "leasing");
        await tab.GotoAsync($"/tenants?period={sample.Period}&size=200");

        // One read of the whole table (a round trip per cell would take minutes): each row's id, flags and data-v per column.
        var rows = await tab.Page.EvalOnSelectorAllAsync<Dictionary<string, string>[]>("#ranking-table tbody tr", """
            rows => rows.map(r => {
                const o = { id: r.dataset.tenant, flags: [...r.querySelectorAll('[data-flag]')].map(e => e.dataset.flag).sort().join(';') };
                r.querySelectorAll('td[data-col]').forEach(td => { if (td.dataset.v !== undefined) o[td.dataset.col] = td.dataset.v; });
                return o;
            })
            """);
        rows.Length.Should().Be(sample.Scores.Rows.Count, "every tenant in force is ranked (the sample fits one page of 200)");
        foreach (var row in rows)
        {
            var id = row["id"];
            var score = sample.Scores.Tenant(id);
            var metrics = sample.Metrics.Tenant(id);
            row["score"].Should().Be(score["total"], "tenant {0}'s score", id);
            foreach (var p in TenantScore.PillarNames)
            {
                row[p].Should().Be(score[p + "_score"], "tenant {0}'s {1} pillar", id, p);
            }

            row["density"].Should().Be(metrics["sales_density"]);
            row["yoy"].Should().Be(metrics["yoy"]);
            row["ocr"].Should().Be(metrics["ocr_ttm"]);
            row["arrears"].Should().Be(metrics["arrears"]);
            row["flags"].Should().Be(string.Join(";", sample.Flags.Rows.Where(f => f["tenant_id"] == id).Select(f => f["flag"]).Order(StringComparer.Ordinal)),
                "tenant {0}'s flags", id);
        }

        tab.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Diagnosis_ShowsTheExportedScoreAndPillars()
    {
        var id = sample.Flags.Rows[0]["tenant_id"];
        var score = sample.Scores.Tenant(id);
        var metrics = sample.Metrics.Tenant(id);
        await using var tab = await Tab.OpenAsync(browser, sample, "gm", "en");
        await tab.GotoAsync($"/tenants/{id}?period={sample.Period}");

        (await tab.Page.GetAttributeAsync("#score", "data-v")).Should().Be(score["total"]);
        (await tab.Page.GetAttributeAsync("#density", "data-v")).Should().Be(metrics["sales_density"]);
        (await tab.Page.GetAttributeAsync("#arrears", "data-v")).Should().Be(metrics["arrears"]);
        foreach (var p in TenantScore.PillarNames)
        {
            var values = await tab.Page.EvalOnSelectorAllAsync<string[]>($"#pillars tr[data-pillar='{p}'] td", "els => els.map(e => e.dataset.v)");
            values.Should().Equal(score[p + "_score"], score[p + "_raw"], score[p + "_peer_median"]);
        }

        var reasons = sample.Flags.Rows.Where(f => f["tenant_id"] == id).Select(f => f["reasons"]);
        var text = await tab.TextAsync();
        foreach (var reason in reasons)
        {
            text.Should().Contain(reason, "the flag's reasons are the flags export's, word for word");
        }

        tab.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Overview_TotalsAreTheExportsTotals()
    {
        await using var tab = await Tab.OpenAsync(browser, sample, "gm");
        await tab.GotoAsync("/?period=" + sample.Period);

        var arrears = sample.Metrics.Rows.Sum(r => decimal.Parse(r["arrears"], CultureInfo.InvariantCulture));
        decimal.Parse((await tab.Page.GetAttributeAsync("#tile-arrears .value", "data-v"))!, CultureInfo.InvariantCulture).Should().Be(arrears);
        (await tab.Page.InnerTextAsync("#tile-tenants .value")).Replace(",", "").Should().Be(sample.Metrics.Rows.Count.ToString(CultureInfo.InvariantCulture));
        (await tab.Page.InnerTextAsync("#tile-flags .value")).Should().Be(sample.Flags.Rows.Count.ToString(CultureInfo.InvariantCulture));
        await tab.Page.WaitForSelectorAsync("[data-chart] canvas");
        tab.Problems.Should().BeEmpty();
    }
}
