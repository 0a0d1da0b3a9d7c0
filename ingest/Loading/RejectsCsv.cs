using System.Globalization;
using System.Text;
using Analytics.Ingest.Csv;

namespace Analytics.Ingest.Loading;

/// <summary>
/// The rejects list as a CSV the operations team opens in Excel (UTF-8 with BOM, so Chinese stays intact; cells that
/// Excel would evaluate are neutralised by <see cref="SpreadsheetText"/>).
/// </summary>
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

    // A rejected value is whatever the file held, =HYPERLINK(...) included: neutralised like every CSV the platform writes.
    private static string Field(string? value) => SpreadsheetText.CsvField(value);
}
