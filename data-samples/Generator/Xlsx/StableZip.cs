using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.SampleData.Xlsx;

/// <summary>
/// Rewrites a workbook so that the same rows give the same bytes: MiniExcel names relationships with random
/// GUIDs and stamps zip entries with the current time, which would make the committed copy change on every run.
/// </summary>
internal static partial class StableZip
{
    private static readonly DateTimeOffset Stamp = new(2026, 10, 31, 0, 0, 0, TimeSpan.Zero);

    [GeneratedRegex("R[0-9a-f]{32}")]
    private static partial Regex RandomId();

    public static void Normalize(string path)
    {
        var entries = new List<(string Name, byte[] Content)>();
        using (var zip = ZipFile.OpenRead(path))
        {
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                entries.Add((entry.FullName, buffer.ToArray()));
            }
        }
        // Same ids in order of first appearance, entries in name order: independent of the run.
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (!entries[i].Name.EndsWith(".xml", StringComparison.Ordinal) && !entries[i].Name.EndsWith(".rels", StringComparison.Ordinal))
            {
                continue;
            }
            var text = Encoding.UTF8.GetString(entries[i].Content);
            var stable = RandomId().Replace(text, m =>
            {
                if (!ids.TryGetValue(m.Value, out var id))
                {
                    ids[m.Value] = id = "rId" + (ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                return id;
            });
            entries[i] = (entries[i].Name, Encoding.UTF8.GetBytes(stable));
        }
        File.Delete(path);
        using var output = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            var entry = output.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = Stamp;
            using var stream = entry.Open();
            stream.Write(content);
        }
    }
}
