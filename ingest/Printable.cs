using System.Globalization;

namespace Analytics.Ingest;

/// <summary>
/// Text from a file or a client as a message may quote it: control and format characters (a binary file's header,
/// a NUL in a name) become '?', and long text is cut, so a refusal never carries raw bytes into a log, a terminal or
/// JSON.
/// </summary>
public static class Printable
{
    public static string Of(string text, int maxChars = 80)
    {
        var cut = text.Length > maxChars ? text[..maxChars] : text;
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];   // never half a character
        }

        var clean = string.Create(cut.Length, cut, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.GetUnicodeCategory(source[i]) is UnicodeCategory.Control or UnicodeCategory.Format
                    or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator ? '?' : source[i];
            }
        });
        return text.Length > maxChars ? clean + "..." : clean;
    }
}
