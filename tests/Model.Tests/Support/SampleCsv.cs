using System.Globalization;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Warehouse;
using Microsoft.VisualBasic.FileIO;

namespace Analytics.Model.Tests.Support;

/// <summary>
/// The committed sample drop loaded by the real loader, plus its CSV files read by a test-side reader (.NET's
/// TextFieldParser), so that figures can be checked against an independent computation from the files.
/// </summary>
public sealed class SampleCsv : IDisposable
{
    public SampleCsv()
    {
        Warehouse = new TestWarehouse();
        Root = Analysis.SampleDropTests.Loaded.SampleFolder(Warehouse.Folder);
        var load = new DropLoader(new Analytics.Ingest.Warehouse.Warehouse(Warehouse.DbPath, new WarehouseSettings(512, 2)), Warehouse.Clock)
            .Load(Path.Combine(Root, "drop"), new LoadOptions());
        if (load.Refused || load.RowsRejected > 0)
        {
            throw new InvalidOperationException($"the sample drop did not load cleanly: {load.RowsRejected} rejects");
        }

        Leases = Rows("tenants").Select(r => new Lease(r["tenant_id"], r["tenant_name"], Date(r["lease_start"]), Date(r["lease_end"]),
            r["exit_date"].Length == 0 ? null : Date(r["exit_date"]), Money(r["base_rent"]),
            r["turnover_rate_pct"].Length == 0 ? 0m : Money(r["turnover_rate_pct"].TrimEnd('%')), Money(r["service_charge"]))).ToList();
        foreach (var r in Rows("sales"))
        {
            var key = (r["tenant_id"], First(Date(r["date"])));
            MonthlySales[key] = MonthlySales.GetValueOrDefault(key) + Money(r["net_sales"]);
        }

        Rent = Rows("rent").Select(r => new Charge(r["商户编号"], Date(r["账期"] + "-01"), r["费用类型"], Money(r["应收金额"]))).ToList();
    }

    internal TestWarehouse Warehouse { get; }
    public string Root { get; }
    public string Drop => Path.Combine(Root, "drop");

    public sealed record Lease(string TenantId, string Name, DateOnly Start, DateOnly End, DateOnly? Exit, decimal BaseRent, decimal RatePct, decimal ServiceCharge)
    {
        public DateOnly LastDay => Exit ?? End;
    }

    public sealed record Charge(string TenantId, DateOnly Period, string Type, decimal Due);

    public IReadOnlyList<Lease> Leases { get; }
    public Dictionary<(string Tenant, DateOnly Month), decimal> MonthlySales { get; } = [];
    public IReadOnlyList<Charge> Rent { get; }

    public decimal Sales(string tenant, DateOnly month) => MonthlySales.GetValueOrDefault((tenant, month));

    /// <summary>The rows of a dataset's CSV (drop/NAME.csv) or of another file under the sample root, by header name.</summary>
    public List<Dictionary<string, string>> Rows(string dataset)
    {
        var path = dataset.EndsWith(".csv", StringComparison.Ordinal) ? Path.Combine(Root, dataset) : Path.Combine(Drop, dataset + ".csv");
        using var parser = new TextFieldParser(path, System.Text.Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!.Select(h => h.Trim('\uFEFF')).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            rows.Add(header.Select((h, i) => (h, v: i < fields.Length ? fields[i] : "")).ToDictionary(x => x.h, x => x.v));
        }

        return rows;
    }

    public static DateOnly Date(string text) => DateOnly.Parse(text.Replace('/', '-'), CultureInfo.InvariantCulture);

    public static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    public static DateOnly First(DateOnly d) => new(d.Year, d.Month, 1);

    public static DateOnly LastDay(DateOnly month) => month.AddMonths(1).AddDays(-1);

    public void Dispose() => Warehouse.Dispose();
}

[CollectionDefinition(SampleCsvCollection.Name)]
public sealed class SampleCsvCollection : ICollectionFixture<SampleCsv>
{
    public const string Name = "sample csv";
}
