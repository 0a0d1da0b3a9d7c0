using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Pdf;

/// <summary>
/// Adds a document outline (bookmarks) to a finished SkiaSharp PDF. SkiaSharp draws named destinations but
/// cannot write /Outlines, so this appends an incremental update, the way PDF editors save changes: the
/// original bytes stay as they are, followed by the outline item objects, a new catalog that points at them,
/// a cross-reference section for those objects and a trailer whose /Prev is the old one. Each item's
/// destination is copied from the catalog's /Dests entry that the heading drew, which already names the page
/// object and position. Only what SkiaSharp writes is handled (classic xref table, no object streams);
/// anything else fails loudly rather than producing a damaged file.
/// </summary>
internal static partial class PdfOutline
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static byte[] Append(byte[] pdf, IReadOnlyList<OutlineEntry> entries)
    {
        if (entries.Count == 0)
            return pdf;

        var text = Latin1.GetString(pdf);
        var startXref = LastMatch(StartXrefPattern(), text, "startxref");
        var previousXref = long.Parse(startXref.Groups[1].Value, CultureInfo.InvariantCulture);
        var trailerAt = text.LastIndexOf("trailer", startXref.Index, StringComparison.Ordinal);
        if (trailerAt < 0)
            throw Malformed("no trailer before startxref");
        var trailer = text[trailerAt..startXref.Index];
        var size = int.Parse(Required(SizePattern(), trailer, "/Size"), CultureInfo.InvariantCulture);
        var root = int.Parse(Required(RootPattern(), trailer, "/Root"), CultureInfo.InvariantCulture);
        var info = InfoPattern().Match(trailer);

        var offsets = ReadXref(text, (int)previousXref);
        var catalog = ObjectBody(text, offsets, root);
        if (catalog.Contains("/Outlines", StringComparison.Ordinal))
            throw Malformed("the document already has an outline");
        var destsId = int.Parse(Required(DestsPattern(), catalog, "/Dests in the catalog"), CultureInfo.InvariantCulture);
        var destinations = DestinationPattern().Matches(ObjectBody(text, offsets, destsId))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["dest"].Value.Trim(), StringComparer.Ordinal);

        // Object numbers: the outline root, then one per entry, then the catalog keeps its own number.
        var outlineRoot = size;
        var items = BuildTree(entries, firstId: size + 1);
        var objects = new SortedDictionary<int, string>
        {
            [outlineRoot] = Dictionary(
                "/Type /Outlines",
                Ref("/First", items.Where(i => i.Parent is null).Select(i => i.Id).FirstOrDefault()),
                Ref("/Last", items.Where(i => i.Parent is null).Select(i => i.Id).LastOrDefault()),
                "/Count " + Int(items.Count)),
        };
        foreach (var item in items)
        {
            if (!destinations.TryGetValue(item.Entry.Destination, out var dest))
                throw Malformed($"no named destination '{item.Entry.Destination}'");
            objects[item.Id] = Dictionary(
                "/Title " + TextString(item.Entry.Title),
                Ref("/Parent", item.Parent?.Id ?? outlineRoot),
                Ref("/Prev", item.Previous?.Id ?? 0),
                Ref("/Next", item.Next?.Id ?? 0),
                Ref("/First", item.Children.FirstOrDefault()?.Id ?? 0),
                Ref("/Last", item.Children.LastOrDefault()?.Id ?? 0),
                item.Children.Count > 0 ? "/Count " + Int(item.Children.Count) : "",
                "/Dest [" + dest + "]");
        }
        var catalogInner = catalog.Trim();
        catalogInner = catalogInner[2..^2]; // strip << >>
        objects[root] = "<<" + catalogInner + "\n/Outlines " + Int(outlineRoot) + " 0 R\n/PageMode /UseOutlines>>";

        var update = new StringBuilder();
        var position = (long)pdf.Length;
        if (pdf[^1] != (byte)'\n')
            update.Append('\n');
        var written = new SortedDictionary<int, long>();
        foreach (var (id, body) in objects)
        {
            written[id] = position + update.Length; // all ASCII: one char is one byte
            update.Append(Int(id)).Append(" 0 obj\n").Append(body).Append("\nendobj\n");
        }

        var xrefAt = position + update.Length;
        update.Append("xref\n");
        foreach (var run in Runs(written.Keys))
        {
            update.Append(Int(run[0])).Append(' ').Append(Int(run.Count)).Append('\n');
            foreach (var id in run)
                update.Append(written[id].ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }
        update.Append("trailer\n<</Size ").Append(Int(size + 1 + items.Count))
            .Append("\n/Root ").Append(Int(root)).Append(" 0 R");
        if (info.Success)
            update.Append("\n/Info ").Append(info.Groups[1].Value).Append(" 0 R");
        update.Append("\n/Prev ").Append(previousXref.ToString(CultureInfo.InvariantCulture))
            .Append(">>\nstartxref\n").Append(xrefAt.ToString(CultureInfo.InvariantCulture)).Append("\n%%EOF\n");

        var tail = Latin1.GetBytes(update.ToString());
        var result = new byte[pdf.Length + tail.Length];
        pdf.CopyTo(result, 0);
        tail.CopyTo(result, pdf.Length);
        return result;
    }

    private sealed class Item(int id, OutlineEntry entry, Item? parent)
    {
        public int Id { get; } = id;
        public OutlineEntry Entry { get; } = entry;
        public Item? Parent { get; } = parent;
        public Item? Previous { get; set; }
        public Item? Next { get; set; }
        public List<Item> Children { get; } = [];
    }

    // Level-1 headings are top-level items; a level-2 heading belongs to the level-1 heading before it
    // (or is top-level when none came before).
    private static List<Item> BuildTree(IReadOnlyList<OutlineEntry> entries, int firstId)
    {
        var items = new List<Item>();
        var topLevel = new List<Item>();
        Item? currentTop = null;
        foreach (var entry in entries)
        {
            var parent = entry.Level > 1 ? currentTop : null;
            var item = new Item(firstId + items.Count, entry, parent);
            var siblings = parent?.Children ?? topLevel;
            if (siblings.Count > 0)
            {
                siblings[^1].Next = item;
                item.Previous = siblings[^1];
            }
            siblings.Add(item);
            items.Add(item);
            if (entry.Level == 1)
                currentTop = item;
        }
        return items;
    }

    private static Dictionary<int, int> ReadXref(string text, int at)
    {
        if (string.CompareOrdinal(text, at, "xref", 0, 4) != 0)
            throw Malformed("startxref does not point at a cross-reference table");
        var offsets = new Dictionary<int, int>();
        var position = text.IndexOf('\n', at) + 1;
        while (true)
        {
            var lineEnd = text.IndexOf('\n', position);
            var header = text[position..lineEnd].Trim();
            if (header.StartsWith("trailer", StringComparison.Ordinal))
                return offsets;
            var parts = header.Split(' ');
            var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var count = int.Parse(parts[1], CultureInfo.InvariantCulture);
            position = lineEnd + 1;
            for (var i = 0; i < count; i++, position += 20)
            {
                if (text[position + 17] == 'n')
                    offsets[first + i] = int.Parse(text.AsSpan(position, 10), CultureInfo.InvariantCulture);
            }
        }
    }

    private static string ObjectBody(string text, Dictionary<int, int> offsets, int id)
    {
        if (!offsets.TryGetValue(id, out var at))
            throw Malformed($"object {id} is not in the cross-reference table");
        var header = Int(id) + " 0 obj";
        if (string.CompareOrdinal(text, at, header, 0, header.Length) != 0)
            throw Malformed($"object {id} is not where the cross-reference table says");
        var end = text.IndexOf("endobj", at, StringComparison.Ordinal);
        return text[(at + header.Length)..end];
    }

    private static IEnumerable<List<int>> Runs(IEnumerable<int> ids)
    {
        var run = new List<int>();
        foreach (var id in ids)
        {
            if (run.Count > 0 && id != run[^1] + 1)
            {
                yield return run;
                run = [];
            }
            run.Add(id);
        }
        if (run.Count > 0)
            yield return run;
    }

    /// <summary>A PDF text string in UTF-16BE with a byte-order mark, written in hex (any script, no escaping).</summary>
    internal static string TextString(string value)
    {
        var hex = new StringBuilder("<FEFF");
        foreach (var b in Encoding.BigEndianUnicode.GetBytes(value))
            hex.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        return hex.Append('>').ToString();
    }

    private static string Dictionary(params string[] entries) =>
        "<<" + string.Join("\n", entries.Where(e => e.Length > 0)) + ">>";

    private static string Ref(string key, int id) => id == 0 ? "" : key + " " + Int(id) + " 0 R";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Match LastMatch(Regex regex, string text, string what)
    {
        Match? last = null;
        foreach (Match m in regex.Matches(text))
            last = m;
        return last ?? throw Malformed($"no {what}");
    }

    private static string Required(Regex regex, string text, string what)
    {
        var match = regex.Match(text);
        return match.Success ? match.Groups[1].Value : throw Malformed($"no {what}");
    }

    private static InvalidOperationException Malformed(string why) =>
        new($"Cannot add an outline to this PDF: {why}.");

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXrefPattern();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")]
    private static partial Regex RootPattern();

    [GeneratedRegex(@"/Info\s+(\d+)\s+0\s+R")]
    private static partial Regex InfoPattern();

    [GeneratedRegex(@"/Dests\s+(\d+)\s+0\s+R")]
    private static partial Regex DestsPattern();

    [GeneratedRegex(@"/(?<name>[^\s/\[\]<>()]+)\s*\[(?<dest>[^\]]*)\]")]
    private static partial Regex DestinationPattern();
}
