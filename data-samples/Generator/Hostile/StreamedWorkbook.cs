using System.IO.Compression;
using System.Text;

namespace Analytics.SampleData.Hostile;

/// <summary>
/// Writes a one-sheet xlsx by streaming its XML straight into the zip, so a test can build a workbook whose sheet
/// unpacks to hundreds of megabytes (one 200 MB cell) without holding it in memory: repeated characters compress
/// to almost nothing, which is exactly what makes such a file dangerous to a reader that unpacks it whole.
/// </summary>
public static class StreamedWorkbook
{
    /// <summary>A cell holding this text is written as <c>hugeChars</c> letters 'x' instead.</summary>
    public const string Huge = "\u0001HUGE\u0001";

    public static void Write(string path, string sheet, IEnumerable<IReadOnlyList<string?>> rows, long hugeChars = 0)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """);
        Part(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Part(zip, "xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{Escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        Part(zip, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """);

        using var stream = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        writer.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        var r = 0;
        foreach (var row in rows)
        {
            r++;
            writer.Write($"<row r=\"{r}\">");
            for (var c = 0; c < row.Count; c++)
            {
                if (row[c] is not { } value)
                {
                    continue;
                }

                writer.Write($"<c r=\"{ColumnName(c)}{r}\" t=\"inlineStr\"><is><t>");
                if (value == Huge)
                {
                    var block = new string('x', 1 << 16);
                    for (var left = hugeChars; left > 0; left -= block.Length)
                    {
                        writer.Write(block.AsSpan(0, (int)Math.Min(block.Length, left)));
                    }
                }
                else
                {
                    writer.Write(Escape(value));
                }

                writer.Write("</t></is></c>");
            }

            writer.Write("</row>");
        }

        writer.Write("</sheetData></worksheet>");
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content.Trim()));
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
    }

    private static string Escape(string text) =>
        System.Security.SecurityElement.Escape(text);
}
