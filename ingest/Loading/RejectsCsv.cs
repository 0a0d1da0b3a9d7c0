using System.Globalization;
using System.Text;

namespace Analytics.Ingest.Loading;

/// <summary>The rejects list as a CSV the operations team opens in Excel (UTF-8 with BOM, so Chinese stays intact).</summary>
internal static class RejectsCsv
{
    public static void Write(string path, IEnumerable<RejectedRow> rejects)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.Write("file,line,column,value,reason,dataset\r\n");
        foreach (var r in rejects)
        {
            writer.Write(string.Join(",",
                Field(r.Sheet is null ? r.File : $"{r.File}[{r.Sheet}]"), r.Line.ToString(CultureInfo.InvariantCulture),
                Field(r.Column), Field(r.Value), Field(r.Reason), Field(r.Dataset)));
            writer.Write("\r\n");
        }
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
