using System.Text.RegularExpressions;

namespace Analytics.Ingest.Csv;

/// <summary>
/// The one rule for text the platform writes into a CSV (or any spreadsheet) a person opens in Excel: a cell that
/// starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return would be evaluated as a formula
/// (OWASP "CSV injection": <c>=HYPERLINK(...)</c> in a tenant name), so it gets a leading <c>'</c>, which Excel shows
/// as text. A plain number such as <c>-12.50</c> is no formula and stays as written. Only exports change: the
/// warehouse keeps every value as it was sent.
/// </summary>
public static partial class SpreadsheetText
{
    /// <summary>The text as a spreadsheet may show it without evaluating it.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(text) ? "'" + text : text;

    /// <summary>One CSV field (RFC 4180): neutralised, then quoted when it holds a comma, a quote or a line break.</summary>
    public static string CsvField(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var safe = Neutralise(text);
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?\z")]
    private static partial Regex PlainNumber();
}
