using System.Buffers;
using System.Globalization;
using System.Text;
using Analytics.Ingest.Contract;

namespace Analytics.Ingest.Limits;

/// <summary>
/// The one pass over a CSV file that runs before DuckDB reads it: finds every record that breaks an
/// <see cref="InputLimits"/> (a line too long, too many fields, a value too long) in time linear in the
/// file's size, jumping from delimiter to delimiter with vectorised searches. DuckDB never sees such a
/// record: the loader reads a copy in which it is blanked (its line breaks kept, so every other line keeps
/// its number), and lists it as a <c>too_long</c> reject.
/// </summary>
internal static class CsvLimitScan
{
    /// <summary>A record over a limit: its physical first line, its bytes [Start, End) and what it broke.</summary>
    internal sealed record OverLimit(long Line, long Start, long End, string? Column, string Problem);

    private static readonly SearchValues<byte> Outside = SearchValues.Create(",\"\r\n"u8);
    private static readonly SearchValues<byte> Inside = SearchValues.Create("\"\r\n"u8);

    /// <summary>
    /// Why the header cannot be read within the limits, or null. Reads at most one line's worth of bytes, so the
    /// header of a hostile file costs no more than the limit.
    /// </summary>
    public static string? CheckHeader(string path, InputLimits limits)
    {
        var header = Scan(path, limits, columnChars: null, headerOnly: true);
        return header.Count == 0 ? null : header[0].Problem;
    }

    /// <summary>Every data record over a limit; <paramref name="columns"/> gives each field position's column (null: not in the contract).</summary>
    public static List<OverLimit> Records(string path, InputLimits limits, IReadOnlyList<ColumnSpec?> columns) =>
        Scan(path, limits, columns, headerOnly: false);

    private static List<OverLimit> Scan(string path, InputLimits limits, IReadOnlyList<ColumnSpec?>? columnChars, bool headerOnly)
    {
        var found = new List<OverLimit>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long line = 1, recordLine = 1, offset = 0, recordStart = 0, recordBytes = 0, fieldChars = 0;
            var fields = 1;
            var inQuotes = false;
            var pendingCr = false;
            var first = true;
            var isHeader = true;
            string? problem = null, problemColumn = null;

            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var span = buffer.AsSpan(0, read);
                var i = 0;
                if (first)
                {
                    first = false;
                    if (span.StartsWith("\uFEFF"u8))
                    {
                        i = 3;
                        recordStart = 3;
                    }
                }

                while (i < span.Length)
                {
                    if (pendingCr)
                    {
                        pendingCr = false;
                        if (span[i] == (byte)'\n')
                        {
                            i++;
                            if (!inQuotes)
                            {
                                recordStart = offset + i;
                            }

                            continue;   // CRLF: one line break
                        }
                    }

                    var rest = span[i..];
                    var next = inQuotes ? rest.IndexOfAny(Inside) : rest.IndexOfAny(Outside);
                    var text = next < 0 ? rest : rest[..next];
                    Add(text);
                    if (next < 0)
                    {
                        break;
                    }

                    i += next + 1;
                    var b = rest[next];
                    if (b == (byte)'"')
                    {
                        inQuotes = !inQuotes;   // "" inside quotes toggles twice: net effect none
                        recordBytes++;
                    }
                    else if (b == (byte)',')
                    {
                        recordBytes++;
                        fields++;
                        fieldChars = 0;
                        if (fields > limits.FieldsPerLine)
                        {
                            Flag(null, $"the line has more than {N(limits.FieldsPerLine)} fields");
                        }
                    }
                    else
                    {
                        pendingCr = b == (byte)'\r';
                        line++;
                        if (inQuotes)
                        {
                            recordBytes++;
                            fieldChars++;
                        }
                        else
                        {
                            if (EndRecord(offset + i - 1))
                            {
                                return found;
                            }

                            recordLine = line;
                            recordStart = offset + i;
                        }
                    }

                    CheckLength();
                }

                offset += read;
            }

            EndRecord(offset);
            return found;

            void Add(ReadOnlySpan<byte> text)
            {
                if (text.IsEmpty)
                {
                    return;
                }

                recordBytes += text.Length;
                // Characters, not bytes: a Chinese name of 4,096 characters is 12 KB of UTF-8. Continuation bytes are
                // not characters; an ASCII run (the usual case) is counted by one vectorised check.
                fieldChars += Ascii.IsValid(text) ? text.Length : Characters(text);
                CheckLength();
            }

            void CheckLength()
            {
                if (problem is not null)
                {
                    return;
                }

                if (recordBytes > limits.LineBytes)
                {
                    Flag(null, $"the line is longer than {N(limits.LineBytes)} bytes");
                }
                else if (columnChars is not null)
                {
                    var column = fields <= columnChars.Count ? columnChars[fields - 1] : null;
                    var max = limits.CharsFor(column);
                    if (fieldChars > max)
                    {
                        Flag(column?.Name, $"the value of {column?.Name} is longer than {N(max)} characters");
                    }
                }
            }

            void Flag(string? column, string what)
            {
                if (problem is null)
                {
                    problem = what;
                    problemColumn = column;
                }
            }

            // True when the scan is done (the header alone was asked for).
            bool EndRecord(long end)
            {
                if (recordBytes > 0)
                {
                    if (problem is not null)
                    {
                        found.Add(new OverLimit(recordLine, recordStart, end, problemColumn, problem));
                    }

                    if (isHeader)
                    {
                        isHeader = false;
                        if (headerOnly)
                        {
                            return true;
                        }

                        // The header's own problems are the caller's (it refuses the file); data records start clean.
                        found.Clear();
                    }
                }

                fields = 1;
                recordBytes = 0;
                fieldChars = 0;
                problem = problemColumn = null;
                return false;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static long Characters(ReadOnlySpan<byte> utf8)
    {
        long n = 0;
        foreach (var b in utf8)
        {
            n += (b & 0xC0) == 0x80 ? 0 : 1;
        }

        return n;
    }

    /// <summary>
    /// A copy of the file with each over-limit record's bytes replaced by its line breaks only: readers skip
    /// the empty lines, and every other record keeps its physical line number.
    /// </summary>
    public static void WriteBlanked(string path, string copy, IReadOnlyList<OverLimit> records)
    {
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var output = new FileStream(copy, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new byte[1 << 16];
        long position = 0;
        foreach (var r in records)
        {
            Copy(r.Start - position, blank: false);
            Copy(r.End - r.Start, blank: true);
        }

        Copy(long.MaxValue, blank: false);

        void Copy(long count, bool blank)
        {
            while (count > 0)
            {
                var n = input.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
                if (n == 0)
                {
                    return;
                }

                position += n;
                count -= n;
                if (!blank)
                {
                    output.Write(buffer, 0, n);
                    continue;
                }

                foreach (var b in buffer.AsSpan(0, n))
                {
                    if (b is (byte)'\r' or (byte)'\n')
                    {
                        output.WriteByte(b);
                    }
                }
            }
        }
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
