using Analytics.Model.Audit;
using Analytics.Model.Budget;
using Analytics.Model.Credit;
using Analytics.Model.Requests;
using Analytics.Reports.Language;
using Analytics.Reports.Tests.Support;

namespace Analytics.Reports.Tests.Documents;

/// <summary>The turnover-rent audit, budget and merchants' requests as the sample's documents show them.</summary>
[Collection(SampleReportsCollection.Name)]
public sealed class OperationsSectionsTests(SampleReports sample)
{
    public static TheoryData<string> Languages => ["en", "zh"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Monthly_Audit_TotalsAndTheLargestCase(string code)
    {
        var language = ReportLanguage.Parse(code);
        var text = SampleReports.Flat(sample.Monthly[code]);
        var findings = TurnoverAudit.Run(sample.Connection, "main", sample.Period);
        var largest = findings.MaxBy(f => Math.Abs(f.Difference))!;

        findings.Should().Contain(f => f.Difference < 0).And.Contain(f => f.Difference > 0);
        text.Should().Contain(SampleReports.Flat(language.Money(-findings.Where(f => f.Difference < 0).Sum(f => f.Difference))))
            .And.Contain(SampleReports.Flat(language.Money(findings.Where(f => f.Difference > 0).Sum(f => f.Difference))))
            .And.Contain(SampleReports.Flat($"{largest.TenantName} ({largest.TenantId})" + Month.Of(largest.Period)))
            .And.Contain(SampleReports.Flat(Briefs.Terms.Name(largest.Reason, language)));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Monthly_Budget_MonthAndYearToDateAgainstBudget(string code)
    {
        var language = ReportLanguage.Parse(code);
        var text = SampleReports.Flat(sample.Monthly[code]);
        var budget = BudgetFigures.Query(sample.Connection, "main", sample.Period);

        text.Should().Contain(SampleReports.Flat(language.Label("budget_sales_ytd")))
            .And.Contain(SampleReports.Flat(language.SignedPercent(budget.Ytd.SalesVsBudget!.Value)))
            .And.Contain(SampleReports.Flat(language.SignedPercent(budget.Month.RentVsBudget!.Value)));
        var furthest = budget.Tenants.Where(t => t.Ytd.SalesVsBudget is not null).MinBy(t => t.Ytd.SalesVsBudget)!;
        text.Should().Contain(SampleReports.Flat($"{furthest.TenantName} ({furthest.TenantId})"));
    }

    [Fact]
    public void Monthly_Requests_OneRowPerCategoryWithItsCounts()
    {
        var text = SampleReports.Flat(sample.Monthly["en"]);
        var rows = RequestList.ByCategory(sample.Connection, "main", sample.Period, RequestSettings.Default);

        rows.Should().NotBeEmpty();
        foreach (var r in rows)
        {
            text.Should().Contain(SampleReports.Flat($"{Briefs.Terms.Name(r.Category, ReportLanguage.English)}{r.Raised}{r.Resolved}{r.Open}{r.Overdue}"), because: r.Category);
        }
    }

    [Fact]
    public void Weekly_Requests_NamesTheOldestOpenRequest()
    {
        var text = SampleReports.Flat(sample.Weekly["en"]);
        var oldest = RequestList.Open(sample.Connection, "main", sample.Week.Sunday, RequestSettings.Default)[0];

        text.Should().Contain(SampleReports.Flat(ReportLanguage.English.Label("weekly_requests")))
            .And.Contain(SampleReports.Flat($"{oldest.TenantName} ({oldest.TenantId})"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Merchant_OwnTargetAndOwnOpenRequests(string code)
    {
        var language = ReportLanguage.Parse(code);
        var withTarget = sample.Metrics.Where(m => m.SalesBudget is not null && m.RequestsOpen > 0).OrderBy(m => m.TenantId, StringComparer.Ordinal).First();
        var withoutTarget = sample.Metrics.First(m => m.SalesBudget is null);
        string Sheet(string id) => SampleReports.Flat(sample.Merchants[code].Single(f => f.FileName.StartsWith($"merchant-{id}-", StringComparison.Ordinal)).Pdf);

        Sheet(withTarget.TenantId).Should().Contain(SampleReports.Flat(language.Label("merchant_target")))
            .And.Contain(SampleReports.Flat(language.Money(withTarget.SalesBudget!.Value)))
            .And.Contain(SampleReports.Flat(language.Label("merchant_requests")));
        Sheet(withoutTarget.TenantId).Should().NotContain(SampleReports.Flat(language.Label("merchant_target")));
    }

    [Fact]
    public void Weekly_Credit_ListsTheGradesThatFell()
    {
        var text = SampleReports.Flat(sample.Weekly["en"]);
        var month = sample.Week.FlagMonth(Analytics.Model.Metrics.SalesDays.Last(sample.Connection, null));
        var changes = CreditFile.Changes(sample.Connection, "main", month, new CreditSettings());

        text.Should().Contain(SampleReports.Flat(ReportLanguage.English.Label("weekly_credit")));
        changes.Should().NotBeEmpty(because: "the sample's planted stories move some tenants' grades");
        var fell = changes.Where(c => string.CompareOrdinal(c.Now.Grade, c.Before) > 0).OrderByDescending(c => c.Now.Grade, StringComparer.Ordinal)
            .ThenBy(c => c.Now.TenantId, StringComparer.Ordinal).First();
        text.Should().Contain(SampleReports.Flat($"{fell.Now.TenantName} ({fell.Now.TenantId}){fell.Before}{fell.Now.Grade}{fell.Now.Points}"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Merchant_CreditGradeAndWhatWouldRaiseIt(string code)
    {
        var language = ReportLanguage.Parse(code);
        var grades = CreditFile.Grade(sample.Connection, "main", sample.Period, new CreditSettings());
        var low = grades.Where(g => g.Grade is "C" or "D").OrderBy(g => g.TenantId, StringComparer.Ordinal).First();
        var rules = new CreditSettings();
        var floor = rules.NextGradeFloor(low.Grade)!.Value;
        var text = SampleReports.Flat(sample.Merchants[code].Single(f => f.FileName.StartsWith($"merchant-{low.TenantId}-", StringComparison.Ordinal)).Pdf);

        text.Should().Contain(SampleReports.Flat(language.Label("merchant_credit_line", low.Grade, language.Number(low.Points),
                language.Month(sample.Period.Year, sample.Period.Number))))
            .And.Contain(SampleReports.Flat(language.Label("merchant_credit_raise", language.Number(floor - low.Points), rules.GradeOf(floor))));
    }
}
