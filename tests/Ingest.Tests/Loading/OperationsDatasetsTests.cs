using Analytics.Ingest.Contract;
using Analytics.Ingest.Tests.Support;
using MiniExcelLibs;

namespace Analytics.Ingest.Tests.Loading;

/// <summary>The four datasets of the operations department (malls, turnover tiers, budgets, requests) load by the same rules as the seven.</summary>
public sealed class OperationsDatasetsTests : IDisposable
{
    private readonly TempWarehouse _wh = new();

    public void Dispose() => _wh.Dispose();

    [Fact]
    public void Load_ValidRows_LoadEveryOperationsDatasetWithTypesAndDefaults()
    {
        using var drop = Drop.WithLeases()
            .File("malls.csv", """
                mall_id,mall_name,mall_name_en,city,time_zone,currency
                main,星河广场,Galaxy Plaza,深圳,,
                """)
            .File("turnover_tiers.csv", """
                tenant_id,lease_start,sales_from,rate_pct
                T1,2024-01-01,0,5%
                T1,2024-01-01,500000,6
                T1,2024-01-01,750000,7 %
                """)
            .File("budget.csv", """
                tenant_id,period,sales_budget,rent_budget
                T1,2024-01,400000,35000
                T2,2024/02,,60000
                """)
            .File("requests.csv", """
                request_id,raised_at,tenant_id,category,status,resolved_at,description,resolution
                R1,2024-01-05 10:30,T1,Repair ,resolved,2024-01-06 09:00,"空调漏水, 请尽快",已更换
                R2,2024-01-07 11:00:00,T2,billing,in_progress,,账单有误,
                """);

        var result = _wh.Load(drop.Folder);

        result.Refused.Should().BeFalse();
        result.RowsRejected.Should().Be(0);
        _wh.Rows("SELECT mall_id, mall_name, mall_name_en, city, time_zone, currency FROM malls").Should().Equal(
            "main|星河广场|Galaxy Plaza|深圳|Asia/Shanghai|CNY");
        _wh.Rows("SELECT tenant_id, lease_start, sales_from, rate_pct FROM turnover_tiers ORDER BY sales_from").Should().Equal(
            "T1|01/01/2024|0.00|5.0000", "T1|01/01/2024|500000.00|6.0000", "T1|01/01/2024|750000.00|7.0000");
        _wh.Rows("SELECT tenant_id, period, sales_budget, rent_budget FROM budget ORDER BY tenant_id").Should().Equal(
            "T1|01/01/2024|400000.00|35000.00", "T2|02/01/2024||60000.00");
        _wh.Rows("SELECT request_id, category, status, resolved_at, description FROM requests ORDER BY 1").Should().Equal(
            "R1|repair|resolved|01/06/2024 09:00:00|空调漏水, 请尽快", "R2|billing|in_progress||账单有误");
    }

    [Fact]
    public void Load_TierRules_RejectEachBadTierListRowByRow()
    {
        // T1: rate above 100; T2: no tier at 0 (both rows); T3: listed out of order (all rows); T9: no such lease;
        // T1 with a lease_start no tenants row knows.
        using var drop = Drop.WithLeases().File("turnover_tiers.csv", """
            tenant_id,lease_start,sales_from,rate_pct
            T1,2024-01-01,0,5
            T1,2024-01-01,500000,120
            T2,2024-03-01,100000,5
            T2,2024-03-01,200000,6
            T3,2024-01-01,0,4
            T3,2024-01-01,750000,7
            T3,2024-01-01,500000,6
            T9,2024-01-01,0,5
            T1,2023-01-01,0,5
            T1,2024-01-01,600000,-1
            """);

        var result = _wh.Load(drop.Folder, maxRejectPct: 100);

        result.Rejects.Select(r => (r.Line, r.Column, r.Reason)).Should().Equal(
            (3L, "rate_pct", RejectReason.OutOfRange),
            (4L, "sales_from", RejectReason.OutOfRange),
            (5L, "sales_from", RejectReason.OutOfRange),
            (6L, "sales_from", RejectReason.OutOfRange),
            (7L, "sales_from", RejectReason.OutOfRange),
            (8L, "sales_from", RejectReason.OutOfRange),
            (9L, "tenant_id", RejectReason.UnknownTenant),
            (10L, "lease_start", RejectReason.UnknownTenant),
            (11L, "rate_pct", RejectReason.OutOfRange));
        _wh.Rows("SELECT tenant_id, sales_from FROM turnover_tiers").Should().Equal("T1|0.00");
    }

    [Fact]
    public void Load_TiersAddedToAStoredList_CountTheStoredZeroTier()
    {
        using (var first = Drop.WithLeases().File("turnover_tiers.csv", """
            tenant_id,lease_start,sales_from,rate_pct
            T1,2024-01-01,0,5
            """))
        {
            _wh.Load(first.Folder).RowsRejected.Should().Be(0);
        }

        using var second = new Drop().File("turnover_tiers.csv", """
            tenant_id,lease_start,sales_from,rate_pct
            T1,2024-01-01,500000,6
            """);

        _wh.Load(second.Folder).RowsRejected.Should().Be(0);
        _wh.Rows("SELECT sales_from, rate_pct FROM turnover_tiers ORDER BY 1").Should().Equal("0.00|5.0000", "500000.00|6.0000");
    }

