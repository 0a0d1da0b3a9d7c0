using System.Text.RegularExpressions;
using Analytics.Ingest.Contract;

namespace Analytics.Api.Drops;

/// <summary>
/// Decides what a client-supplied file name may become on disk. A client name never reaches the file system as
/// given: anything that looks like a path (separators, "..", a drive, control characters) is refused outright, and
/// what is kept is a safe base name: a dataset of the contract (<c>sales.csv</c>) or a plain workbook name.
/// </summary>
internal static partial class DropFileNames
{
    /// <summary>The stored name for a client name, or null with the reason it was refused.</summary>
    public static string? Sanitize(string? clientName, out string reason)
    {
        reason = "";
        if (string.IsNullOrWhiteSpace(clientName))
        {
            reason = "a file without a name";
            return null;
        }

        var name = clientName.Trim().Trim('"');
        if (name.Contains('/') || name.Contains('\\') || name.Contains(':') || name.Contains("..", StringComparison.Ordinal)
            || name.Any(char.IsControl) || name.StartsWith('.'))
        {
            reason = $"'{Analytics.Ingest.Printable.Of(clientName)}' is a path, not a plain file name";
            return null;
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        var stem = Path.GetFileNameWithoutExtension(name);
        switch (extension)
        {
            case ".csv":
                var dataset = stem.ToLowerInvariant();
                if (!DatasetNames.Contains(dataset))
                {
                    reason = $"'{Analytics.Ingest.Printable.Of(clientName)}' is not a dataset of the contract ({string.Join(", ", DatasetNames.Select(d => d + ".csv"))})";
                    return null;
                }

                return dataset + ".csv";
            case ".xlsx":
                if (!WorkbookStem().IsMatch(stem))
                {
                    reason = $"'{Analytics.Ingest.Printable.Of(clientName)}': a workbook name may hold letters, digits, '-' and '_' only";
                    return null;
                }

                return stem + ".xlsx";
            case ".zip":
                return "drop.zip";
            default:
                reason = $"'{Analytics.Ingest.Printable.Of(clientName)}' is neither .csv, .xlsx nor .zip";
                return null;
        }
    }

    public static IReadOnlyList<string> DatasetNames { get; } = DataContract.Datasets.Select(d => d.Name).ToList();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex WorkbookStem();
}
