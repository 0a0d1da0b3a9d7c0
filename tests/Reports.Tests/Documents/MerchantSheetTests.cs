using Analytics.Reports.Documents;
using Analytics.Reports.Language;
using Analytics.Reports.Tests.Support;

namespace Analytics.Reports.Tests.Documents;

[Collection(SampleReportsCollection.Name)]
public sealed class MerchantSheetTests(SampleReports sample)
{
    public static TheoryData<string> Languages => ["en", "zh"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void AllMerchants_SampleMonth_OneSheetPerTenantInForceNamedByIdMonthAndLanguage(string code)
    {
        var files = sample.Merchants[code];

        files.Select(f => f.FileName).Should().Equal(sample.Metrics.Select(m => m.TenantId).Order(StringComparer.Ordinal)
            .Select(id => $"merchant-{id}-{sample.Period}-{code}.pdf"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void AllMerchants_EverySheet_NamesNoOtherTenant(string code)
    {
        // The mall's tenants of every lease, also those that left: a sheet may name its own tenant only.
        var names = TenantNames();
        var offenders = new List<string>();
        foreach (var file in sample.Merchants[code])
        {
            var id = file.FileName.Split('-')[1];
            var own = sample.Metrics.Single(m => m.TenantId == id).TenantName;
            var text = SampleReports.Flat(file.Pdf);
            text.Should().Contain(SampleReports.Flat(own));
            offenders.AddRange(names.Where(n => n.Name != own && !own.Contains(n.Name, StringComparison.Ordinal) && text.Contains(SampleReports.Flat(n.Name), StringComparison.Ordinal))
                .Select(n => $"{file.FileName} names {n.Name} ({n.Id})"));
            offenders.AddRange(names.Where(n => n.Id != id && text.Contains(n.Id, StringComparison.Ordinal)).Select(n => $"{file.FileName} shows the id {n.Id}"));
        }

        offenders.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void AllMerchants_EverySheet_ShowsTheTenantsOwnMetricsAndScore(string code)
    {
        var language = ReportLanguage.Parse(code);
        var scores = sample.Data.Analysis.Scores.ToDictionary(s => s.Frame.Metrics.TenantId);
        foreach (var file in sample.Merchants[code])
        {
            var m = sample.Metrics.Single(x => file.FileName.StartsWith($"merchant-{x.TenantId}-", StringComparison.Ordinal));
            var text = SampleReports.Flat(file.Pdf);
            text.Should().Contain(language.Money(m.NetSales), "{0} shows its net sales", m.TenantId)
                .And.Contain(language.Money(m.Arrears), "{0} shows its arrears", m.TenantId);
            if (m.SalesDensity is { } density)
                text.Should().Contain(language.Money((decimal)density), "{0} shows its sales per m²", m.TenantId);
            if (m.OcrTtm is { } ocr)
                text.Should().Contain(language.Percent(ocr), "{0} shows its 12-month occupancy cost ratio", m.TenantId);
            if (scores[m.TenantId].Total is { } total)
                text.Should().Contain(language.Number(total, 1), "{0} shows its score", m.TenantId);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Merchant_CategoryWithTooFewPeers_ShowsNoBenchmark(string code)
    {
        // metrics.md "Peers": with fewer than 3 other tenants in the category, no median may be shown.
        var lonely = sample.Metrics.GroupBy(m => m.Category).Where(g => g.Count() - 1 < 3).SelectMany(g => g).ToList();
        lonely.Should().NotBeEmpty("the sample has a category with fewer than 4 tenants (supermarket)");
        foreach (var m in lonely)
        {
            var text = SampleReports.Flat(sample.Merchants[code].Single(f => f.FileName.StartsWith($"merchant-{m.TenantId}-", StringComparison.Ordinal)).Pdf);
            text.Should().Contain(code == "zh" ? "同业态商户过少，不提供对比基准" : "Thecategoryhastoofewothertenantsforabenchmark");
            // A median would be printed as the label followed by its figure, in the tables or beside the chart.
            text.Should().NotMatchRegex(@"(categorymedian|业态中位数)[-+¥\d]");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void AllMerchants_EverySheet_OneOrTwoPagesUnder300KB(string code)
    {
        foreach (var file in sample.Merchants[code])
        {
            file.Pdf.Length.Should().BeLessThan(300 * 1024, "{0} stays within the sheet budget", file.FileName);
            using var document = TestReports.Open(file.Pdf);
            document.NumberOfPages.Should().BeInRange(1, 2, "{0} is a one-to-two page sheet", file.FileName);
        }
    }

    [Fact]
    public void MerchantSheet_EveryTenant_TwoOrThreeSuggestionsPrinted()
    {
        var settings = ReportSettings.Default;
        foreach (var score in sample.Data.Analysis.Scores)
        {
            var sheet = new Briefs.MerchantSheet(sample.Data, score, ReportLanguage.English, settings, DateOnly.FromDateTime(SampleReports.Now.UtcDateTime));
            var shown = sheet.Suggestions().Take(settings.MerchantSuggestions).ToList();
            var text = SampleReports.Flat(sample.Merchants["en"].Single(f => f.FileName.StartsWith($"merchant-{score.Frame.Metrics.TenantId}-", StringComparison.Ordinal)).Pdf);

            shown.Should().HaveCountGreaterThanOrEqualTo(2).And.HaveCountLessThanOrEqualTo(3);
            shown.Should().OnlyContain(s => text.Contains(SampleReports.Flat(s), StringComparison.Ordinal), "each suggestion of {0} is on its sheet", score.Frame.Metrics.TenantId);
        }
    }

    [Fact]
    public void Merchant_OneTenant_SameBytesAsInTheBatch()
    {
        var first = sample.Merchants["zh"][0];
        var id = first.FileName.Split('-')[1];

        sample.Service.Merchant(sample.Data, id, ReportLanguage.Chinese).Should().Equal(first.Pdf);
    }

    [Fact]
    public void Merchant_SampleSheets_PassQpdfCheck()
    {
        foreach (var (code, files) in sample.Merchants)
        {
            foreach (var file in files.Take(3))
            {
                var (exitCode, output) = TestReports.Run("qpdf", "--check " + sample.Save(file.FileName, file.Pdf));
                exitCode.Should().Be(0, output);
            }
        }
    }

    [Fact]
    public void Merchant_TenantWithoutLease_IsAUserError()
    {
        var act = () => sample.Service.Merchant(sample.Data, "NO-SUCH-TENANT", ReportLanguage.English);

        act.Should().Throw<Analytics.Ingest.UserError>().WithMessage("*NO-SUCH-TENANT*no lease in force*");
    }

    private List<(string Id, string Name)> TenantNames()
    {
        using var cmd = sample.Connection.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT tenant_id, tenant_name FROM tenants ORDER BY 1, 2";
        using var r = cmd.ExecuteReader();
        var names = new List<(string, string)>();
        while (r.Read())
            names.Add((r.GetString(0), r.GetString(1)));
        return names;
    }
}