    [Fact]
    public void Load_BudgetAndRequestRules_RejectWithReason()
    {
        using var drop = Drop.WithLeases()
            .File("budget.csv", """
                tenant_id,period,sales_budget,rent_budget
                T1,2024-01,400000,35000
                T9,2024-01,400000,35000
                T2,2024-01,,
                T3,2024-01,-5,
                T1,2024-13,1,
                """)
            .File("requests.csv", """
                request_id,raised_at,tenant_id,category,status,resolved_at
                R1,2024-01-05 10:30,T1,repair,open,
                R2,2024-01-05 10:30,T1,repair,closed,
                R3,2024-01-05 10:30,T1,parking,open,
                R4,2024-01-05 10:30,T9,repair,open,
                R5,2024-01-05 10:30,T1,repair,resolved,2024-01-04 10:00
                R1,2024-01-06 10:30,T1,repair,open,
                """);

        var result = _wh.Load(drop.Folder, maxRejectPct: 100);

        result.Rejects.Select(r => (r.File, r.Line, r.Column, r.Reason)).Should().BeEquivalentTo(new[]
        {
            ("budget.csv", 3L, "tenant_id", RejectReason.UnknownTenant),
            ("budget.csv", 4L, "sales_budget", RejectReason.MissingValue),
            ("budget.csv", 5L, "sales_budget", RejectReason.OutOfRange),
            ("budget.csv", 6L, "period", RejectReason.BadDate),
            ("requests.csv", 3L, "status", RejectReason.BadEnum),
            ("requests.csv", 4L, "category", RejectReason.BadEnum),
            ("requests.csv", 5L, "tenant_id", RejectReason.UnknownTenant),
            ("requests.csv", 6L, "resolved_at", RejectReason.OutOfRange),
            ("requests.csv", 7L, "mall_id+request_id", RejectReason.DuplicateKey),
        });
        result.Rejects.First(r => r.Column == "status").Value.Should().Be("closed");
    }

    [Fact]
    public void Load_RowWhoseKeyExists_ReplacesStoredValues()
    {
        using (var first = Drop.WithLeases().File("budget.csv", """
            tenant_id,period,sales_budget,rent_budget
            T1,2024-01,400000,35000
            T2,2024-01,500000,
            """))
        {
            _wh.Load(first.Folder);
        }

        using var correction = new Drop().File("budget.csv", """
            tenant_id,period,sales_budget,rent_budget
            T1,2024-01,420000,35000
            T2,2024-01,500000,
            """);

        var result = _wh.Load(correction.Folder);

        result.Files.Single().RowsChanged.Should().Be(1);
        _wh.Rows("SELECT tenant_id, sales_budget FROM budget ORDER BY 1").Should().Equal("T1|420000.00", "T2|500000.00");
    }

    [Fact]
    public void Load_XlsxSheetsWithChineseHeaders_LoadTheSameRowsAsCsv()
    {
        using var csv = Drop.WithLeases()
            .File("malls.csv", """
                mall_id,mall_name,mall_name_en
                main,星河广场,Galaxy Plaza
                """)
            .File("budget.csv", """
                tenant_id,period,sales_budget,rent_budget
                T1,2024-01,400000,35000
                """)
            .File("turnover_tiers.csv", """
                tenant_id,lease_start,sales_from,rate_pct
                T1,2024-01-01,0,5
                T1,2024-01-01,500000,6%
                """)
            .File("requests.csv", """
                request_id,raised_at,tenant_id,category,status,resolved_at,description
                R1,2024-01-05 10:30:00,T1,repair,resolved,2024-01-06 09:00:00,漏水
                """);
        using var xlsx = Drop.WithLeases();
        MiniExcel.SaveAs(Path.Combine(xlsx.Folder, "operations.xlsx"), new Dictionary<string, object>
        {
            ["malls"] = new[] { new Dictionary<string, object?> { ["项目编号"] = "main", ["项目名称"] = "星河广场", ["英文名稱"] = "Galaxy Plaza" } },
            ["budget"] = new[] { new Dictionary<string, object?> { ["商户编号"] = "T1", ["账期"] = new DateTime(2024, 1, 1), ["銷售目標"] = 400000, ["租金预算"] = 35000 } },
            ["turnover_tiers"] = new[]
            {
                new Dictionary<string, object?> { ["商戶編號"] = "T1", ["起租日"] = new DateTime(2024, 1, 1), ["营业额起点"] = 0, ["提成比例"] = 5 },
                new Dictionary<string, object?> { ["商戶編號"] = "T1", ["起租日"] = new DateTime(2024, 1, 1), ["营业额起点"] = 500000, ["提成比例"] = "6%" },
            },
            ["requests"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["诉求编号"] = "R1", ["提出時間"] = new DateTime(2024, 1, 5, 10, 30, 0), ["商户编号"] = "T1", ["訴求類別"] = "repair",
                    ["状态"] = "resolved", ["处理完成时间"] = new DateTime(2024, 1, 6, 9, 0, 0), ["描述"] = "漏水",
                },
            },
        });
        using var other = new TempWarehouse();
        other.Load(csv.Folder).RowsRejected.Should().Be(0);

        var result = _wh.Load(xlsx.Folder);

        result.RowsRejected.Should().Be(0);
        foreach (var table in new[] { "malls", "budget", "turnover_tiers", "requests" })
        {
            var rows = _wh.Rows($"SELECT * EXCLUDE (load_id) FROM {table} ORDER BY ALL");
            rows.Should().NotBeEmpty().And.Equal(other.Rows($"SELECT * EXCLUDE (load_id) FROM {table} ORDER BY ALL"), because: table);
        }
    }
}
