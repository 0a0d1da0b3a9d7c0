using Analytics.SampleData.Sample;
using MiniExcelLibs;

namespace Analytics.Ingest.Tests.SampleData.Xlsx;

/// <summary>The workbook holds the same rows as the CSVs: same values once parsed, dates as real date cells.</summary>
[Collection(GeneratedSampleCollection.Name)]
public sealed class XlsxDropTests(GeneratedSample sample)
{
    private string Workbook => Path.Combine(sample.Folder, SampleDrop.XlsxFolder, "mall.xlsx");

    [Fact]
    public void Workbook_Sheets_NamedAfterDatasetsWithChineseHeaders()
    {
        MiniExcel.GetSheetNames(Workbook).Should().Equal("units", "tenants", "complaints");
        MiniExcel.GetColumns(Workbook, useHeaderRow: true, sheetName: "tenants").Should().Contain(["商户编号", "起租日", "提成比例"]);
        MiniExcel.GetColumns(Workbook, useHeaderRow: true, sheetName: "complaints").Should().Contain(["投诉编号", "投诉类别"]);
    }

    [Fact]
    public void Units_XlsxRows_EqualCsvRows()
    {
        var csv = CsvTable.Read(Path.Combine(sample.Drop, "units.csv")).Rows()
            .Select(r => (r("unit_id"), r("floor"), r("zone"), SampleFacts.Money(r("area_sqm")))).ToList();
        var xlsx = Sheet("units").Select(r => (Text(r["铺位号"]), Text(r["楼层"]), Text(r["区域"]), Convert.ToDecimal(r["面积"], Inv))).ToList();
        xlsx.Should().Equal(csv);
    }

    [Fact]
    public void Tenants_XlsxRows_EqualCsvRowsWithRealDateCells()
    {
        var csv = CsvTable.Read(Path.Combine(sample.Drop, "tenants.csv")).Rows().Select(r => (
            r("tenant_id"), r("tenant_name"), r("brand"), r("category"), r("unit_id"),
            SampleFacts.Date(r("lease_start")), SampleFacts.Date(r("lease_end")), SampleFacts.Money(r("base_rent")),
            r("turnover_rate_pct").Length == 0 ? 0m : SampleFacts.Money(r("turnover_rate_pct").TrimEnd('%')),
            SampleFacts.Money(r("service_charge")), r("exit_date").Length == 0 ? (DateOnly?)null : SampleFacts.Date(r("exit_date")), r("exit_reason"))).ToList();
        var rows = Sheet("tenants");
        rows.Should().OnlyContain(r => r["起租日"] is DateTime, because: "dates are date cells, not text");
        var xlsx = rows.Select(r => (
            Text(r["商户编号"]), Text(r["商户名称"]), Text(r["品牌"]), Text(r["业态"]), Text(r["铺位号"]),
            Day(r["起租日"]), Day(r["到期日"]), Convert.ToDecimal(r["保底租金"], Inv),
            r["提成比例"] is null ? 0m : Convert.ToDecimal(r["提成比例"], Inv), Convert.ToDecimal(r["物业费"], Inv),
            r["撤场日期"] is null ? (DateOnly?)null : Day(r["撤场日期"]), Text(r["撤场原因"]))).ToList();
        xlsx.Should().Equal(csv);
    }

    [Fact]
    public void Complaints_XlsxRows_EqualCsvRows()
    {
        var csv = CsvTable.Read(Path.Combine(sample.Drop, "complaints.csv")).Rows().Select(r => (
            r("complaint_id"), DateTime.Parse(r("received_at"), System.Globalization.CultureInfo.InvariantCulture), r("tenant_id"), r("category"),
            int.Parse(r("severity"), System.Globalization.CultureInfo.InvariantCulture), r("status"), r("description"))).ToList();
        var rows = Sheet("complaints");
        rows.Should().OnlyContain(r => r["投诉时间"] is DateTime);
        var xlsx = rows.Select(r => (
            Text(r["投诉编号"]), (DateTime)r["投诉时间"]!, Text(r["商户编号"]), Text(r["投诉类别"]),
            Convert.ToInt32(r["严重程度"], Inv), Text(r["状态"]), Text(r["描述"]))).ToList();
        xlsx.Should().Equal(csv);
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static string Text(object? cell) => Convert.ToString(cell, Inv) ?? string.Empty;

    private static DateOnly Day(object? cell) => DateOnly.FromDateTime((DateTime)cell!);

    private List<IDictionary<string, object?>> Sheet(string name) =>
        MiniExcel.Query(Workbook, useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().ToList();
}
