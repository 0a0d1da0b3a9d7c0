using System.Buffers.Text;
using System.Text;

namespace Analytics.SampleData.Scale;

/// <summary>
/// A buffered UTF-8 CSV writer for tens of millions of rows: formats numbers straight into bytes, no strings per row.
/// Only for values that never need quoting (ids, dates, numbers); text goes through <see cref="Text"/>.
/// </summary>
internal sealed class Utf8Sink : IDisposable
{
    private readonly Stream stream;
    private readonly byte[] buffer = new byte[1 << 20];
    private int used;

    public Utf8Sink(string path, string header)
    {
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Text(header);
        Line();
        Rows = 0; // the header is not a row
    }

    public long Rows { get; private set; }

    private Span<byte> Room(int bytes)
    {
        if (used + bytes > buffer.Length)
        {
            stream.Write(buffer, 0, used);
            used = 0;
        }
        return buffer.AsSpan(used);
    }

    public Utf8Sink Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Room(bytes.Length));
        used += bytes.Length;
        return this;
    }

    public Utf8Sink Text(string text) => Raw(Encoding.UTF8.GetBytes(text));

    public Utf8Sink Comma()
    {
        Room(1)[0] = (byte)',';
        used++;
        return this;
    }

    public Utf8Sink Int(long value)
    {
        Utf8Formatter.TryFormat(value, Room(24), out var n);
        used += n;
        return this;
    }

    /// <summary>Money from whole cents, always two decimals.</summary>
    public Utf8Sink Cents(long cents)
    {
        var span = Room(32);
        var at = 0;
        if (cents < 0)
        {
            span[at++] = (byte)'-';
            cents = -cents;
        }
        Utf8Formatter.TryFormat(cents / 100, span[at..], out var n);
        at += n;
        span[at++] = (byte)'.';
        var rest = (int)(cents % 100);
        span[at++] = (byte)('0' + (rest / 10));
        span[at++] = (byte)('0' + (rest % 10));
        used += at;
        return this;
    }

    public void Line()
    {
        Room(1)[0] = (byte)'\n';
        used++;
        Rows++;
    }

    public void Dispose()
    {
        stream.Write(buffer, 0, used);
        stream.Dispose();
    }
}
