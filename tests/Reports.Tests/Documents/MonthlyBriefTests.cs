using Analytics.Model.Flags;
using Analytics.Reports.Language;
using Analytics.Reports.Tests.Support;

namespace Analytics.Reports.Tests.Documents;

[Collection(SampleReportsCollection.Name)]
public sealed class MonthlyBriefTests(SampleReports sample)
{
    public static TheoryData<string> Languages => ["en", "zh"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Monthly_SampleMonth_HasEverySectionInOrderOnSixToTwelvePages(string code)
    {
        var language = ReportLanguage.Parse(code);
        var pdf = sample.Monthly[code];
        var brief = new Briefs.MonthlyBrief(sample.Data, "main", language, Reports.Documents.ReportSettings.Default, DateOnly.FromDateTime(SampleReports.Now.UtcDateTime));

        using var document = TestReports.Open(pdf);
        document.NumberOfPages.Should().BeInRange(6, 12);
        var text = SampleReports.Flat(pdf);
        var at = 0;
        foreach (var section in brief.Headings)
        {
            var found = text.IndexOf(SampleReports.Flat(section), at, StringComparison.Ordinal);
            found.Should().BeGreaterThan(at, "section '{0}' follows the one before it", section);
            at = found;
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Monthly_TrackRecord_SaysNoneYetOrShowsTheBacktestsPrecisionAndLift(string code)
    {
        var language = ReportLanguage.Parse(code);
        // The sample warehouse has had no backtest: the brief says so rather than leave the paragraph out.
        SampleReports.Flat(sample.Monthly[code]).Should().Contain(SampleReports.Flat(language.Label("track_record")))
            .And.Contain(SampleReports.Flat(language.Label("track_record_none")));

        var record = new Analytics.Model.Backtest.StoredTrackRecord(new DateOnly(2025, 1, 1), new DateOnly(2026, 4, 1),
        [
            new Analytics.Model.Backtest.TrackRecord(FlagCodes.Replace, 6, 10, 9, 0.9, 0.05, 18, 0.6, 0.98),
            new Analytics.Model.Backtest.TrackRecord(FlagCodes.Replace, 12, 8, 8, 1, 0.08, 12.5, 0.68, 1),
            new Analytics.Model.Backtest.TrackRecord(FlagCodes.SalesAudit, 6, 0, 0, null, 0.7, null, null, null),
        ]);
        var data = Analytics.Reports.Data.ReportData.Load(sample.Connection, null, sample.Period, Analytics.Model.Analysis.AnalysisSettings.Default,
            sample.Data.Analysis with { TrackRecord = record });
        var text = SampleReports.Flat(sample.Service.Monthly(data, language));

        text.Should().Contain(SampleReports.Flat(language.Label("track_record_intro", "2025-01", "2026-04")))
            .And.Contain(SampleReports.Flat(language.Label("track_record_item", Briefs.Terms.Name(FlagCodes.Replace, language), 9, 10, language.Percent(0.9, 0), language.Number(18.0, 1))))
            .And.NotContain(SampleReports.Flat(language.Label("track_record_none")));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Monthly_SampleMonth_ShowsTheMallMetricsOfTheMonth(string code)
    {
        var language = ReportLanguage.Parse(code);
        var text = SampleReports.Flat(sample.Monthly[code]);
        var mall = sample.Mall;

        // The trend table prints each month in full; the month itself is its last row.
        text.Should().Contain(language.Money(mall.MallSales))
            .And.Contain(language.Percent(mall.OccupancyRate!.Value))
            .And.Contain(language.Percent(mall.CollectionRate!.Value))
            .And.Contain(language.Number(mall.Footfall!.Value))
            .And.Contain(language.Percent(mall.Conversion!.Value))
            .And.Contain(language.Money(sample.Metrics.Sum(m => m.Arrears)));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Monthly_SampleMonth_CategoryTableSumsTheTenantMetrics(string code)
    {
        var language = ReportLanguage.Parse(code);
        var text = SampleReports.Flat(sample.Monthly[code]);

        foreach (var category in sample.Metrics.GroupBy(m => m.Category))
        {
            var sales = category.Sum(m => m.NetSales);
            var area = category.Sum(m => m.AreaSqm ?? 0);
            text.Should().Contain(SampleReports.Flat(Briefs.Terms.Name(category.Key, language) + language.Number(category.Count()) + language.Money(sales)),
                "the row of {0} starts with its name, tenant count and sales", category.Key);
            text.Should().Contain(language.Money(sales / area));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Monthly_SampleMonth_ListsEveryFlaggedTenantWithItsReasons(string code)
    {
        var text = SampleReports.Flat(sample.Monthly[code]);

        sample.Data.Analysis.Flags.Should().Contain(f => f.Code == FlagCodes.Replace, "the sample plants replacement candidates");
        foreach (var flag in sample.Data.Analysis.Flags)
        {
            var m = flag.Score.Frame.Metrics;
            text.Should().Contain(SampleReports.Flat($"{m.TenantName} ({m.TenantId})"), "{0} is flagged {1}", m.TenantId, flag.Code);
            text.Should().Contain(SampleReports.Flat(flag.ReasonsText(code)), "the reasons of {0} ({1}) are printed as the analysis wrote them", m.TenantId, flag.Code);
        }
    }

    [Fact]
    public void Monthly_SampleMonth_ExpiryListHoldsEveryLeaseEndingWithin90Days()
    {
        var language = ReportLanguage.English;
        var text = SampleReports.Flat(sample.Monthly["en"]);
        var asOf = sample.Data.AsOf;
        var soon = sample.Metrics.Where(m => m.LeaseEnd > asOf && m.LeaseEnd.DayNumber - asOf.DayNumber <= 90).ToList();

        foreach (var m in soon)
            text.Should().Contain(SampleReports.Flat($"{m.TenantName} ({m.TenantId})") + Briefs.Terms.Name(m.Category, language));
        text.Should().Contain(SampleReports.Flat($"{soon.Count} leases end within 90 days"));
    }

    [Fact]
    public void Monthly_SampleMonth_AgingBucketsAddUpTheTenantBuckets()
    {
        var language = ReportLanguage.English;
        var text = SampleReports.Flat(sample.Monthly["en"]);

        text.Should().Contain("1–30days" + language.Money(sample.Metrics.Sum(m => m.Aging1To30)))
            .And.Contain("31–60days" + language.Money(sample.Metrics.Sum(m => m.Aging31To60)))
            .And.Contain("61–90days" + language.Money(sample.Metrics.Sum(m => m.Aging61To90)))
            .And.Contain("Over90days" + language.Money(sample.Metrics.Sum(m => m.AgingOver90)));
    }

    [Fact]
    public void Monthly_SameDataAndClock_SameBytes()
    {
        var again = sample.Service.Monthly(sample.Data, ReportLanguage.Chinese);

        again.Should().Equal(sample.Monthly["zh"]);
    }

    [Fact]
    public void Monthly_SampleMonth_PassesQpdfCheckAndStaysUnder2MB()
    {
        foreach (var (code, pdf) in sample.Monthly)
        {
            pdf.Length.Should().BeLessThan(2 * 1024 * 1024, "the monthly brief budget is 2 MB ({0})", code);
            var (exitCode, output) = TestReports.Run("qpdf", "--check " + sample.Save($"monthly-{code}.pdf", pdf));
            exitCode.Should().Be(0, output);
        }
    }

    [Fact]
    public void Monthly_MonthAfterTheLastSales_IsAUserError()
    {
        var act = () => sample.Service.Monthly(sample.Connection, null, sample.Period.AddMonths(1), ReportLanguage.English);

        act.Should().Throw<Analytics.Ingest.UserError>().WithMessage("*no sales for*last sales day*");
    }

    [Fact]
    public void Monthly_MonthBeforeAnyLease_IsAUserError()
    {
        var act = () => sample.Service.Monthly(sample.Connection, null, new Month(2001, 1), ReportLanguage.English);

        act.Should().Throw<Analytics.Ingest.UserError>().WithMessage("*No tenant has a lease in force on 2001-01-31*");
    }

    [Fact]
    public void Monthly_UnknownMall_IsAUserError()
    {
        var act = () => sample.Service.Monthly(sample.Connection, "nowhere", sample.Period, ReportLanguage.English);

        act.Should().Throw<Analytics.Ingest.UserError>().WithMessage("*no mall 'nowhere'*");
    }

    [Theory]
    [InlineData("en", "Merchant sheets for September 2026: no deliveries recorded.")]
    [InlineData("zh", "2026年9月商户经营报告邮件：无发送记录。")]
    public void Monthly_NoDeliveriesOfThePreviousMonth_LastPageSaysSo(string code, string expected)
    {
        var last = TestReports.PageTexts(sample.Monthly[code])[^1];

        SampleReports.Flat(last).Should().Contain(SampleReports.Flat(expected));
    }

    [Fact]
    public void Monthly_DeliveriesOfThePreviousMonth_LastPageCountsEachMerchantOnce()
    {
        // T1 twice sent (two addresses), T2 refused then sent to a new address, T3 refused, T4 awaiting a retry; rows of
        // another month, of another document and of another mall do not count.
        (string Tenant, string Status, string Period, string Document, string Mall)[] rows =
        [
            ("T1", "sent", "2026-09", "merchant", "main"), ("T1", "sent", "2026-09", "merchant", "main"),
            ("T2", "failed", "2026-09", "merchant", "main"), ("T2", "sent", "2026-09", "merchant", "main"),
            ("T3", "failed", "2026-09", "merchant", "main"), ("T4", "pending", "2026-09", "merchant", "main"),
            ("T5", "sent", "2026-10", "merchant", "main"), ("T6", "sent", "2026-09", "monthly", "main"), ("T7", "sent", "2026-09", "merchant", "other"),
        ];
        try
        {
            for (var i = 0; i < rows.Length; i++)
            {
                using var cmd = sample.Connection.CreateCommand();
                cmd.CommandText = """
                    INSERT INTO deliveries VALUES ($id, $mall, $doc, $period, $tenant, 'en', 'x@example.com', 'sheet.pdf', 'ab', $status, 1, NULL,
                        TIMESTAMP '2026-10-01 07:00:00', TIMESTAMP '2026-10-01 07:00:00', NULL)
                    """;
                cmd.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("id", $"m{i}"));
                cmd.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("mall", rows[i].Mall));
                cmd.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("doc", rows[i].Document));
                cmd.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("period", rows[i].Period));
                cmd.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("tenant", rows[i].Tenant));
                cmd.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("status", rows[i].Status));
                cmd.ExecuteNonQuery();
            }

            var data = sample.Service.Load(sample.Connection, null, sample.Period, sample.Data.Analysis);
            var en = TestReports.PageTexts(sample.Service.Monthly(data, ReportLanguage.English))[^1];
            var zh = TestReports.PageTexts(sample.Service.Monthly(data, ReportLanguage.Chinese))[^1];

            SampleReports.Flat(en).Should().Contain(SampleReports.Flat(
                "Merchant sheets for September 2026: 2 merchants received their sheet by mail; 1 refused by the mail server; 1 awaiting a retry."));
            SampleReports.Flat(zh).Should().Contain(SampleReports.Flat("2026年9月商户经营报告邮件：2 家商户已收到；1 家被邮件服务器拒收；1 家等待重试。"));
        }
        finally
        {
            using var cleanup = sample.Connection.CreateCommand();
            cleanup.CommandText = "DELETE FROM deliveries";
            cleanup.ExecuteNonQuery();
        }
    }
}
