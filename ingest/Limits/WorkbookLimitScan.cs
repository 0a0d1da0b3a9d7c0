using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Analytics.Ingest.Limits;

/// <summary>
/// Reads an xlsx workbook once, as a stream, before MiniExcel opens it: the unpacked bytes of all its parts
/// (an upload's zip limits do not look inside a workbook, and a 200 KB file can unpack to gigabytes), the
/// length of every cell value (MiniExcel keeps a whole value in memory) and the columns a sheet uses (MiniExcel
/// gives every row one entry per column up to the widest). Memory stays bounded by one read buffer whatever the
/// workbook holds: values are measured in chunks, never held. A workbook over a limit is refused as a whole,
/// with one sentence, because past this check its rows would be read in full.
/// </summary>
internal static class WorkbookLimitScan
{
    /// <summary>Why the workbook cannot be read within the limits, or null when it can.</summary>
    public static string? Check(string path, InputLimits limits)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                using var raw = entry.Open();
                using var counted = new CountingStream(raw, () => limits.WorkbookBytes - unpacked);
                var problem = IsCellPart(entry.FullName) ? CheckXml(counted, entry.FullName, limits) : Drain(counted);
                unpacked += counted.Count;
                if (problem is not null)
                {
                    return problem;
                }
            }

            return null;
        }
        catch (UnpackedTooLarge)
        {
            return $"it unpacks to more than {N(limits.WorkbookBytes)} bytes, the limit for a workbook";
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return "it is not a readable .xlsx workbook (a damaged zip or sheet)";
        }
    }

    // Worksheets and the shared strings hold the cell values; the other parts are only counted.
    private static bool IsCellPart(string name) =>
        name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) || name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);

    private static string? Drain(Stream stream)
    {
        var buffer = new byte[1 << 16];
        while (stream.Read(buffer, 0, buffer.Length) > 0)
        {
        }

        return null;
    }

    private static string? CheckXml(Stream stream, string part, InputLimits limits)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, CloseInput = false };
        using var reader = XmlReader.Create(stream, settings);
        var chunk = new char[1 << 14];
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName is "c" or "dimension":
                    var reference = reader.GetAttribute(reader.LocalName == "c" ? "r" : "ref");
                    if (reference is not null && Column(reference) > limits.FieldsPerLine)
                    {
                        return $"{part} uses columns beyond the limit of {N(limits.FieldsPerLine)}";
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    long length = 0;
                    int n;
                    while ((n = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        length += n;
                        if (length > limits.MaxCellChars)
                        {
                            return $"{part} holds a value longer than {N(limits.MaxCellChars)} characters, the limit for any cell";
                        }
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>The largest column number in a cell reference or range ("B7", "A1:XFD9"); 0 when there is none.</summary>
    private static long Column(string reference)
    {
        long max = 0, column = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                column = Math.Min(column * 26 + (ch - 'A' + 1), int.MaxValue);
            }
            else
            {
                max = Math.Max(max, column);
                column = 0;
            }
        }

        return Math.Max(max, column);
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private sealed class UnpackedTooLarge : Exception;

    /// <summary>Counts what is read and stops at the workbook's remaining allowance (declared sizes in a zip can lie).</summary>
    private sealed class CountingStream(Stream inner, Func<long> allowance) : Stream
    {
        public long Count { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            Count += n;
            if (Count > allowance())
            {
                throw new UnpackedTooLarge();
            }

            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
