using Analytics.Ingest.Contract;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Tests.Support;
using MiniExcelLibs;

namespace Analytics.Ingest.Tests.Loading;

public sealed class DropLoaderTests : IDisposable
{
    private readonly TempWarehouse _wh = new();

    public void Dispose() => _wh.Dispose();

    [Fact]
    public void Load_ValidDrop_LoadsEveryDatasetWithTypes()
    {
        using var drop = Drop.WithLeases()
            .File("sales.csv", """
                tenant_id,date,net_sales,transactions
                T1,2024-01-01,1000.50,40
                T1,2024-01-02,-20,1
                T2,2024/03/05,88000,
                """)
            .File("rent.csv", """
                tenant_id,period,charge_type,amount_due,due_date,amount_paid,paid_date
                T1,2024-01,Base_Rent ,30000,2024-01-10,30000,2024-01-09
                T1,2024-01,turnover_rent,500.25,2024-02-10,,
                """)
            .File("complaints.csv", """
                complaint_id,received_at,tenant_id,channel,category,severity,status,resolved_at,description
                C1,2024-01-05 10:30,T1,hotline,service,2,resolved,2024-01-06 09:00:00,排队太久
                C2,2024-01-06 11:00:00,,app,hygiene,minor,open,,洗手间
                """)
            .File("inspections.csv", """
                date,tenant_id,type,minutes,note
                2024-01-08,T1,late_open,25,
                2024-01-08,T2,hygiene,,地面
                """)
            .File("footfall.csv", """
                date,zone,visitors
                2024-01-01,,12000
                2024-01-01,A,5000
                """);

        var result = _wh.Load(drop.Folder);

        result.Refused.Should().BeFalse();
        result.RowsRejected.Should().Be(0);
        result.Files.Select(f => (f.Dataset, f.RowsLoaded)).Should().BeEquivalentTo(new[]
        {
            ("units", 3L), ("tenants", 3L), ("sales", 3L), ("rent", 2L), ("complaints", 2L), ("inspections", 2L), ("footfall", 2L),
        });
        _wh.Rows("SELECT tenant_id, date, net_sales, transactions FROM sales ORDER BY tenant_id, date").Should().Equal(
            "T1|01/01/2024|1000.50|40", "T1|01/02/2024|-20.00|1", "T2|03/05/2024|88000.00|");
        _wh.Rows("SELECT mall_id, turnover_rate_pct, service_charge FROM tenants ORDER BY tenant_id").Should().Equal(
            "main|8.0000|2000.00", "main|5.0000|3000.00", "main|0.0000|4000.00");
        _wh.Rows("SELECT charge_type, period, amount_paid, paid_date FROM rent ORDER BY due_date").Should().Equal(
            "base_rent|01/01/2024|30000.00|01/09/2024", "turnover_rent|01/01/2024|0.00|");
        _wh.Rows("SELECT complaint_id, coalesce(tenant_id, '-'), severity, received_at FROM complaints ORDER BY 1").Should().Equal(
            "C1|T1|2|01/05/2024 10:30:00", "C2|-|1|01/06/2024 11:00:00");
        _wh.Rows("SELECT zone, visitors FROM footfall ORDER BY zone").Should().Equal("|12000", "A|5000");
        _wh.Rows("SELECT load_id, rows_read, rows_loaded, rows_rejected FROM load_log").Should().Equal("1|17|17|0");
        _wh.Scalar<long>("SELECT count(*) FROM load_files WHERE length(sha256) = 64").Should().Be(7);
    }

