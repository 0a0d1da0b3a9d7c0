using Analytics.Ingest.Warehouse;
using DuckDB.NET.Data;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Model.Tests.Support;

/// <summary>
/// A real warehouse file in a temp folder, created through the schema migrations, with a small builder to write
/// rows of each dataset. Defaults are dull on purpose so that a test states only what it is about.
/// </summary>
internal sealed class TestWarehouse : IDisposable
{
    private readonly string _dir;

    public TestWarehouse()
    {
        _dir = Path.Combine(Path.GetTempPath(), "model-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        DbPath = Path.Combine(_dir, "w.duckdb");
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));
        Connection = new Warehouse(DbPath, new WarehouseSettings(512, 2)).Open(Clock);
    }

    public string DbPath { get; }
    public string Folder => _dir;
    public FakeTimeProvider Clock { get; }
    public DuckDBConnection Connection { get; }

    /// <summary>Loads a CSV drop with the real loader, as in production; a reject fails the test.</summary>
    public TestWarehouse LoadDrop(string dropFolder)
    {
        // Connections to one file in one process share the database, so the loader writes what Connection reads.
        var load = new Analytics.Ingest.Loading.DropLoader(new Warehouse(DbPath, new WarehouseSettings(512, 2)), Clock)
            .Load(dropFolder, new Analytics.Ingest.Loading.LoadOptions());
        if (load.Refused || load.RowsRejected > 0)
        {
            throw new InvalidOperationException($"the drop in {dropFolder} did not load cleanly: {load.RowsRejected} rejects");
        }

        return this;
    }

    public TestWarehouse Unit(string unitId, string floor = "1F", string? zone = "A", decimal area = 100m, string mall = "main")
    {
        using var a = Connection.CreateAppender("units");
        a.CreateRow().AppendValue(mall).AppendValue(unitId).AppendValue(floor).AppendValue(zone).AppendValue(area).AppendValue(1L).EndRow();
        return this;
    }

    public TestWarehouse Tenant(
        string tenantId, string category = "fashion", string? unitId = null, DateOnly? start = null, DateOnly? end = null,
        decimal baseRent = 10_000m, decimal? area = null, DateOnly? exit = null, string? name = null, string? floor = null,
        string mall = "main", decimal turnoverPct = 0m, decimal serviceCharge = 0m)
    {
        using var a = Connection.CreateAppender("tenants");
        a.CreateRow()
            .AppendValue(mall).AppendValue(tenantId).AppendValue(name ?? "Tenant " + tenantId).AppendValue((string?)null)
            .AppendValue(category).AppendValue(unitId ?? "U-" + tenantId).AppendValue(floor).AppendValue(area)
            .AppendValue(start ?? new DateOnly(2020, 1, 1)).AppendValue(end ?? new DateOnly(2030, 12, 31))
            .AppendValue(baseRent).AppendValue(turnoverPct).AppendValue(serviceCharge)
            .AppendValue(exit).AppendValue(exit is null ? null : "left").AppendValue(1L)
            .AppendValue((string?)null) // contact_email (schema step 4 added it after load_id)
            .EndRow();
        return this;
    }

    public TestWarehouse Sale(string tenantId, DateOnly date, decimal netSales, int? transactions = null, string mall = "main")
    {
        using var a = Connection.CreateAppender("sales");
        a.CreateRow().AppendValue(mall).AppendValue(tenantId).AppendValue(date).AppendValue(netSales).AppendValue(transactions).AppendValue(1L).EndRow();
        return this;
    }

    /// <summary>A month of daily sales rows adding up to the given totals (the remainder lands on the first day).</summary>
    public TestWarehouse MonthSales(string tenantId, DateOnly month, decimal total, int? receipts = null, string mall = "main")
    {
        var days = DateTime.DaysInMonth(month.Year, month.Month);
        var perDay = Math.Round(total / days, 2);
        var perDayReceipts = receipts / days;
        using var a = Connection.CreateAppender("sales");
        for (var day = 1; day <= days; day++)
        {
            var net = day == 1 ? total - perDay * (days - 1) : perDay;
            int? txn = receipts is null ? null : day == 1 ? receipts - perDayReceipts * (days - 1) : perDayReceipts;
            a.CreateRow().AppendValue(mall).AppendValue(tenantId).AppendValue(new DateOnly(month.Year, month.Month, day))
                .AppendValue(net).AppendValue(txn).AppendValue(1L).EndRow();
        }

        return this;
    }

    public TestWarehouse Rent(
        string tenantId, DateOnly period, decimal due, DateOnly? dueDate = null, decimal paid = 0m, DateOnly? paidDate = null,
        string chargeType = "base_rent", string mall = "main")
    {
        using var a = Connection.CreateAppender("rent");
        a.CreateRow().AppendValue(mall).AppendValue(tenantId).AppendValue(new DateOnly(period.Year, period.Month, 1)).AppendValue(chargeType)
            .AppendValue(due).AppendValue(dueDate ?? new DateOnly(period.Year, period.Month, 5)).AppendValue(paid).AppendValue(paidDate)
            .AppendValue(1L).EndRow();
        return this;
    }

    /// <summary>A base-rent bill paid in full on its due date (the 5th).</summary>
    public TestWarehouse PaidRent(string tenantId, DateOnly period, decimal due, string mall = "main")
    {
        var dueDate = new DateOnly(period.Year, period.Month, 5);
        return Rent(tenantId, period, due, dueDate, due, dueDate, mall: mall);
    }

    public TestWarehouse Complaint(string? tenantId, DateTime receivedAt, int severity = 1, string mall = "main")
    {
        using var a = Connection.CreateAppender("complaints");
        a.CreateRow().AppendValue(mall).AppendValue("C-" + Guid.NewGuid().ToString("N")).AppendValue(receivedAt).AppendValue(tenantId)
            .AppendValue("hotline").AppendValue("service").AppendValue(severity).AppendValue("open").AppendValue((DateTime?)null)
            .AppendValue("投诉, \"quoted\"").AppendValue(1L).EndRow();
        return this;
    }

    public TestWarehouse Inspection(string tenantId, DateOnly date, string type = "hygiene", string mall = "main")
    {
        using var a = Connection.CreateAppender("inspections");
        a.CreateRow().AppendValue(mall).AppendValue(date).AppendValue(tenantId).AppendValue(type).AppendValue((int?)null)
            .AppendValue((string?)null).AppendValue(1L).EndRow();
        return this;
    }

    public TestWarehouse Tier(string tenantId, DateOnly leaseStart, decimal salesFrom, decimal ratePct, string mall = "main")
    {
        using var a = Connection.CreateAppender("turnover_tiers");
        a.CreateRow().AppendValue(mall).AppendValue(tenantId).AppendValue(leaseStart).AppendValue(salesFrom).AppendValue(ratePct).AppendValue(1L).EndRow();
        return this;
    }

    public TestWarehouse Budget(string tenantId, DateOnly period, decimal? salesBudget, decimal? rentBudget, string mall = "main")
    {
        using var a = Connection.CreateAppender("budget");
        a.CreateRow().AppendValue(mall).AppendValue(tenantId).AppendValue(new DateOnly(period.Year, period.Month, 1))
            .AppendValue(salesBudget).AppendValue(rentBudget).AppendValue(1L).EndRow();
        return this;
    }

    public TestWarehouse Request(
        string requestId, string tenantId, DateTime raisedAt, string category = "repair", DateTime? resolvedAt = null, string mall = "main")
    {
        using var a = Connection.CreateAppender("requests");
        a.CreateRow().AppendValue(mall).AppendValue(requestId).AppendValue(raisedAt).AppendValue(tenantId).AppendValue(category)
            .AppendValue(resolvedAt is null ? "open" : "resolved").AppendValue(resolvedAt).AppendValue("漏水").AppendValue((string?)null)
            .AppendValue(1L).EndRow();
        return this;
    }

    public TestWarehouse Footfall(DateOnly date, long visitors, string zone = "", string mall = "main")
    {
        using var a = Connection.CreateAppender("footfall");
        a.CreateRow().AppendValue(mall).AppendValue(date).AppendValue(zone).AppendValue(visitors).AppendValue(1L).EndRow();
        return this;
    }

    public void Dispose()
    {
        Connection.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; never fail a test on cleanup.
        }
    }
}

internal static class Some
{
    public static DateOnly Month(int year, int month) => new(year, month, 1);
    public static DateOnly Day(int year, int month, int day) => new(year, month, day);
}
