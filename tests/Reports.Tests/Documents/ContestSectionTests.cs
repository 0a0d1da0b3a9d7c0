using Analytics.Model.Contest;
using Analytics.Reports.Language;
using Analytics.Reports.Tests.Support;

namespace Analytics.Reports.Tests.Documents;

/// <summary>The sales contest (营业竞赛) as the sample's monthly brief and merchant sheets show it.</summary>
[Collection(SampleReportsCollection.Name)]
public sealed class ContestSectionTests(SampleReports sample)
{
    public static TheoryData<string> Languages => ["en", "zh"];

    private ContestResult Contest => SalesContest.Query(sample.Connection, "main", sample.Period, new ContestSettings());

    private string Sheet(string code, string tenantId) =>
        SampleReports.Flat(sample.Merchants[code].Single(f => f.FileName.StartsWith($"merchant-{tenantId}-", StringComparison.Ordinal)).Pdf);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Monthly_Contest_EveryCategoryWinnerAndTheMallWinners(string code)
    {
        var text = SampleReports.Flat(sample.Monthly[code]);
        var contest = Contest;

        contest.Winners.Should().NotBeEmpty();
        text.Should().Contain(SampleReports.Flat(code == "en" ? "14. Sales contest" : "十四、营业竞赛"));
        foreach (var w in contest.Winners.Where(w => w.Scope == ContestWinner.CategoryScope))
        {
            // In a table cell a long name wraps, and its lines interleave with the next cells': the id is the check.
            text.Should().Contain($"({w.TenantId})", because: $"{w.Category} {w.Award}");
        }

        foreach (var mall in contest.Winners.Where(w => w.Scope == ContestWinner.MallScope))
        {
            var label = (mall.Award, code) switch
            {
                (ContestWinner.BestDensity, "en") => "Mall-wide best sales per m²: ",
                (ContestWinner.BestDensity, _) => "全场坪效冠军：",
                (_, "en") => "Mall-wide most improved: ",
                _ => "全场进步最快：",
            };
            text.Should().Contain(SampleReports.Flat($"{label}{mall.TenantName} ({mall.TenantId})"));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Merchant_WinnerSaysSoWithItsOwnFigure_OthersSayNothing(string code)
    {
        var language = ReportLanguage.Parse(code);
        var contest = Contest;
        var winner = contest.Winners.First(w => w.Scope == ContestWinner.CategoryScope && w.Award == ContestWinner.BestDensity);
        var loser = sample.Metrics.Where(m => contest.WinsOf("main", m.TenantId).Count == 0).OrderBy(m => m.TenantId, StringComparer.Ordinal).First();
        var marker = SampleReports.Flat(code == "en" ? "Sales contest:" : "营业竞赛：");

        var text = Sheet(code, winner.TenantId);
        text.Should().Contain(marker).And.Contain(SampleReports.Flat(language.Money((decimal)winner.Value)));
        // That the winner's sheet, like every sheet, names no other tenant: MerchantSheetTests.AllMerchants_EverySheet_NamesNoOtherTenant.
        Sheet(code, loser.TenantId).Should().NotContain(marker);
    }
}
