using System.Text;

namespace Analytics.Ingest.Csv;

/// <summary>
/// Walks an RFC 4180 file byte by byte to learn where each record starts. DuckDB reads the rows
/// (much faster); this scan runs only when a file has rejects, to name their physical line, which
/// differs from the record number once a quoted field holds a line break.
/// </summary>
internal static class CsvRecordScanner
{
    /// <summary>
    /// A record of the file: DuckDB's number for it (header = 1, each record and each empty line counts one,
    /// as in its rejects table), the physical line it starts on, its byte offset, its field count, and
    /// whether its bytes are valid UTF-8.
    /// </summary>
    internal readonly record struct Record(long Ordinal, long Line, long Offset, int Fields, bool ValidUtf8)
    {
        /// <summary>Why the CSV reader refused this record (a record with the header's field count has unbalanced quotes).</summary>
        public string Problem(int headerFields) =>
            !ValidUtf8 ? "the row is not valid UTF-8"
            : Fields != headerFields ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Fields} fields where the header has {headerFields}")
            : "the reader could not split the row into fields (check its quotes)";
    }

    /// <summary>The header (first record) decoded, without a byte-order mark.</summary>
    public static IReadOnlyList<string> ReadHeader(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        if (reader.Peek() < 0)
        {
            return [];
        }

        var fields = SplitRecord(reader);
        return fields.Count == 1 && fields[0].Length == 0 ? [] : fields;
    }

    /// <summary>All data records after the header; empty lines are skipped, as DuckDB skips them.</summary>
    public static List<Record> Scan(string path)
    {
        var records = new List<Record>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 20];
        long line = 1;          // physical line of the current byte
        long recordLine = 1;    // line the current record started on
        long ordinal = 0;
        long offset = 0;        // byte offset of the current byte
        long recordOffset = 0;
        var fields = 1;
        var recordBytes = 0L;
        var inQuotes = false;
        var headerDone = false;
        var pendingCr = false;
        var utf8 = new Utf8Validator();
        var first = true;

        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            if (first)
            {
                first = false;
                if (span.StartsWith("\uFEFF"u8))
                {
                    span = span[3..];
                    offset = recordOffset = 3;
                }
            }

            foreach (var b in span)
            {
                offset++;
                if (pendingCr)
                {
                    pendingCr = false;
                    if (b == (byte)'\n')
                    {
                        recordOffset = offset;
                        continue;   // CRLF already ended the record at the CR
                    }
                }

                if (b == (byte)'"')
                {
                    inQuotes = !inQuotes;   // "" inside quotes toggles twice: net effect none
                }
                else if (!inQuotes && b == (byte)',')
                {
                    fields++;
                }
                else if (b is (byte)'\n' or (byte)'\r')
                {
                    pendingCr = b == (byte)'\r';
                    if (!inQuotes)
                    {
                        EndRecord();
                        line++;
                        recordLine = line;
                        recordOffset = offset;
                        continue;
                    }

                    line++;
                }

                recordBytes++;
                utf8.Feed(b);
            }
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            if (recordBytes > 0)
            {
                ordinal++;
                if (headerDone)
                {
                    records.Add(new Record(ordinal, recordLine, recordOffset, fields, utf8.Complete()));
                }

                headerDone = true;
            }
            else if (headerDone)
            {
                ordinal++;   // DuckDB numbers empty lines too
            }

            fields = 1;
            recordBytes = 0;
            utf8 = new Utf8Validator();
        }
    }

    /// <summary>The fields of the record starting at a byte offset (to show a rejected row's raw value).</summary>
    public static IReadOnlyList<string> ReadRecordAt(string path, long offset)
    {
        using var stream = File.OpenRead(path);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        return SplitRecord(reader);
    }

    /// <summary>Splits one RFC 4180 record (quoted fields may hold commas, quotes and line breaks).</summary>
    public static IReadOnlyList<string> SplitRecord(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (inQuotes)
            {
                if (c == '"' && reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    field.Append((char)c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                break;
            }
            else
            {
                field.Append((char)c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>A streaming UTF-8 check (the record's bytes arrive one at a time across buffers).</summary>
    private struct Utf8Validator
    {
        private int _expect;
        private bool _bad;

        public void Feed(byte b)
        {
            if (_expect > 0)
            {
                if ((b & 0xC0) != 0x80)
                {
                    _bad = true;
                    _expect = 0;
                    return;
                }

                _expect--;
                return;
            }

            if (b < 0x80)
            {
                return;
            }

            _expect = b switch
            {
                >= 0xC2 and <= 0xDF => 1,
                >= 0xE0 and <= 0xEF => 2,
                >= 0xF0 and <= 0xF4 => 3,
                _ => -1,
            };
            if (_expect < 0)
            {
                _bad = true;
                _expect = 0;
            }
        }

        public readonly bool Complete() => !_bad && _expect == 0;
    }
}
