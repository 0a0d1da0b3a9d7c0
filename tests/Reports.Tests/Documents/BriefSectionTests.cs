using Analytics.Model.Flags;
using Analytics.Reports.Language;
using Analytics.Reports.Tests.Support;

namespace Analytics.Reports.Tests.Documents;

// Briefs are lists of section classes: the brief numbers the headings from the list, titles come from the labels
// tables (a flag's list from its rule), and a sentence pointing to a section asks for its number.
[Collection(SampleReportsCollection.Name)]
public sealed class BriefSectionTests(SampleReports sample)
{
    private Reports.Briefs.MonthlyBrief Monthly(ReportLanguage language) =>
        new(sample.Data, "main", language, Reports.Documents.ReportSettings.Default, DateOnly.FromDateTime(SampleReports.Now.UtcDateTime));

    [Fact]
    public void Monthly_Headings_AreNumberedInListOrderInBothLanguages()
    {
        var en = Monthly(ReportLanguage.English);
        var zh = Monthly(ReportLanguage.Chinese);
        en.Headings.Should().HaveCount(en.Sections.Count);
        en.Headings.Select((h, i) => h.StartsWith($"{i + 1}. ", StringComparison.Ordinal)).Should().AllBeEquivalentTo(true);
        en.Headings[10].Should().Be("11. " + ReportLanguage.English.Label("monthly_audit"));
        zh.Headings[0].Should().Be("一、" + ReportLanguage.Chinese.Label("monthly_summary"));
        zh.Headings[9].Should().Be("十、" + ReportLanguage.Chinese.Label("monthly_complaints"));
        zh.Headings[13].Should().Be("十四、" + ReportLanguage.Chinese.Label("monthly_contest"));
        zh.Headings[14].Should().Be("十五、" + ReportLanguage.Chinese.Label("monthly_sheet_deliveries"), "a section inserted before it moves its number on");
        en.Headings[5].Should().Be("6. " + FlagRules.Find(FlagCodes.Replace)!.ListTitle.En, "the shortlist is titled by the replace rule");
    }

    [Fact]
    public void Monthly_SummaryPointsToTheFlagSectionsByTheirNumbers()
    {
        var text = SampleReports.Flat(sample.Monthly["en"]);
        var brief = Monthly(ReportLanguage.English);
        brief.NumberOf<Reports.Briefs.Monthly.ShortlistSection>().Should().Be("6");
        brief.NumberOf<Reports.Briefs.Monthly.AdjustmentsSection>().Should().Be("7");
        text.Should().Contain(SampleReports.Flat("sales audits (sections 6 and 7)."));
        Monthly(ReportLanguage.Chinese).NumberOf<Reports.Briefs.Monthly.AdjustmentsSection>().Should().Be("七");
    }

    [Fact]
    public void Monthly_EveryFlagButReplace_HasItsListUnderItsRulesTitle()
    {
        foreach (var code in new[] { "en", "zh" })
        {
            var text = SampleReports.Flat(sample.Monthly[code]);
            foreach (var rule in FlagRules.All.Where(r => r.Code != FlagCodes.Replace))
                text.Should().Contain(SampleReports.Flat(code == "zh" ? rule.ListTitle.Zh : rule.ListTitle.En));
        }
    }

    [Fact]
    public void Weekly_And_Merchant_Headings_ComeFromTheLabels()
    {
        var weekly = SampleReports.Flat(sample.Weekly["zh"]);
        var at = 0;
        foreach (var heading in new[] { "一、销售", "二、顾客投诉", "三、巡场检查", "四、欠费增加", "五、新增预警", "六、商户诉求", "七、信用等级变动" })
        {
            var found = weekly.IndexOf(SampleReports.Flat(heading), at, StringComparison.Ordinal);
            found.Should().BeGreaterThan(at, "'{0}' follows the heading before it", heading);
            at = found;
        }

        var score = sample.Data.Analysis.Scores[0];
        var sheet = new Reports.Briefs.MerchantSheet(sample.Data, score, ReportLanguage.English, Reports.Documents.ReportSettings.Default, new DateOnly(2026, 11, 1));
        sheet.Headings.Should().Equal("Sales", "Rent and payments", "Customers and floor patrols", "Your score", "Suggestions");
    }
}
