using System.Text;
using Analytics.SampleData.Sample;
using static Analytics.Ingest.Tests.SampleData.SampleFacts;

namespace Analytics.Ingest.Tests.SampleData.Sample;

[Collection(GeneratedSampleCollection.Name)]
public sealed class SampleDropTests(GeneratedSample sample)
{
    private static readonly string[] Datasets =
        ["units", "tenants", "sales", "rent", "complaints", "inspections", "footfall", "malls", "turnover_tiers", "budget", "requests"];

    [Fact]
    public void WriteDrop_SameSeedTwice_IdenticalBytes()
    {
        using var again = new TempFolder();
        SampleDrop.WriteDrop(again.Path, SampleDrop.DefaultSeed);
        foreach (var name in Datasets)
        {
            File.ReadAllBytes(Path.Combine(again.Path, name + ".csv")).Should()
                .Equal(File.ReadAllBytes(Path.Combine(sample.Drop, name + ".csv")), because: $"{name}.csv must not depend on anything but the seed");
        }
    }

    [Fact]
    public void WriteDrop_OtherSeed_DifferentSales()
    {
        using var other = new TempFolder();
        SampleDrop.WriteDrop(other.Path, SampleDrop.DefaultSeed + 1);
        File.ReadAllBytes(Path.Combine(other.Path, "sales.csv")).Should().NotEqual(File.ReadAllBytes(Path.Combine(sample.Drop, "sales.csv")));
    }

    /// <summary>The committed demo data is exactly what the generator makes now, so the two cannot drift apart.</summary>
    [Fact]
    public void CommittedSamples_ComparedWithGenerator_AreIdentical()
    {
        var committed = GeneratedSample.CommittedSamples();
        var files = Datasets.Select(n => Path.Combine(SampleDrop.DropFolder, n + ".csv"))
            .Append(SampleDrop.TruthFile).Append(SampleDrop.OperationsTruthFile).Append(SampleDrop.BadExpectedFile).Append(Path.Combine(SampleDrop.XlsxFolder, "mall.xlsx"))
            .Concat(Directory.GetFiles(Path.Combine(sample.Folder, SampleDrop.BadFolder)).Select(f => Path.Combine(SampleDrop.BadFolder, Path.GetFileName(f))));
        foreach (var file in files)
        {
            var path = Path.Combine(committed, file);
            File.Exists(path).Should().BeTrue(because: $"{file} is committed (regenerate with: sample-data sample --out data-samples)");
            File.ReadAllBytes(path).Should().Equal(File.ReadAllBytes(Path.Combine(sample.Folder, file)), because: $"committed {file} is stale: regenerate it");
        }
    }

    [Fact]
    public void Drop_Size_UnderFifteenMegabytes()
    {
        var bytes = Directory.GetFiles(sample.Drop).Sum(f => new FileInfo(f).Length);
        bytes.Should().BeLessThan(15L * 1024 * 1024);
    }

    [Fact]
    public void Drop_Shape_OneMallOfBasementToFourthFloorOverThirtySixMonths()
    {
        var units = CsvTable.Read(Path.Combine(sample.Drop, "units.csv"));
        units.Records.Count.Should().BeInRange(150, 250);
        units.Rows().Select(r => r("floor")).Distinct().Should().BeEquivalentTo(["B1", "1F", "2F", "3F", "4F"]);
        units.Header.Should().NotContain("mall_id", because: "one mall: the column is omitted and defaults to main");
        var sales = CsvTable.Read(Path.Combine(sample.Drop, "sales.csv")).Rows().Select(r => Date(r("date"))).ToList();
        sales.Min().Should().Be(new DateOnly(2023, 11, 1));
        sales.Max().Should().Be(new DateOnly(2026, 10, 31));
        var footfall = CsvTable.Read(Path.Combine(sample.Drop, "footfall.csv"));
        footfall.Rows().GroupBy(r => r("date")).Should().HaveCount(1096).And.OnlyContain(g => g.Count(r => r("zone") == "") == 1 && g.Count() > 1);
    }

    [Fact]
    public void Sales_EveryRow_FallsInsideALeaseBeforeAnyExit()
    {
        var facts = sample.Facts;
        var outside = CsvTable.Read(Path.Combine(sample.Drop, "sales.csv")).Rows()
            .Select(r => (Tenant: r("tenant_id"), Date: Date(r("date"))))
            .Where(s => !facts.LeasesOf(s.Tenant).Any(l => l.Start <= s.Date && s.Date <= l.End && (l.Exit == null || s.Date < l.Exit)))
            .ToList();
        outside.Should().BeEmpty();
    }

    [Fact]
    public void Sales_Rows_IncludeRefundDaysAndWeekendsAboveWeekdays()
    {
        var rows = CsvTable.Read(Path.Combine(sample.Drop, "sales.csv")).Rows().Select(r => (Date: Date(r("date")), Sales: Money(r("net_sales")))).ToList();
        rows.Should().Contain(r => r.Sales <= 0);
        var weekend = rows.Where(r => r.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).Average(r => r.Sales);
        var weekday = rows.Where(r => r.Date.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Wednesday).Average(r => r.Sales);
        weekend.Should().BeGreaterThan(weekday * 1.2m);
    }

