using Analytics.Ingest.Contract;
using Analytics.Ingest.Tests.Support;
using MiniExcelLibs;

namespace Analytics.Ingest.Tests.Loading;

/// <summary>tenants.contact_email: optional, under its English and Chinese headers, and an invalid address is a reject.</summary>
public sealed class ContactEmailTests : IDisposable
{
    private readonly TempWarehouse _wh = new();

    public void Dispose() => _wh.Dispose();

    [Theory]
    [InlineData("contact_email")]
    [InlineData("联系邮箱")]
    [InlineData("聯繫郵箱")]
    public void Load_CsvWithAddresses_ValidKeptInvalidRejectedWithBadEmail(string header)
    {
        using var drop = new Drop().File("units.csv", Drop.Units).File("tenants.csv", $"""
            tenant_id,tenant_name,category,unit_id,lease_start,lease_end,base_rent,{header}
            T1,喜茶,f&b,U101,2024-01-01,2026-12-31,30000,  shop.t1@example.com 
            T2,周大福,jewelry,U102,2024-03-01,2027-02-28,50000,
            T3,优衣库,fashion,U201,2024-01-01,2025-12-31,60000,not-an-address
            T4,坏行,fashion,U201,2026-01-01,2027-12-31,1,"a@example.com, b@example.com"
            T5,拾光,fashion,U201,2028-01-01,2029-12-31,1,a@example
            """);

        var result = _wh.Load(drop.Folder, maxRejectPct: 100);

        result.Rejects.Select(r => (r.Line, r.Column, r.Value, r.Reason)).Should().Equal(
            (4L, "contact_email", "not-an-address", RejectReason.BadEmail),
            (5L, "contact_email", "a@example.com, b@example.com", RejectReason.BadEmail),
            (6L, "contact_email", "a@example", RejectReason.BadEmail));
        _wh.Rows("SELECT tenant_id, coalesce(contact_email, '-') FROM tenants ORDER BY tenant_id")
            .Should().Equal("T1|shop.t1@example.com", "T2|-");
    }

    [Fact]
    public void Load_XlsxWithChineseHeader_SameRuleAsCsv()
    {
        using var drop = new Drop();
        var tenants = new[]
        {
            new Dictionary<string, object?>
            {
                ["商户编号"] = "T1", ["商户名称"] = "喜茶", ["业态"] = "f&b", ["铺位号"] = "U101", ["面积"] = 80,
                ["起租日"] = new DateTime(2024, 1, 1), ["到期日"] = new DateTime(2026, 12, 31), ["保底租金"] = 30000, ["联系邮箱"] = "t1@example.com",
            },
            new Dictionary<string, object?>
            {
                ["商户编号"] = "T2", ["商户名称"] = "周大福", ["业态"] = "jewelry", ["铺位号"] = "U102", ["面积"] = 80,
                ["起租日"] = new DateTime(2024, 1, 1), ["到期日"] = new DateTime(2026, 12, 31), ["保底租金"] = 30000, ["联系邮箱"] = "t2 @example.com",
            },
        };
        MiniExcel.SaveAs(Path.Combine(drop.Folder, "mall.xlsx"), new Dictionary<string, object> { ["tenants"] = tenants });

        var result = _wh.Load(drop.Folder, maxRejectPct: 100);

        result.Rejects.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Sheet = "tenants", Line = 3L, Column = "contact_email", Value = "t2 @example.com", Reason = RejectReason.BadEmail,
        });
        _wh.Rows("SELECT tenant_id, contact_email FROM tenants").Should().Equal("T1|t1@example.com");
    }

    [Theory]
    [InlineData("shop.t0001@example.com", true)]
    [InlineData("o'neil+mall@mail.example.cn", true)]
    [InlineData("a@b", false)]
    [InlineData("a@@example.com", false)]
    [InlineData(".a@example.com", false)]
    [InlineData("a@example.com\nBcc: x@example.com", false)]
    [InlineData("<a@example.com>", false)]
    [InlineData("张三@example.com", false)]
    public void IsEmail_Examples(string address, bool valid) =>
        DataContract.IsEmail(address).Should().Be(valid);
}
