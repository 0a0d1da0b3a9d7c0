using Analytics.SampleData.Csv;

namespace Analytics.SampleData.Bad;

/// <summary>
/// A small self-contained drop in which every file holds valid rows plus at least one row for each reject reason
/// that can occur in it, and the list of rejections a loader must report (file, physical line, column, reason).
/// Each bad row breaks exactly one rule, so the expected reason is unambiguous. The column of a duplicate_key is the
/// dataset's key joined by '+' (mall_id+unit_id); for malformed_row it is empty (no column can be named).
/// </summary>
internal static class BadDrop
{
    public static readonly string[] ExpectedHeader = ["file", "line", "column", "reason"];

    public static void Write(string dropDir, string expectedPath)
    {
        Directory.CreateDirectory(dropDir);
        var expected = new List<(string File, int Line, string Column, string Reason)>();
        foreach (var file in Files())
        {
            expected.AddRange(file.Write(dropDir));
        }
        using var csv = new CsvWriter(expectedPath, ExpectedHeader);
        foreach (var e in expected)
        {
            csv.WriteRow([e.File, e.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Column, e.Reason]);
        }
    }

    private sealed class BadFile(string name, string header)
    {
        private readonly List<(string Text, string Column, string? Reason)> records = [];

        public BadFile Ok(string text)
        {
            records.Add((text, string.Empty, null));
            return this;
        }

        public BadFile Bad(string text, string column, string reason)
        {
            records.Add((text, column, reason));
            return this;
        }

        public List<(string File, int Line, string Column, string Reason)> Write(string dir)
        {
            var expected = new List<(string, int, string, string)>();
            var line = 2; // the header is line 1
            using var csv = new CsvWriter(Path.Combine(dir, name), header.Split(','));
            foreach (var (text, column, reason) in records)
            {
                if (reason is not null)
                {
                    expected.Add((name, line, column, reason));
                }
                csv.WriteRaw(text);
                line += 1 + text.Count(c => c == '\n'); // a quoted line break makes the record span lines
            }
            return expected;
        }
    }