    [Fact]
    public void Rent_TurnoverRent_IsRateTimesSalesAboveBaseRent()
    {
        var facts = sample.Facts;
        var planted = sample.OperationsTruth.Rows().Where(r => r("kind") == "turnover_rent").Select(r => (r("tenant_id"), r("period"))).ToHashSet();
        var checkedRows = 0;
        foreach (var c in facts.Charges.Where(c => c.Type == "turnover_rent" && c.Period.Year == 2025))
        {
            if (planted.Contains((c.TenantId, c.Period.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))))
            {
                continue;   // a billing slip planted for the turnover-rent audit
            }

            var lease = facts.LeasesOf(c.TenantId).Last(l => l.Start <= MonthEnd(c.Period)); // in force at the month's end, or the one it left under
            var baseRent = facts.Charges.Single(b => b.TenantId == c.TenantId && b.Period == c.Period && b.Type == "base_rent").Due;
            var expected = Math.Round((lease.Rate / 100m * facts.Sales(c.TenantId, c.Period)) - baseRent, 2, MidpointRounding.AwayFromZero);
            c.Due.Should().Be(expected, because: $"{c.TenantId} {c.Period:yyyy-MM}");
            checkedRows++;
        }
        checkedRows.Should().BeGreaterThan(50);
    }

    [Fact]
    public void Rent_Payments_MostlyOnTimeWithSomeLatePartialAndUnpaid()
    {
        var charges = sample.Facts.Charges.Where(c => c.DueDate <= D).ToList();
        var onTime = charges.Count(c => c.PaidDate is { } p && p <= c.DueDate.AddDays(5) && c.Paid == c.Due);
        ((double)onTime / charges.Count).Should().BeGreaterThan(0.85);
        charges.Should().Contain(c => c.PaidDate > c.DueDate.AddDays(5) && c.Paid == c.Due, because: "some pay late");
        charges.Should().Contain(c => c.Paid > 0 && c.Paid < c.Due, because: "some pay part");
        charges.Should().Contain(c => c.PaidDate == null, because: "some do not pay");
        sample.Facts.Charges.Should().OnlyContain(c => c.PaidDate == null || c.PaidDate <= D, because: "no payment after the export day");
    }

    [Fact]
    public void Files_Form_IsThatOfRealExports()
    {
        var complaints = File.ReadAllBytes(Path.Combine(sample.Drop, "complaints.csv"));
        complaints.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var text = Encoding.UTF8.GetString(complaints);
        text.Split("\r\n")[0].Should().StartWith("\uFEFFcomplaint_id,");
        var descriptions = CsvTable.Read(Path.Combine(sample.Drop, "complaints.csv")).Rows().Select(r => r("description")).ToList();
        descriptions.Should().Contain(d => d.Contains(',')).And.Contain(d => d.Contains('"')).And.Contain(d => d.Contains('\n'));
        CsvTable.Read(Path.Combine(sample.Drop, "complaints.csv")).Rows().Should().Contain(r => r("tenant_id") == "", because: "some are about the mall");

        CsvTable.Read(Path.Combine(sample.Drop, "rent.csv")).Header.Should().Equal("商户编号", "账期", "费用类型", "应收金额", "应缴日期", "实收金额", "缴费日期");
        CsvTable.Read(Path.Combine(sample.Drop, "inspections.csv")).Header.Should().Equal("日期", "商戶編號", "類型", "分鐘", "備註");
        File.ReadAllText(Path.Combine(sample.Drop, "sales.csv")).Should().NotContain("\r");

        var tenants = CsvTable.Read(Path.Combine(sample.Drop, "tenants.csv"));
        tenants.Rows().Select(r => r("lease_start")).Should().Contain(s => s.Contains('/')).And.Contain(s => s.Contains('-'));
        tenants.Rows().Select(r => r("turnover_rate_pct")).Should().Contain(s => s.EndsWith('%')).And.Contain(s => s.Length > 0 && !s.EndsWith('%'));
        tenants.Rows().Select(r => r("tenant_name")).Count(n => n.Any(c => c >= 0x4E00 && c <= 0x9FFF)).Should().BeGreaterThan(tenants.Records.Count * 9 / 10);
    }

    [Fact]
    public void Tenants_Leases_TwoToSixYearsWithRenewalsUnderTheSameId()
    {
        var leases = sample.Facts.Leases;
        leases.Should().OnlyContain(l => l.End > l.Start.AddYears(2).AddDays(-2) && l.End < l.Start.AddYears(6));
        leases.GroupBy(l => l.TenantId).Count(g => g.Count() > 1).Should().BeGreaterThan(10, because: "renewals are second lease rows");
        leases.Where(l => l.Exit != null).Should().OnlyContain(l => l.Exit <= l.End);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("ta-sample-again-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
