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

    /// <summary>The monthly brief (<see cref="DocumentKind.Monthly"/>) or a merchant's sheet (<see cref="DocumentKind.Merchant"/>) of a month.</summary>
    /// <param name="mall">The mall of a portfolio; null: the warehouse's one mall.</param>
    public string PathFor(DocumentKind kind, Month month, string language, string? tenantId = null, string? mall = null)
    {
        // The report service's file names (the same the 'report' verb writes), one folder per period or week.
        var lang = Language(language);
        var (folder, file) = kind switch
        {
            DocumentKind.Monthly => ("monthly", ReportService.MonthlyFileName(month, lang)),
            DocumentKind.Merchant => ("merchant",
                ReportService.MerchantFileName(tenantId ?? throw new ArgumentNullException(nameof(tenantId)), month, lang)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return InFolder(folder, month.ToString(), mall, file);
    }

    /// <summary>The weekly brief of a week.</summary>
    /// <param name="mall">The mall of a portfolio; null: the warehouse's one mall.</param>
    public string PathFor(IsoWeek week, string language, string? mall = null) =>
        InFolder("weekly", week.ToString(), mall, ReportService.WeeklyFileName(week, Language(language)));

    private string InFolder(string folder, string when, string? mall, string file) => mall is null
        ? Path.Combine(Root, folder, when, file)
        : Path.Combine(Root, folder, when, ReportService.SafeName(mall), file);

    private static ReportLanguage Language(string language) =>
        LanguageProblem(language) is { } problem ? throw new ArgumentException(problem, nameof(language)) : ReportLanguage.Parse(language);

    /// <summary>Null for a language documents are written in, else the sentence saying so.</summary>
    public static string? LanguageProblem(string language) =>
        Languages.Contains(language) ? null : $"Unknown language '{Analytics.Ingest.Printable.Of(language)}'; use zh or en.";

    /// <summary>
    /// The answer to a document asked for a text that is not a period (or week): the language is checked first, as it
    /// is for a valid period, then the text is named.
    /// </summary>
    public static string NotAPeriod(string text, string language, bool week) =>
        LanguageProblem(language) ?? $"'{Analytics.Ingest.Printable.Of(text)}' is not a {(week ? "week (YYYY-Www)" : "period (YYYY-MM)")}.";

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

    public static bool IsWeek(string text) => IsoWeek.TryParse(text, null, out _);
}
