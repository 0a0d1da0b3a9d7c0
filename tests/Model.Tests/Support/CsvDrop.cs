using System.Text;
using DuckDB.NET.Data;

namespace Analytics.Model.Tests.Support;

/// <summary>
/// Loads a clean contract drop (CSV files, English or Chinese headers) straight into the warehouse tables with
/// DuckDB's read_csv, for tests of the analysis on the sample. Not a loader: no checks, no rejects, no load log
/// (the ingest project does that); only enough to put well-formed sample rows where the schema wants them.
/// </summary>
internal static class CsvDrop
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["项目编号"] = "mall_id", ["項目編號"] = "mall_id", ["铺位号"] = "unit_id", ["鋪位號"] = "unit_id", ["楼层"] = "floor", ["樓層"] = "floor",
        ["区域"] = "zone", ["區域"] = "zone", ["面积"] = "area_sqm", ["面積"] = "area_sqm", ["商户编号"] = "tenant_id", ["商戶編號"] = "tenant_id",
        ["商户名称"] = "tenant_name", ["商戶名稱"] = "tenant_name", ["品牌"] = "brand", ["业态"] = "category", ["業態"] = "category",
        ["起租日"] = "lease_start", ["到期日"] = "lease_end", ["保底租金"] = "base_rent", ["提成比例"] = "turnover_rate_pct",
        ["物业费"] = "service_charge", ["物業費"] = "service_charge", ["撤场日期"] = "exit_date", ["撤場日期"] = "exit_date",
        ["撤场原因"] = "exit_reason", ["撤場原因"] = "exit_reason", ["日期"] = "date", ["销售额"] = "net_sales", ["銷售額"] = "net_sales",
        ["交易笔数"] = "transactions", ["交易筆數"] = "transactions", ["账期"] = "period", ["賬期"] = "period", ["费用类型"] = "charge_type",
        ["費用類型"] = "charge_type", ["应收金额"] = "amount_due", ["應收金額"] = "amount_due", ["应缴日期"] = "due_date", ["應繳日期"] = "due_date",
        ["实收金额"] = "amount_paid", ["實收金額"] = "amount_paid", ["缴费日期"] = "paid_date", ["繳費日期"] = "paid_date",
        ["投诉编号"] = "complaint_id", ["投訴編號"] = "complaint_id", ["投诉时间"] = "received_at", ["投訴時間"] = "received_at",
        ["渠道"] = "channel", ["投诉类别"] = "category", ["投訴類別"] = "category", ["严重程度"] = "severity", ["嚴重程度"] = "severity",
        ["状态"] = "status", ["狀態"] = "status", ["处理完成时间"] = "resolved_at", ["處理完成時間"] = "resolved_at", ["描述"] = "description",
        ["类型"] = "type", ["類型"] = "type", ["分钟"] = "minutes", ["分鐘"] = "minutes", ["备注"] = "note", ["備註"] = "note", ["客流"] = "visitors",
    };

    private static readonly Dictionary<string, string> Inserts = new(StringComparer.Ordinal)
    {
        ["units"] = "SELECT {mall}, unit_id, floor, zone, area_sqm::DECIMAL(18,2), 0 FROM src",
        ["tenants"] = """
            SELECT {mall}, tenant_id, tenant_name, {brand}, lower(trim(category)), unit_id, {floor}, {area}::DECIMAL(18,2),
                   {d:lease_start}, {d:lease_end}, base_rent::DECIMAL(18,2),
                   coalesce(replace({turnover_rate_pct}, '%', ''), '0')::DECIMAL(9,4), coalesce({service_charge}, '0')::DECIMAL(18,2),
                   {d:exit_date}, {exit_reason}, 0 FROM src
            """,
        ["sales"] = "SELECT {mall}, tenant_id, {d:date}, net_sales::DECIMAL(18,2), {transactions}::INTEGER, 0 FROM src",
        ["rent"] = """
            SELECT {mall}, tenant_id, (replace(period, '/', '-') || '-01')::DATE, lower(trim(charge_type)), amount_due::DECIMAL(18,2),
                   {d:due_date}, coalesce({amount_paid}, '0')::DECIMAL(18,2), {d:paid_date}, 0 FROM src
            """,
        ["complaints"] = """
            SELECT {mall}, complaint_id, replace(received_at, '/', '-')::TIMESTAMP, nullif(trim({tenant_id}), ''), {channel},
                   lower(trim(category)), severity::INTEGER, lower(trim(status)), replace({resolved_at}, '/', '-')::TIMESTAMP, {description}, 0 FROM src
            """,
        ["inspections"] = "SELECT {mall}, {d:date}, tenant_id, lower(trim(type)), {minutes}::INTEGER, {note}, 0 FROM src",
        ["footfall"] = "SELECT {mall}, {d:date}, coalesce({zone}, ''), visitors::BIGINT, 0 FROM src",
    };

    public static void Load(DuckDBConnection connection, string folder)
    {
        foreach (var (table, select) in Inserts)
        {
            var path = Path.Combine(folder, table + ".csv");
            if (!File.Exists(path))
            {
                continue;
            }

            string header;
            using (var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                header = reader.ReadLine() ?? "";
            }

            var names = header.TrimStart('\uFEFF').Split(',').Select(h => h.Trim()).Select(h => Chinese.GetValueOrDefault(h, h)).ToList();
            var sql = Placeholders(select, names);
            var list = string.Join(", ", names.Select(n => $"'{n}'"));
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"""
                INSERT INTO {table}
                WITH src AS (SELECT * FROM read_csv('{path.Replace("'", "''", StringComparison.Ordinal)}', header = true, all_varchar = true, names = [{list}], quote = '"', escape = '"'))
                {sql}
                """;
            cmd.ExecuteNonQuery();
        }
    }

    private static string Placeholders(string select, IReadOnlyList<string> names)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < select.Length)
        {
            var open = select.IndexOf('{', i);
            if (open < 0)
            {
                result.Append(select, i, select.Length - i);
                break;
            }

            result.Append(select, i, open - i);
            var close = select.IndexOf('}', open);
            var token = select[(open + 1)..close];
            result.Append(token switch
            {
                "mall" => names.Contains("mall_id") ? "coalesce(nullif(trim(mall_id), ''), 'main')" : "'main'",
                _ when token.StartsWith("d:", StringComparison.Ordinal) => names.Contains(token[2..]) ? $"replace({token[2..]}, '/', '-')::DATE" : "NULL::DATE",
                _ => names.Contains(token) ? token : "NULL",
            });
            i = close + 1;
        }

        return result.ToString();
    }
}
