using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Analytics.Ingest;
using Analytics.Ingest.Csv;

namespace Analytics.Model.Export;

/// <summary>
/// Rows to print as CSV (UTF-8 with BOM so Excel keeps Chinese names), JSON or an aligned text table.
/// Numbers are written with the invariant culture; null is an empty CSV cell, JSON null, blank in a table. Text in a CSV
/// never starts a formula (<see cref="SpreadsheetText"/>).
/// </summary>
public sealed class ExportTable(IReadOnlyList<string> columns)
{
    private readonly List<object?[]> _rows = [];

    public IReadOnlyList<string> Columns { get; } = columns;
    public IReadOnlyList<object?[]> Rows => _rows;

    public void Add(object?[] values)
    {
        if (values.Length != Columns.Count)
        {
            throw new ArgumentException($"Row has {values.Length} values for {Columns.Count} columns.", nameof(values));
        }

        _rows.Add(values);
    }

    public static string ParseFormat(string? format) => (format ?? "table").Trim().ToLowerInvariant() switch
    {
        "csv" => "csv",
        "json" => "json",
        "table" => "table",
        var other => throw new UserError($"The format '{other}' is not one of csv, json, table."),
    };

    public void Write(TextWriter output, string format)
    {
        switch (ParseFormat(format))
        {
            case "csv": WriteCsv(output); break;
            case "json": WriteJson(output); break;
            default: WriteText(output); break;
        }
    }

    /// <summary>A value as text: decimals as stored, doubles rounded to 4 decimals (stable across runs), dates ISO.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => double.IsFinite(d) ? Math.Round(d, 4).ToString("0.####", CultureInfo.InvariantCulture) : "",
        float f => Text((double)f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private void WriteCsv(TextWriter output)
    {
        output.Write('\uFEFF');
        output.Write(string.Join(',', Columns.Select(SpreadsheetText.CsvField)));
        output.Write("\r\n");
        foreach (var row in _rows)
        {
            output.Write(string.Join(',', row.Select(Cell)));
            output.Write("\r\n");
        }
    }

    /// <summary>
    /// A CSV cell: numbers are written as numbers (a negative change stays -3.5); any text, a tenant's name included,
    /// is neutralised so that Excel never evaluates it (<see cref="SpreadsheetText"/>).
    /// </summary>
    private static string Cell(object? value) => value switch
    {
        double or float or decimal or int or long or short or byte => Text(value),
        _ => SpreadsheetText.CsvField(Text(value)),
    };

    private void WriteJson(TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in _rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < Columns.Count; i++)
                {
                    json.WritePropertyName(Columns[i]);
                    switch (row[i])
                    {
                        case null: json.WriteNullValue(); break;
                        case double d when !double.IsFinite(d): json.WriteNullValue(); break;
                        case double d: json.WriteNumberValue(Math.Round(d, 4)); break;
                        case decimal m: json.WriteNumberValue(m); break;
                        case long l: json.WriteNumberValue(l); break;
                        case int n: json.WriteNumberValue(n); break;
                        case bool b: json.WriteBooleanValue(b); break;
                        case var v: json.WriteStringValue(Text(v)); break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private void WriteText(TextWriter output)
    {
        var cells = _rows.Select(r => r.Select(Text).ToArray()).ToList();
        var widths = Columns.Select((c, i) => Math.Max(Width(c), cells.Count == 0 ? 0 : cells.Max(r => Width(r[i])))).ToArray();
        output.WriteLine(string.Join("  ", Columns.Select((c, i) => Pad(c, widths[i]))).TrimEnd());
        foreach (var row in cells)
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => Pad(c, widths[i]))).TrimEnd());
        }
    }

    private static string Pad(string s, int width) => s + new string(' ', Math.Max(0, width - Width(s)));

    // CJK characters take two columns in a terminal.
    private static int Width(string s) => s.Sum(ch => ch >= '\u1100' && (ch <= '\u115f' || (ch >= '\u2e80' && ch <= '\ua4cf') || (ch >= '\uac00' && ch <= '\ud7a3') || (ch >= '\uf900' && ch <= '\ufaff') || (ch >= '\uff00' && ch <= '\uff60')) ? 2 : 1);
}
