using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Documents;
using Analytics.Reports.Language;

namespace Analytics.Api.Documents;

/// <summary>The kinds of document the API serves and the jobs write.</summary>
internal enum DocumentKind
{
    Monthly,
    Weekly,
    Merchant,
}

/// <summary>
/// Where documents live: one deterministic path per (kind, period or week, mall, tenant, language), so a re-run job
/// overwrites rather than adds, and the API finds what the jobs wrote. A tenant id becomes a file-name part with
/// every character other than letters, digits and '-' escaped (the report service's SafeName), so no id can name
/// another folder. A portfolio's documents go one folder deeper, named after their mall (escaped the same way); a
/// warehouse with one mall keeps the paths it always had. Writes go to a temporary file in the same
/// folder and are renamed over the target, so a reader never sees half a PDF.
/// </summary>
internal sealed class DocumentStore(string root)
{
    public static readonly IReadOnlyList<string> Languages = ["zh", "en"];

    public string Root { get; } = Path.GetFullPath(root);

    /// <param name="mall">The mall of a portfolio; null: the warehouse's one mall.</param>
    public string PathFor(DocumentKind kind, string when, string language, string? tenantId = null, string? mall = null)
    {
        if (!Languages.Contains(language))
        {
            throw new ArgumentException($"Unknown language '{Analytics.Ingest.Printable.Of(language)}'; use zh or en.", nameof(language));
        }

        var valid = kind == DocumentKind.Weekly ? IsWeek(when) : IsPeriod(when);
        if (!valid)
        {
            throw new ArgumentException($"'{Analytics.Ingest.Printable.Of(when)}' is not a {(kind == DocumentKind.Weekly ? "week (YYYY-Www)" : "period (YYYY-MM)")}.", nameof(when));
        }

        // The report service's file names (the same the 'report' verb writes), one folder per period or week.
        var lang = ReportLanguage.Parse(language);
        var (folder, file) = kind switch
        {
            DocumentKind.Monthly => ("monthly", ReportService.MonthlyFileName(FirstDay(when), lang)),
            DocumentKind.Weekly => ("weekly", ReportService.WeeklyFileName(IsoWeek.Parse(when), lang)),
            DocumentKind.Merchant => ("merchant",
                ReportService.MerchantFileName(tenantId ?? throw new ArgumentNullException(nameof(tenantId)), FirstDay(when), lang)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return mall is null
            ? Path.Combine(Root, folder, when, file)
            : Path.Combine(Root, folder, when, ReportService.SafeName(mall), file);
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

    public static bool IsPeriod(string text) => Month.TryParse(text, out _);

    // Upper-case W only: the file name and folder of a week are written with it.
    public static bool IsWeek(string text) => text.Length == 8 && text[5] == 'W' && IsoWeek.TryParse(text, out _);

    private static DateOnly FirstDay(string period) =>
        Month.TryParse(period, out var first) ? first : throw new ArgumentException($"'{period}' is not a period (YYYY-MM).", nameof(period));
}
