using System.Text;

namespace Analytics.Web.Tests.Support;

/// <summary>An export of the CLI (RFC 4180 CSV with a header) as rows of column name to text.</summary>
public sealed class ExportCsv
{
    private ExportCsv(IReadOnlyList<string> columns, IReadOnlyList<Dictionary<string, string>> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<Dictionary<string, string>> Rows { get; }

    public Dictionary<string, string> Tenant(string id) => Rows.First(r => r["tenant_id"] == id);

    public static ExportCsv Parse(string text)
    {
        var records = Records(text.TrimStart('\uFEFF')).ToList();
        var header = records[0];
        var rows = records.Skip(1).Where(r => r.Count == header.Count)
            .Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
        return new ExportCsv(header, rows);
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
            }
            else { field.Append(c); }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
