using System.Text;

namespace Analytics.Ingest.Tests.SampleData;

/// <summary>
/// A minimal RFC 4180 reader for checking generated files independently of the loader: header plus records,
/// each with the physical line it starts on.
/// </summary>
internal sealed class CsvTable
{
    public required IReadOnlyList<string> Header { get; init; }
    public required IReadOnlyList<(int Line, string[] Fields)> Records { get; init; }

    public int Column(string name)
    {
        var i = Header.ToList().IndexOf(name);
        return i >= 0 ? i : throw new ArgumentException($"no column {name} in [{string.Join(",", Header)}]");
    }

    public IEnumerable<Func<string, string>> Rows()
    {
        foreach (var (_, fields) in Records)
        {
            yield return name => fields[Column(name)];
        }
    }

    public static CsvTable Read(string path) => Parse(File.ReadAllText(path, new UTF8Encoding(false)).TrimStart('\uFEFF'));

    public static CsvTable Parse(string text)
    {
        var records = new List<(int Line, string[] Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var i = 0;
        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
        }
        void EndRecord()
        {
            EndField();
            records.Add((recordLine, fields.ToArray()));
            fields.Clear();
        }
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }
                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append(c);
                }
                i++;
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    EndField();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
            i++;
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            EndRecord();
        }
        return new CsvTable { Header = records[0].Fields, Records = records.Skip(1).ToList() };
    }
}
