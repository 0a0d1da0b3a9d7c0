using System.Text;
using SkiaSharp;

namespace Analytics.Reports.Layout;

/// <summary>One wrapped line and its advance width in points (trailing spaces excluded).</summary>
internal readonly record struct TextLine(string Text, float Width);

/// <summary>
/// Breaks text into lines that fit a width. Latin breaks after spaces; CJK between any two characters; a
/// closing mark (，。、；：！？）》」% …) never starts a line and an opening mark (（《「 …) never ends one,
/// so such a mark travels with its neighbour. A word wider than the whole line is cut between characters.
/// '\n' is a hard break. Widths are glyph advances of the one face used (no shaping, no kerning, which is
/// also how SkiaSharp draws the text).
/// </summary>
internal static class TextWrapper
{
    private const string NoLineStart = "，。、；：！？）》」』】〕〉’”％,.;:!?)]}%…·・‥";
    private const string NoLineEnd = "（《「『【〔〈‘“([{";

    public static IReadOnlyList<TextLine> Wrap(string text, SKFont font, float maxWidth)
    {
        var lines = new List<TextLine>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            WrapParagraph(paragraph, font, maxWidth, lines);
        return lines;
    }

    public static float Measure(string text, SKFont font) => font.MeasureText(text);

    private static void WrapParagraph(string paragraph, SKFont font, float maxWidth, List<TextLine> lines)
    {
        if (paragraph.Length == 0)
        {
            lines.Add(new TextLine("", 0));
            return;
        }

        var runes = paragraph.EnumerateRunes().ToArray();
        var widths = Advances(paragraph, runes, font);

        var line = new StringBuilder();
        float lineWidth = 0;       // up to the end of the last unit, its trailing spaces included
        float lineInkWidth = 0;    // the same without the trailing spaces: what is visible

        var unitStart = 0;
        for (var i = 1; i <= runes.Length; i++)
        {
            if (i < runes.Length && !CanBreakBefore(runes, i))
                continue;
            PlaceUnit(unitStart, i);
            unitStart = i;
        }
        Flush();
        return;

        void PlaceUnit(int from, int to)
        {
            float width = 0, inkWidth = 0;
            for (var k = from; k < to; k++)
            {
                width += widths[k];
                if (!IsSpace(runes[k]))
                    inkWidth = width;
            }

            if (line.Length > 0 && lineWidth + inkWidth > maxWidth)
                Flush();

            if (line.Length == 0 && inkWidth > maxWidth)
            {
                CutLongUnit(from, to);
                return;
            }

            for (var k = from; k < to; k++)
                line.Append(runes[k].ToString());
            lineInkWidth = lineWidth + inkWidth;
            lineWidth += width;
        }

        // A unit wider than the line (a long URL, a code): fill each line with as many characters as fit.
        void CutLongUnit(int from, int to)
        {
            for (var k = from; k < to; k++)
            {
                if (line.Length > 0 && !IsSpace(runes[k]) && lineWidth + widths[k] > maxWidth)
                    Flush();
                line.Append(runes[k].ToString());
                lineWidth += widths[k];
                if (!IsSpace(runes[k]))
                    lineInkWidth = lineWidth;
            }
        }

        void Flush()
        {
            if (line.Length == 0)
                return;
            lines.Add(new TextLine(line.ToString().TrimEnd(' ', '\t'), lineInkWidth));
            line.Clear();
            lineWidth = 0;
            lineInkWidth = 0;
        }
    }

    private static float[] Advances(string text, Rune[] runes, SKFont font)
    {
        // Without shaping the font gives one glyph per code point; fall back to measuring each code point.
        var widths = font.GetGlyphWidths(text);
        if (widths.Length == runes.Length)
            return widths;
        return runes.Select(r => font.MeasureText(r.ToString())).ToArray();
    }

    internal static bool CanBreakBefore(Rune[] runes, int i)
    {
        var previous = runes[i - 1];
        var current = runes[i];
        if (IsSpace(current))
            return false; // spaces stay at the end of the unit before them
        if (Contains(NoLineStart, current))
            return false;
        if (IsSpace(previous))
        {
            // "（ word": the opening mark must not end the line even with spaces after it.
            var j = i - 1;
            while (j > 0 && IsSpace(runes[j]))
                j--;
            return !Contains(NoLineEnd, runes[j]);
        }
        if (Contains(NoLineEnd, previous))
            return false;
        return IsCjk(previous) || IsCjk(current);
    }

    private static bool IsSpace(Rune r) => r.Value is ' ' or '\t';

    private static bool Contains(string set, Rune r) => r.IsBmp && set.Contains((char)r.Value, StringComparison.Ordinal);

    internal static bool IsCjk(Rune r) => r.Value switch
    {
        >= 0x2E80 and <= 0x303F => true,   // radicals, CJK symbols and punctuation (ideographic space included)
        >= 0x3040 and <= 0x30FF => true,   // kana
        >= 0x3100 and <= 0x31FF => true,   // bopomofo, strokes
        >= 0x3200 and <= 0x33FF => true,   // enclosed CJK, compatibility (㎡)
        >= 0x3400 and <= 0x4DBF => true,   // extension A
        >= 0x4E00 and <= 0x9FFF => true,   // unified ideographs
        >= 0xAC00 and <= 0xD7AF => true,   // hangul
        >= 0xF900 and <= 0xFAFF => true,   // compatibility ideographs
        >= 0xFE30 and <= 0xFE4F => true,   // CJK compatibility forms
        >= 0xFF00 and <= 0xFFEF => true,   // full-width forms
        >= 0x20000 and <= 0x3FFFF => true, // extensions B and later
        _ => false,
    };
}
