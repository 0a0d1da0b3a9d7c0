using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Api.Documents;

/// <summary>The kinds of document the API serves and the jobs write.</summary>
internal enum DocumentKind
{
    Monthly,
    Weekly,
    Merchant,
}

/// <summary>
/// Where documents live: one deterministic path per (kind, period or week, tenant, language), so a re-run job
/// overwrites rather than adds, and the API finds what the jobs wrote. Writes go to a temporary file in the same
/// folder and are renamed over the target, so a reader never sees half a PDF.
/// </summary>
internal sealed partial class DocumentStore(string root)
{
    public static readonly IReadOnlyList<string> Languages = ["zh", "en"];

    public string Root { get; } = Path.GetFullPath(root);

    public string PathFor(DocumentKind kind, string when, string language, string? tenantId = null)
    {
        if (!Languages.Contains(language))
        {
            throw new ArgumentException($"Unknown language '{language}'.", nameof(language));
        }

        var valid = kind == DocumentKind.Weekly ? IsWeek(when) : IsPeriod(when);
        if (!valid)
        {
            throw new ArgumentException($"'{when}' is not a {(kind == DocumentKind.Weekly ? "week (YYYY-Www)" : "period (YYYY-MM)")}.", nameof(when));
        }

        return kind switch
        {
            DocumentKind.Monthly => Path.Combine(Root, "monthly", when, $"monthly-{when}.{language}.pdf"),
            DocumentKind.Weekly => Path.Combine(Root, "weekly", when, $"weekly-{when}.{language}.pdf"),
            DocumentKind.Merchant => Path.Combine(Root, "merchant", when,
                $"merchant-{SafeName(tenantId ?? throw new ArgumentNullException(nameof(tenantId)))}-{when}.{language}.pdf"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    public static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public static bool IsPeriod(string text) => PeriodPattern().IsMatch(text);

    public static bool IsWeek(string text) => WeekPattern().IsMatch(text);

    /// <summary>
    /// A tenant id as a file-name part: letters, digits and '-' stay, anything else becomes _XXXX (its UTF-16 code),
    /// so the mapping is one-to-one and no id can name another folder.
    /// </summary>
    public static string SafeName(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('_').Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$")]
    private static partial Regex WeekPattern();
}
