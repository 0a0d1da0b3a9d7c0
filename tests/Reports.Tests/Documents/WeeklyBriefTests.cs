using System.Globalization;
using Analytics.Reports.Language;
using Analytics.Reports.Tests.Support;

namespace Analytics.Reports.Tests.Documents;

[Collection(SampleReportsCollection.Name)]
public sealed class WeeklyBriefTests(SampleReports sample)
{
    public static TheoryData<string> Languages => ["en", "zh"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Weekly_SampleWeek_HasEverySectionInOrderOnAtMostFourPages(string code)
    {
        var pdf = sample.Weekly[code];
        var sections = code == "zh"
            ? new[] { "一、销售", "二、顾客投诉", "三、巡场检查", "四、欠费增加", "五、新增预警" }
            : new[] { "1. Sales", "2. Complaints", "3. Floor patrols", "4. Arrears that grew", "5. New flags" };

        using var document = TestReports.Open(pdf);
        document.NumberOfPages.Should().BeInRange(1, 4);
        var text = SampleReports.Flat(pdf);
        var at = 0;
        foreach (var section in sections)
        {
            var found = text.IndexOf(SampleReports.Flat(section), at, StringComparison.Ordinal);
            found.Should().BeGreaterThan(at, "section '{0}' follows the one before it", section);
            at = found;
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Weekly_SampleWeek_SalesTotalsMatchTheDropsSalesFile(string code)
    {
        // Checked against the CSV itself, not the warehouse: the week's total, the week before and 52 weeks before.
        var language = ReportLanguage.Parse(code);
        var text = SampleReports.Flat(sample.Weekly[code]);
        var week = sample.Week;

        text.Should().Contain(language.Money(CsvSales(week.Monday, week.Sunday)))
            .And.Contain(language.Money(CsvSales(week.Previous.Monday, week.Previous.Sunday)))
            .And.Contain(language.Money(CsvSales(week.SameWeekLastYear.Monday, week.SameWeekLastYear.Sunday)));
    }

    [Fact]
    public void Weekly_SampleWeek_ListsEveryLateOpeningAndEarlyClosingOfTheWeek()
    {
        var text = SampleReports.Flat(sample.Weekly["en"]);
        var week = sample.Week;
        var rows = CsvRows("inspections.csv")
            .Where(r => r[2] is "late_open" or "early_close")
            .Where(r => Day(r[0]) is { } d && d >= week.Monday && d <= week.Sunday)
            .ToList();

        rows.Should().NotBeEmpty("the sample week has late openings or early closings to list");
        foreach (var r in rows)
            text.Should().Contain($"({r[1]})" + (r[2] == "late_open" ? "Lateopening" : "Earlyclosing") + r[3]);
    }

    [Fact]
    public void Weekly_SampleWeek_NewComplaintsAreThoseReceivedInTheWeek()
    {
        var week = sample.Week;
        // A description may hold line breaks: a continuation line starts with no date and is skipped.
        var count = CsvRows("complaints.csv").Count(r => r.Length > 0 && r[0].Length >= 10 && Day(r[0][..10]) is { } d && d >= week.Monday && d <= week.Sunday);

        SampleReports.Flat(sample.Weekly["en"]).Should().Contain($"Newthisweek({count})");
        SampleReports.Flat(sample.Weekly["zh"]).Should().Contain($"本周新增（{count}宗）");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Weekly_SampleWeek_NewFlagsAreFlagsTheMonthBeforeDidNotRaise(string code)
    {
        var text = SampleReports.Flat(sample.Weekly[code]);
        var flags = sample.Data.Analysis.Flags;

        var listed = 0;
        var fresh = 0;
        foreach (var flag in flags)
        {
            var m = flag.Score.Frame.Metrics;
            var isListed = text.Contains(SampleReports.Flat($"{m.TenantName} ({m.TenantId})") + SampleReports.Flat(Briefs.Terms.Name(flag.Code, ReportLanguage.Parse(code))), StringComparison.Ordinal);
            var isNew = !sample.PreviousFlags.Contains((m.TenantId, flag.Code));
            if (isListed)
                isNew.Should().BeTrue("{0} {1} is listed, so the month before did not raise it", m.TenantId, flag.Code);
            listed += isListed ? 1 : 0;
            fresh += isNew ? 1 : 0;
        }

        fresh.Should().BePositive("the sample's latest month raises flags the month before did not");
        listed.Should().Be(Math.Min(fresh, Reports.Documents.ReportSettings.Default.WeeklyListRows), "every new flag is listed, up to the list length");
    }

    [Fact]
    public void Weekly_SampleWeek_PassesQpdfCheck()
    {
        foreach (var (code, pdf) in sample.Weekly)
        {
            var (exitCode, output) = TestReports.Run("qpdf", "--check " + sample.Save($"weekly-{code}.pdf", pdf));
            exitCode.Should().Be(0, output);
        }
    }

    [Fact]
    public void Weekly_SampleWeek_TopAndBottomMoversAreTheLargestChangesInTheSalesFile()
    {
        // Recomputed from sales.csv: tenants with at least the minimum in both weeks, by change on last week.
        var week = sample.Week;
        var min = Reports.Documents.ReportSettings.Default.MoverMinWeekSales;
        var now = CsvSalesByTenant(week.Monday, week.Sunday);
        var before = CsvSalesByTenant(week.Previous.Monday, week.Previous.Sunday);
        var ranked = now.Where(t => t.Value >= min && before.GetValueOrDefault(t.Key) >= min)
            .Select(t => (Id: t.Key, Change: t.Value / before[t.Key] - 1)).OrderByDescending(t => t.Change).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        var text = SampleReports.Flat(sample.Weekly["en"]);
        var top = text.IndexOf("Topmovers", StringComparison.Ordinal);
        var bottom = text.IndexOf("Bottommovers", StringComparison.Ordinal);
        var end = text.IndexOf("2.Complaints", StringComparison.Ordinal);

        top.Should().BePositive();
        var topIds = System.Text.RegularExpressions.Regex.Matches(text[top..bottom], @"\((T\d+)\)").Select(m => m.Groups[1].Value);
        var bottomIds = System.Text.RegularExpressions.Regex.Matches(text[bottom..end], @"\((T\d+)\)").Select(m => m.Groups[1].Value);
        topIds.Should().Equal(ranked.Take(5).Select(t => t.Id));
        bottomIds.Should().Equal(ranked.AsEnumerable().Reverse().Take(5).Select(t => t.Id));
    }

    [Fact]
    public void Weekly_WeekWithBillsFallingDue_ListsTheArrearsThatGrewFromTheRentFile()
    {
        // The sample's bills fall due on the 10th: the week holding 10 Oct 2026 sees arrears grow. Recomputed from
        // rent.csv with the metrics.md rule (unpaid on the day: due − paid when paid by then, else due).
        var week = IsoWeek.Of(new DateOnly(2026, 10, 10));
        var pdf = sample.Service.Weekly(sample.Connection, null, week, ReportLanguage.English, sample.Data.Analysis);
        var text = SampleReports.Flat(pdf);
        var now = CsvArrearsOn(week.Sunday);
        var before = CsvArrearsOn(week.Previous.Sunday);
        var grew = now.Where(t => t.Value - before.GetValueOrDefault(t.Key) >= Reports.Documents.ReportSettings.Default.ArrearsGrowthMin)
            .OrderByDescending(t => t.Value - before.GetValueOrDefault(t.Key)).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        var language = ReportLanguage.English;

        grew.Should().NotBeEmpty("bills fell due in that week and some were not paid");
        text.Should().Contain($"{grew.Count}tenantsoweatleast¥1,000more");
        text.Should().Contain("Totalarrears" + language.Money(now.Values.Sum()));
        foreach (var (id, amount) in grew.Take(Reports.Documents.ReportSettings.Default.WeeklyListRows))
            text.Should().Contain($"({id})" + language.Money(before.GetValueOrDefault(id)) + language.Money(amount) + "+" + language.Money(amount - before.GetValueOrDefault(id)));
    }

    [Fact]
    public void Weekly_WeekAfterTheLastSales_IsAUserError()
    {
        var act = () => sample.Service.Weekly(sample.Connection, null, new IsoWeek(2030, 1), ReportLanguage.English);

        act.Should().Throw<Analytics.Ingest.UserError>().WithMessage("*no sales in 2030-W01*");
    }

    private Dictionary<string, decimal> CsvSalesByTenant(DateOnly from, DateOnly to) => CsvRows("sales.csv")
        .Where(r => Day(r[1]) is { } d && d >= from && d <= to)
        .GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Sum(r => decimal.Parse(r[2], CultureInfo.InvariantCulture)), StringComparer.Ordinal);

    /// <summary>Each tenant's arrears on a day from rent.csv (tenant, period, type, due, due date, paid, paid date).</summary>
    private Dictionary<string, decimal> CsvArrearsOn(DateOnly day) => CsvRows("rent.csv")
        .Where(r => Day(r[4]) is { } due && due <= day)
        .GroupBy(r => r[0])
        .ToDictionary(g => g.Key, g => g.Sum(r =>
        {
            var due = decimal.Parse(r[3], CultureInfo.InvariantCulture);
            var paid = r[5].Length == 0 ? 0m : decimal.Parse(r[5], CultureInfo.InvariantCulture);
            return Day(r[6]) is { } paidOn && paidOn <= day ? due - paid : due;
        }), StringComparer.Ordinal);

    private decimal CsvSales(DateOnly from, DateOnly to) => CsvRows("sales.csv")
        .Where(r => Day(r[1]) is { } d && d >= from && d <= to)
        .Sum(r => decimal.Parse(r[2], CultureInfo.InvariantCulture));

    /// <summary>A contract date (YYYY-MM-DD or YYYY/MM/DD); null for anything else.</summary>
    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text.Trim().Replace('/', '-'), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Data rows of a drop file without quoted commas (sales, inspections; complaints up to the tenant column).</summary>
    private IEnumerable<string[]> CsvRows(string file) =>
        File.ReadLines(Path.Combine(sample.DropFolder, file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(c => file == "complaints.csv" ? c.Skip(1).ToArray() : c);
}