    [Theory]
    // Each case: the sales row (after the header), the column and the reason the loader must give.
    [InlineData("T1,2024-01-03,,5", "net_sales", RejectReason.MissingValue)]
    [InlineData("T1,2024-01-03,\"1,000\",5", "net_sales", RejectReason.BadNumber)]
    [InlineData("T1,2024-01-03,10.555,5", "net_sales", RejectReason.BadNumber)]
    [InlineData("T1,2024-01-03,12,4.5", "transactions", RejectReason.BadNumber)]
    [InlineData("T1,2024-02-30,12,5", "date", RejectReason.BadDate)]
    [InlineData("T1,03.01.2024,12,5", "date", RejectReason.BadDate)]
    [InlineData("T1,2024-01-03,12,-5", "transactions", RejectReason.OutOfRange)]
    [InlineData("T9,2024-01-03,12,5", "tenant_id", RejectReason.UnknownTenant)]
    [InlineData("T3,2026-01-03,12,5", "date", RejectReason.OutsideLease)]
    [InlineData("T1,2024-01-03,12", null, RejectReason.MalformedRow)]
    [InlineData("T1,2024-01-03,12,5,extra", null, RejectReason.MalformedRow)]
    public void Load_SalesRowBreakingContract_IsRejectedWithLineColumnAndReason(string badRow, string? column, string reason)
    {
        using var drop = Drop.WithLeases().File("sales.csv", $"""
            tenant_id,date,net_sales,transactions
            T1,2024-01-01,100,5
            {badRow}
            T1,2024-01-02,200,6
            """);

        var result = _wh.Load(drop.Folder, maxRejectPct: 100);

        result.Rejects.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            File = "sales.csv", Line = 3L, Column = column, Reason = reason,
        });
        _wh.Rows("SELECT date FROM sales ORDER BY date").Should().Equal("01/01/2024", "01/02/2024");
        _wh.Scalar<long>("SELECT count(*) FROM rejected_rows WHERE line = 3 AND reason = '" + reason + "'").Should().Be(1);
    }

    [Fact]
    public void Load_EnumsAndTimestamps_RejectUnknownValues()
    {
        using var drop = Drop.WithLeases()
            .File("rent.csv", """
                tenant_id,period,charge_type,amount_due,due_date
                T1,2024-01,parking,100,2024-01-10
                T1,2024-13,base_rent,100,2024-01-10
                """)
            .File("complaints.csv", """
                complaint_id,received_at,tenant_id,category,severity,status
                C1,yesterday,T1,service,1,open
                C2,2024-01-01 10:00,T1,service,4,open
                C3,2024-01-01 10:00,T1,noise,1,open
                C4,2024-01-01 10:00,T1,service,1,closed
                """)
            .File("inspections.csv", """
                date,tenant_id,type,minutes
                2024-01-02,T1,smoking,
                """);

        var result = _wh.Load(drop.Folder, maxRejectPct: 100);

        result.Rejects.Select(r => (r.File, r.Line, r.Column, r.Reason)).Should().BeEquivalentTo(new[]
        {
            ("rent.csv", 2L, "charge_type", RejectReason.BadEnum),
            ("rent.csv", 3L, "period", RejectReason.BadDate),
            ("complaints.csv", 2L, "received_at", RejectReason.BadTimestamp),
            ("complaints.csv", 3L, "severity", RejectReason.BadEnum),
            ("complaints.csv", 4L, "category", RejectReason.BadEnum),
            ("complaints.csv", 5L, "status", RejectReason.BadEnum),
            ("inspections.csv", 2L, "type", RejectReason.BadEnum),
        });
        result.Rejects.First(r => r.Column == "charge_type").Value.Should().Be("parking");
    }

    [Fact]
    public void Load_LeaseRules_RejectEndBeforeStartAndMissingAreaWithoutUnits()
    {
        using var drop = new Drop().File("tenants.csv", """
            tenant_id,tenant_name,category,unit_id,area_sqm,lease_start,lease_end,base_rent
            T1,甲,f&b,U1,50,2024-01-01,2023-12-31,100
            T2,乙,f&b,U2,,2024-01-01,2025-12-31,100
            T3,丙,f&b,U3,60,2024-01-01,2025-12-31,100
            """);

        var result = _wh.Load(drop.Folder, maxRejectPct: 100);

        result.Rejects.Select(r => (r.Line, r.Column, r.Reason)).Should().Equal(
            (2L, "lease_end", RejectReason.OutOfRange), (3L, "area_sqm", RejectReason.MissingValue));
        _wh.Rows("SELECT tenant_id FROM tenants").Should().Equal("T3");
    }

    [Fact]
    public void Load_KeyRepeatedInFile_KeepsFirstOccurrence()
    {
        using var drop = Drop.WithLeases().File("sales.csv", """
            tenant_id,date,net_sales
            T1,2024-01-01,100
            T1,2024-01-01,999
            T1,2024-01-02,200
            """);

        var result = _wh.Load(drop.Folder, maxRejectPct: 100);

        result.Rejects.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Line = 3L, Reason = RejectReason.DuplicateKey, Value = "main / T1 / 2024-01-01",
        });
        _wh.Rows("SELECT net_sales FROM sales ORDER BY date").Should().Equal("100.00", "200.00");
    }

    [Fact]
    public void Load_BomCrlfAndQuotedLineBreaks_ReadsTextExactlyAndCountsPhysicalLines()
    {
        using var drop = Drop.WithLeases().File("complaints.csv", """
            complaint_id,received_at,tenant_id,category,severity,status,description
            C1,2024-01-05 10:30,T1,service,2,open,"店员说""没货""，
            然后走了, 很不满意"
            C2,2024-01-05 11:30,T1,service,9,open,"第二行
            第三行"
            C3,2024-01-05 12:30,T2,price,1,open,普通
            """, bom: true, crlf: true);

        var result = _wh.Load(drop.Folder, maxRejectPct: 100);

        // C2 starts on physical line 4 (C1's description spans lines 2 and 3).
        result.Rejects.Should().ContainSingle().Which.Line.Should().Be(4);
        _wh.Rows("SELECT description FROM complaints WHERE complaint_id = 'C1'").Should().Equal("店员说\"没货\"，\r\n然后走了, 很不满意");
        _wh.Rows("SELECT complaint_id FROM complaints ORDER BY 1").Should().Equal("C1", "C3");
    }

    [Fact]
    public void Load_ChineseHeaders_SimplifiedAndTraditionalMapToContractColumns()
    {
        using var drop = new Drop()
            .File("units.csv", """
                铺位号,楼层,区域,面积
                U1,1F,A,100
                """)
            .File("tenants.csv", """
                商戶編號,商戶名稱,業態,鋪位號,起租日,到期日,保底租金,提成比例
                T1,鼎泰豐,f&b,U1,2024-01-01,2026-12-31,50000,10%
                """)
            .File("sales.csv", """
                商户编号,日期,销售额,交易笔数,收银员
                T1,2024-01-01,5000,120,张三
                """);

        var result = _wh.Load(drop.Folder);

        result.RowsRejected.Should().Be(0);
        result.Files.Single(f => f.Dataset == "sales").IgnoredColumns.Should().Equal("收银员");
        _wh.Rows("SELECT tenant_name, turnover_rate_pct, area_sqm IS NULL FROM tenants").Should().Equal("鼎泰豐|10.0000|True");
        _wh.Rows("SELECT net_sales, transactions FROM sales").Should().Equal("5000.00|120");
    }

    [Fact]
    public void Load_MissingRequiredColumn_RefusesTheDropWithOneSentence()
    {
        using var drop = Drop.WithLeases().File("sales.csv", """
            tenant_id,date
            T1,2024-01-01
            """);

        var result = _wh.Load(drop.Folder);

        result.Refused.Should().BeTrue();
        result.Problems.Should().ContainSingle(p => p.Contains("sales.csv") && p.Contains("net_sales is missing"));
        _wh.Scalar<long>("SELECT count(*) FROM tenants").Should().Be(0);
    }

    [Fact]
    public void Load_XlsxSheetsWithDateCells_LoadSameRowsAsCsv()
    {
        using var csv = Drop.WithLeases();
        using var xlsx = new Drop();
        var units = new[]
        {
            new Dictionary<string, object?> { ["铺位号"] = "U101", ["楼层"] = "1F", ["区域"] = "A", ["面积"] = 120.5 },
            new Dictionary<string, object?> { ["铺位号"] = "U102", ["楼层"] = "1F", ["区域"] = "A", ["面积"] = 80 },
            new Dictionary<string, object?> { ["铺位号"] = null, ["楼层"] = null, ["区域"] = null, ["面积"] = null },
            new Dictionary<string, object?> { ["铺位号"] = "U201", ["楼层"] = "2F", ["区域"] = "B", ["面积"] = 200 },
        };
        var tenants = new[]
        {
            Lease("T1", "喜茶", "HEYTEA", "f&b", "U101", new DateTime(2024, 1, 1), new DateTime(2026, 12, 31), 30000, "8%", 2000),
            Lease("T2", "周大福", "CTF", "jewelry", "U102", new DateTime(2024, 3, 1), new DateTime(2027, 2, 28), 50000, 5, 3000),
            Lease("T3", "优衣库", "UNIQLO", "fashion", "U201", new DateTime(2024, 1, 1), "2025/12/31", 60000, 0, 4000),
            Lease("T4", "坏行", "X", "fashion", "U201", "not a date", new DateTime(2025, 12, 31), 1, 0, 0),
        };
        MiniExcel.SaveAs(Path.Combine(xlsx.Folder, "mall.xlsx"), new Dictionary<string, object> { ["units"] = units, ["tenants"] = tenants, ["notes"] = units });

        var fromXlsx = _wh.Load(xlsx.Folder, maxRejectPct: 100);
        var xlsxRows = _wh.Rows("SELECT * EXCLUDE (load_id) FROM tenants ORDER BY tenant_id");
        using var other = new TempWarehouse();
        other.Load(csv.Folder);

        fromXlsx.Rejects.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            File = "mall.xlsx", Sheet = "tenants", Line = 5L, Column = "lease_start", Reason = RejectReason.BadDate,
        });
        fromXlsx.Problems.Should().Contain(p => p.Contains("mall.xlsx[notes]"));
        xlsxRows.Should().Equal(other.Rows("SELECT * EXCLUDE (load_id) FROM tenants ORDER BY tenant_id"));
        _wh.Rows("SELECT * EXCLUDE (load_id) FROM units ORDER BY unit_id").Should().Equal(other.Rows("SELECT * EXCLUDE (load_id) FROM units ORDER BY unit_id"));

        static Dictionary<string, object?> Lease(string id, string name, string brand, string category, string unit,
            object start, object end, object rent, object rate, object service) => new()
        {
            ["商户编号"] = id, ["商户名称"] = name, ["品牌"] = brand, ["业态"] = category, ["铺位号"] = unit,
            ["起租日"] = start, ["到期日"] = end, ["保底租金"] = rent, ["提成比例"] = rate, ["物业费"] = service,
        };
    }

    [Fact]
    public void Load_SameDropTwice_ChangesNothing()
    {
        using var drop = Drop.WithLeases().File("sales.csv", """
            tenant_id,date,net_sales
            T1,2024-01-01,100
            T2,2024-03-01,200
            """);
        _wh.Load(drop.Folder);
        var before = _wh.Rows("SELECT * FROM sales ORDER BY ALL");

        var again = _wh.Load(drop.Folder);

        again.Files.Sum(f => f.RowsChanged).Should().Be(0);
        again.RowsLoaded.Should().Be(8);
        _wh.Rows("SELECT * FROM sales ORDER BY ALL").Should().Equal(before);
        _wh.Scalar<long>("SELECT count(*) FROM tenants").Should().Be(3);
    }

    [Fact]
    public void Load_RowWithExistingKey_ReplacesStoredValues()
    {
        using var first = Drop.WithLeases().File("sales.csv", """
            tenant_id,date,net_sales,transactions
            T1,2024-01-01,100,10
            T1,2024-01-02,200,20
            """);
        _wh.Load(first.Folder);
        using var correction = new Drop().File("sales.csv", """
            tenant_id,date,net_sales,transactions
            T1,2024-01-02,250,21
            """);

        var result = _wh.Load(correction.Folder);

        result.Files.Single().RowsChanged.Should().Be(1);
        _wh.Rows("SELECT date, net_sales, transactions, load_id FROM sales ORDER BY date").Should().Equal(
            "01/01/2024|100.00|10|1", "01/02/2024|250.00|21|2");
    }

    [Fact]
    public void Load_FileAboveRejectLimit_RefusesWholeDropAndLeavesWarehouseUnchanged()
    {
        using var good = Drop.WithLeases().File("sales.csv", """
            tenant_id,date,net_sales
            T1,2024-01-01,100
            """);
        _wh.Load(good.Folder);
        var before = _wh.ContentFingerprint();
        using var bad = new Drop()
            .File("footfall.csv", """
                date,visitors
                2024-01-01,100
                """)
            .File("sales.csv", """
                tenant_id,date,net_sales
                T1,2024-01-02,100
                T1,2024-01-03,abc
                """);

        var result = _wh.Load(bad.Folder);

        result.Refused.Should().BeTrue();
        result.Files.Single(f => f.Dataset == "sales").RefusalReason.Should().Contain("1 of 2 rows rejected (50 %)");
        File.ReadAllText(result.RejectsFile!).Should().Contain("sales.csv,3,net_sales,abc,bad_number");
        _wh.ContentFingerprint().Should().Be(before);
    }

    [Fact]
    public void Load_RowsCheckedAgainstLeasesAlreadyInWarehouse()
    {
        using var leases = Drop.WithLeases();
        _wh.Load(leases.Folder);
        using var nightly = new Drop().File("sales.csv", """
            tenant_id,date,net_sales
            T3,2025-06-01,100
            """);

        _wh.Load(nightly.Folder).RowsLoaded.Should().Be(1);
    }

    [Fact]
    public void Load_SalesBetweenTwoLeasesOrAfterExit_AreOutsideLease()
    {
        // A renewal that starts a month after the first lease ended leaves a gap; a tenant that left early
        // has no lease after its exit date. Both must be caught although the tenant's first and last sale
        // fall inside its leases (the per-tenant summary alone would accept them).
        using var drop = new Drop()
            .File("tenants.csv", """
                tenant_id,tenant_name,category,unit_id,area_sqm,lease_start,lease_end,base_rent,exit_date,exit_reason
                T1,甲,f&b,U1,50,2024-01-01,2024-06-30,100,,
                T1,甲,f&b,U1,50,2024-08-01,2025-12-31,100,,
                T2,乙,fashion,U2,80,2024-01-01,2026-12-31,100,2024-09-30,经营不善
                """)
            .File("sales.csv", """
                tenant_id,date,net_sales
                T1,2024-01-01,1
                T1,2024-07-15,2
                T1,2024-08-02,3
                T2,2024-09-30,4
                T2,2024-10-01,5
                T1,2025-12-31,6
                """);

        var result = _wh.Load(drop.Folder, maxRejectPct: 100);

        result.Rejects.Select(r => (r.Line, r.Reason, r.Value)).Should().Equal(
            (3L, RejectReason.OutsideLease, "2024-07-15"), (6L, RejectReason.OutsideLease, "2024-10-01"));
        _wh.Rows("SELECT net_sales FROM sales ORDER BY net_sales").Should().Equal("1.00", "3.00", "4.00", "6.00");
    }

    [Fact]
    public void Load_ValueTheTypedReaderCannotCast_IsJudgedByTheTextRulesOnItsOwnLine()
    {
        // "1,000" fails DuckDB's typed reader; it is re-read as text and rejected with the contract's reason,
        // and the rows after it keep their own line numbers.
        using var drop = Drop.WithLeases().File("sales.csv", """
            tenant_id,date,net_sales
            T1,2024-01-01,100
            T1,2024-01-02,"1,000"
            T1,2024年1月3日,300
            T1,2024-01-04,-0.001
            T9,2024-01-05,500
            T1,2024-01-06,600
            """);

        var result = _wh.Load(drop.Folder, maxRejectPct: 100);

        result.Rejects.Select(r => (r.Line, r.Column, r.Value, r.Reason)).Should().Equal(
            (3L, "net_sales", "1,000", RejectReason.BadNumber),
            (4L, "date", "2024年1月3日", RejectReason.BadDate),
            (5L, "net_sales", "-0.001", RejectReason.BadNumber),
            (6L, "tenant_id", "T9", RejectReason.UnknownTenant));
        result.Files.Single(f => f.Dataset == "sales").Should().BeEquivalentTo(new { RowsRead = 6L, RowsLoaded = 2L, RowsRejected = 4L });
    }

    [Fact]
    public void Load_SalesWithSpacesAroundIds_TrimsThemAndKeepsFileOrderForDuplicates()
    {
        // The fast path does not trim (it costs a fifth of a large load); padded rows take the text path.
        // The padded first occurrence of a key must still win over the plain repeat that follows it.
        using var drop = Drop.WithLeases().File("sales.csv", """
            tenant_id,date,net_sales
            " T1 ",2024-01-01,100
            T1,2024-01-01,999
            T2 ,2024-03-01,200
            """);

        var result = _wh.Load(drop.Folder, maxRejectPct: 100);

        result.Rejects.Select(r => (r.Line, r.Reason)).Should().Equal((3L, RejectReason.DuplicateKey));
        _wh.Rows("SELECT tenant_id, net_sales FROM sales ORDER BY tenant_id").Should().Equal("T1|100.00", "T2|200.00");
    }

    [Fact]
    public void Load_MissingFolder_IsAUserError()
    {
        var act = () => _wh.Load(Path.Combine(_wh.Folder, "nope"));

        act.Should().Throw<UserError>().WithMessage("*does not exist*");
    }
}