    private static IEnumerable<BadFile> Files()
    {
        yield return new BadFile("units.csv", "unit_id,floor,zone,area_sqm")
            .Ok("B1-A01,B1,A,120.50")
            .Ok("2F-B02,2F,B,260.00")
            .Ok("1F-A03,1F,A,85.25")
            .Ok("3F-C01,3F,C,310.00")
            .Ok("4F-D05,4F,D,150.00")
            .Bad("4F-D06,4F,D,", "area_sqm", "missing_value")
            .Bad(",4F,D,60.00", "unit_id", "missing_value")
            .Bad("4F-D07,4F,D,12o.00", "area_sqm", "bad_number")
            .Bad("4F-D08,4F,D,\"1,250.00\"", "area_sqm", "bad_number")
            .Bad("4F-D09,4F,D,-40.00", "area_sqm", "out_of_range")
            .Bad("B1-A01,B1,A,121.00", "mall_id+unit_id", "duplicate_key")
            .Bad("4F-D10,4F,D", string.Empty, "malformed_row")
            .Ok("4F-D11,4F,D,95.00");

        const string tenantHeader = "tenant_id,tenant_name,brand,category,unit_id,floor,area_sqm,lease_start,lease_end,base_rent,turnover_rate_pct,service_charge,exit_date,exit_reason,contact_email";
        yield return new BadFile("tenants.csv", tenantHeader)
            .Ok("T001,周记面馆,周记,f&b,B1-A01,B1,120.50,2025-01-01,2027-12-31,12000.00,10%,3000.00,,,shop.t001@example.com")
            .Ok("T002,星河服饰,Urban Lane,fashion,2F-B02,2F,260.00,2024-06-01,2027-05-31,18000.50,8,9100.00,,,")
            .Ok("T003,明珠珠宝,明珠,jewelry,1F-A03,1F,85.25,2025/03/01,2028/02/29,26000.00,,3400.00,,,")
            .Ok("T004,童趣乐园,童趣,kids,3F-C01,3F,310.00,2025-09-01,2028-08-31,15000.00,,10850.00,,,")
            .Ok("T005,老王快剪,,services,4F-D05,4F,150.00,2024-01-01,2026-12-31,6000.00,,5250.00,2026-03-31,\"经营不善,提前撤场\",")
            .Bad("T006,,Mono Lab,fashion,4F-D11,4F,95.00,2025-01-01,2027-12-31,9000.00,,3300.00,,,", "tenant_name", "missing_value")
            .Bad("T007,小满甜品,小满,,4F-D11,4F,95.00,2025-01-01,2027-12-31,9000.00,,3300.00,,,", "category", "missing_value")
            .Bad("T008,拾光眼镜,拾光,services,4F-D11,4F,95.00,2025-01-01,2027-12-31,9000.505,,3300.00,,,", "base_rent", "bad_number")
            .Bad("T009,半山户外,半山,sports,4F-D11,4F,95.00,2025-01-01,2027-12-31,\"15,000.00\",,3300.00,,,", "base_rent", "bad_number")
            .Bad("T010,青禾茶饮,青禾,f&b,4F-D11,4F,95.00,2025-01-01,2027-12-31,9000.00,abc%,3300.00,,,", "turnover_rate_pct", "bad_number")
            .Bad("T011,鲸鱼寿司,鲸鱼,f&b,4F-D11,4F,95.00,2025-02-30,2027-12-31,9000.00,,3300.00,,,", "lease_start", "bad_date")
            .Bad("T012,柚见美甲,柚见,beauty,4F-D11,4F,95.00,2026-01-01,2025-12-31,9000.00,,3300.00,,,", "lease_end", "out_of_range")
            .Bad("T013,麦田烘焙,麦田,f&b,4F-D11,4F,-95.00,2025-01-01,2027-12-31,9000.00,,3300.00,,,", "area_sqm", "out_of_range")
            .Bad("T001,周记面馆,周记,f&b,B1-A01,B1,120.50,2025-01-01,2027-12-31,12500.00,10%,3000.00,,,", "mall_id+tenant_id+lease_start", "duplicate_key")
            .Bad("T014,森林家居,森林,home,4F-D11,4F,95.00,2025-01-01,2027-12-31,9000.00", string.Empty, "malformed_row")
            .Bad("T015,木子书店,木子,services,4F-D11,4F,95.00,2025-01-01,2027-12-31,9000.00,,3300.00,,,shop.t015@example", "contact_email", "bad_email");

        yield return new BadFile("sales.csv", "tenant_id,date,net_sales,transactions")
            .Ok("T001,2026-10-01,8650.40,132")
            .Ok("T001,2026-10-02,7420.00,118")
            .Ok("T001,2026-10-03,-120.00,2")
            .Ok("T002,2026-10-01,15230.90,41")
            .Ok("T002,2026-10-02,0.00,0")
            .Ok("T003,2026-10-01,38900.00,")
            .Ok("T004,2026-10-01,6210.35,30")
            .Ok("T005,2026-03-30,2150.00,25")
            .Bad(",2026-10-01,100.00,3", "tenant_id", "missing_value")
            .Bad("T001,2026-10-04,,5", "net_sales", "missing_value")
            .Bad("T001,2026-10-05,12.345,2", "net_sales", "bad_number")
            .Bad("T001,2026-10-06,\"1,234.00\",9", "net_sales", "bad_number")
            .Bad("T002,2026-10-08,500.00,3.5", "transactions", "bad_number")
            .Bad("T002,2026-10-32,500.00,4", "date", "bad_date")
            .Bad("T002,10/05/2026,500.00,4", "date", "bad_date")
            .Bad("T002,2026-10-07,500.00,-3", "transactions", "out_of_range")
            .Bad("T999,2026-10-01,100.00,1", "tenant_id", "unknown_tenant")
            .Bad("T004,2025-08-15,300.00,2", "date", "outside_lease")
            .Bad("T001,2024-12-31,300.00,2", "date", "outside_lease")
            .Bad("T001,2026-10-01,999.00,9", "mall_id+tenant_id+date", "duplicate_key")
            .Bad("T001,2026-10-09,100.00", string.Empty, "malformed_row")
            .Bad("T001,2026-10-10,100.00,3,extra", string.Empty, "malformed_row")
            .Ok("T004,2026-10-02,5980.00,28");

        yield return new BadFile("rent.csv", "tenant_id,period,charge_type,amount_due,due_date,amount_paid,paid_date")
            .Ok("T001,2026-09,base_rent,12000.00,2026-09-10,12000.00,2026-09-08")
            .Ok("T001,2026-09,service_charge,3000.00,2026-09-10,3000.00,2026-09-08")
            .Ok("T002,2026-09,base_rent,18000.50,2026-09-10,9000.00,2026-09-20")
            .Ok("T003,2026-09,base_rent,26000.00,2026-09-10,,")
            .Ok("T001,2026-08,turnover_rent,1320.45,2026-09-10,1320.45,2026/09/09")
            .Bad("T001,2026-10,parking,100.00,2026-10-10,,", "charge_type", "bad_enum")
            .Bad("T001,2026-13,base_rent,12000.00,2026-10-10,,", "period", "bad_date")
            .Bad("T001,2026-10,base_rent,,2026-10-10,,", "amount_due", "missing_value")
            .Bad("T001,2026-10,base_rent,12000.00,2026-10-10,\"12,000.00\",2026-10-09", "amount_paid", "bad_number")
            .Bad("T002,2026-10,utilities,1500.123,2026-11-10,,", "amount_due", "bad_number")
            .Bad("T001,2026-10,service_charge,3000.00,10/10/2026,,", "due_date", "bad_date")
            .Bad("T002,2026-10,service_charge,9100.00,2026-10-10,9100.00,2026-10-99", "paid_date", "bad_date")
            .Bad("T999,2026-10,base_rent,5000.00,2026-10-10,,", "tenant_id", "unknown_tenant")
            .Bad("T001,2026-09,base_rent,12000.00,2026-09-10,12000.00,2026-09-08", "mall_id+tenant_id+period+charge_type", "duplicate_key")
            .Bad("T002,2026-10,base_rent,18000.50,2026-10-10", string.Empty, "malformed_row")
            .Ok("T004,2026-09,base_rent,15000.00,2026-09-10,15000.00,2026-09-10");

        yield return new BadFile("complaints.csv", "complaint_id,received_at,tenant_id,channel,category,severity,status,resolved_at,description")
            .Ok("CP1,2026-10-02 14:05:00,T001,hotline,service,2,resolved,2026-10-03 09:00:00,\"顾客反映等待时间长,\n要求道歉\"")
            .Ok("CP2,2026-10-05 19:30,,wechat,hygiene,1,open,,商场卫生间缺纸")
            .Ok("CP3,2026-10-06 12:00:00,T002,app,refund,3,resolved,2026-10-08 10:00:00,\"Customer said \"\"no refund\"\", escalated\"")
            .Bad("CP4,2026-10-07 25:61:00,T002,hotline,service,1,open,,服务态度差", "received_at", "bad_timestamp")
            .Bad("CP5,,T002,hotline,service,1,open,,服务态度差", "received_at", "missing_value")
            .Bad("CP6,2026-10-08 10:00:00,T002,hotline,noise,1,open,,\"音乐太吵,\n影响隔壁\"", "category", "bad_enum")
            .Bad("CP7,2026-10-08 11:00:00,T003,onsite,quality,5,open,,质量问题", "severity", "bad_enum")
            .Bad("CP8,2026-10-08 12:00:00,T003,onsite,quality,2,closed,,质量问题", "status", "bad_enum")
            .Bad("CP9,2026-10-08 13:00:00,T999,onsite,quality,2,open,,质量问题", "tenant_id", "unknown_tenant")
            .Bad("CP10,2026-10-09 10:00:00,T003,hotline,,1,open,,价格问题", "category", "missing_value")
            .Bad("CP11,2026-10-09 11:00:00,T003,hotline,price,1,resolved,2026-10-10 9am,价格问题", "resolved_at", "bad_timestamp")
            .Bad("CP1,2026-10-09 12:00:00,T001,hotline,service,1,open,,重复编号", "mall_id+complaint_id", "duplicate_key")
            .Bad("CP12,2026-10-09 13:00:00,T003,hotline,price,1,open,,价格问题,多余字段", string.Empty, "malformed_row")
            .Ok("CP13,2026-10-10 15:20:00,T004,app,safety,3,resolved,2026-10-10 18:00:00,\"滑梯护栏松动，已\"\"立即停用\"\"\"");

        yield return new BadFile("inspections.csv", "date,tenant_id,type,minutes,note")
            .Ok("2026-10-03,T001,late_open,15,开门迟到15分钟")
            .Ok("2026-10-03,T001,hygiene,,地面有垃圾")
            .Ok("2026-10-04,T002,early_close,20,")
            .Bad("2026-10-05,T002,smoking,,店内吸烟", "type", "bad_enum")
            .Bad("2026-10-05,T002,late_open,-10,", "minutes", "out_of_range")
            .Bad("2026-10-05,T003,late_open,ten,", "minutes", "bad_number")
            .Bad("2026/13/05,T003,hygiene,,", "date", "bad_date")
            .Bad("2026-10-06,,hygiene,,", "tenant_id", "missing_value")
            .Bad("2026-10-06,T999,hygiene,,", "tenant_id", "unknown_tenant")
            .Bad("2026-10-03,T001,late_open,20,重复", "mall_id+date+tenant_id+type", "duplicate_key")
            .Bad("2026-10-07,T004,display", string.Empty, "malformed_row")
            .Ok("2026-10-07,T004,fire_safety,,消防通道堆物");

        yield return new BadFile("footfall.csv", "date,zone,visitors")
            .Ok("2026-10-01,,42000")
            .Ok("2026-10-01,A,14000")
            .Ok("2026-10-02,,39000")
            .Ok("2026-10-02,A,13000")
            .Bad("2026-10-03,,-5", "visitors", "out_of_range")
            .Bad("2026-10-03,A,lots", "visitors", "bad_number")
            .Bad("2026-10-03,B,\"38,000\"", "visitors", "bad_number")
            .Bad("2026-10-03,C,", "visitors", "missing_value")
            .Bad("2026-02-30,,30000", "date", "bad_date")
            .Bad("2026-10-01,,41000", "mall_id+date+zone", "duplicate_key")
            .Bad("2026-10-04,A", string.Empty, "malformed_row")
            .Ok("2026-10-03,D,11800");
    }
}
