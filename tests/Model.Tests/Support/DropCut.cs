using System.Text;

namespace Analytics.Model.Tests.Support;

/// <summary>
/// A copy of a CSV drop as it would have been exported at the end of a day, written independently of the
/// backtest's own cut: rows dated after the day removed (sales, inspections and footfall by date, rent by due
/// date, complaints by receipt, leases by start), payments after it unpaid, complaints resolved after it open,
/// exits after it not happened. Records keep their form (quotes, line breaks, BOM, CRLF).
/// </summary>
internal static class DropCut
{
    public static void Write(string source, string target, DateOnly day)
    {
        Directory.CreateDirectory(target);
        // The operations datasets name leases and tenants: only those whose lease had started by the day.
        var (_, _, tenantHeader, tenantRecords) = Read(Path.Combine(source, "tenants.csv"));
        var known = tenantRecords.Where(r => Day(r[Array.IndexOf(tenantHeader, "lease_start")]) <= day)
            .Select(r => r[Array.IndexOf(tenantHeader, "tenant_id")]).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(source, "*.csv"))
        {
            var name = Path.GetFileName(file);
            var (bom, newline, header, records) = Read(file);
            int Col(params string[] names) => names.Select(n => Array.IndexOf(header, n)).First(i => i >= 0);
            IEnumerable<string[]> kept = name switch
            {
                "sales.csv" or "footfall.csv" => records.Where(r => Day(r[Col("date")]) <= day),
                "inspections.csv" => records.Where(r => Day(r[Col("date", "日期")]) <= day),
                "rent.csv" => records.Where(r => Day(r[Col("due_date", "应缴日期")]) <= day).Select(r =>
                {
                    var paid = Col("paid_date", "缴费日期");
                    if (r[paid].Length > 0 && Day(r[paid]) > day)
                    {
                        r[paid] = "";
                        r[Col("amount_paid", "实收金额")] = "0.00";
                    }

                    return r;
                }),
                "complaints.csv" => records.Where(r => Day(r[Col("received_at")]) <= day).Select(r =>
                {
                    var resolved = Col("resolved_at");
                    if (r[resolved].Length > 0 && Day(r[resolved]) > day)
                    {
                        r[resolved] = "";
                        r[Col("status")] = "open";
                    }

                    return r;
                }),
                "tenants.csv" => records.Where(r => Day(r[Col("lease_start")]) <= day).Select(r =>
                {
                    var exit = Col("exit_date");
                    if (r[exit].Length > 0 && Day(r[exit]) > day)
                    {
                        r[exit] = "";
                        r[Col("exit_reason")] = "";
                    }

                    return r;
                }),
                "turnover_tiers.csv" => records.Where(r => Day(r[Col("lease_start")]) <= day),
                "budget.csv" => records.Where(r => known.Contains(r[Col("tenant_id")])),
                "requests.csv" => records.Where(r => known.Contains(r[Col("tenant_id")]) && Day(r[Col("raised_at")]) <= day).Select(r =>
                {
                    var resolved = Col("resolved_at");
                    if (r[resolved].Length > 0 && Day(r[resolved]) > day)
                    {
                        r[resolved] = "";
                        r[Col("status")] = "open";
                        r[Col("resolution")] = "";
                    }

                    return r;
                }),
                _ => records,
            };
            var sb = new StringBuilder();
            foreach (var r in kept.Prepend(header))
            {
                sb.Append(string.Join(",", r.Select(Quote))).Append(newline);
            }

            File.WriteAllText(Path.Combine(target, name), sb.ToString(), new UTF8Encoding(bom));
        }
    }

    /// <summary>The date part of a date or timestamp as exported (YYYY-MM-DD or YYYY/MM/DD).</summary>
    private static DateOnly Day(string text) =>
        DateOnly.ParseExact(text.Trim()[..10].Replace('/', '-'), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>RFC 4180 records (quoted fields may hold commas, quotes and line breaks).</summary>
    private static (bool Bom, string Newline, string[] Header, List<string[]> Records) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var text = Encoding.UTF8.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return (bom, newline, records[0], records.Skip(1).ToList());
    }
}
