using System.Text;

namespace Analytics.SampleData.Csv;

/// <summary>
/// Writes one RFC 4180 CSV file. A field is quoted only when it must be (comma, quote, CR or LF inside),
/// as spreadsheet exports do. Byte-order mark and line end are per file because real exports differ.
/// </summary>
internal sealed class CsvWriter : IDisposable
{
    private readonly StreamWriter writer;
    private readonly string newLine;

    public CsvWriter(string path, IReadOnlyList<string> header, bool byteOrderMark = false, string newLine = "\n")
    {
        writer = new StreamWriter(path, append: false, new UTF8Encoding(byteOrderMark), bufferSize: 1 << 16);
        this.newLine = newLine;
        WriteRow(header);
    }

    public long Rows { get; private set; } = -1;

    public void WriteRow(IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            WriteField(fields[i] ?? string.Empty);
        }
        writer.Write(newLine);
        Rows++;
    }

    /// <summary>Writes a line exactly as given (the bad drop needs rows no well-behaved writer would make).</summary>
    public void WriteRaw(string line)
    {
        writer.Write(line);
        writer.Write(newLine);
        Rows++;
    }

    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private void WriteField(string field) => writer.Write(Quote(field));

    public void Dispose() => writer.Dispose();
}
