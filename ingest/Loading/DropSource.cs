using Analytics.Ingest.Contract;
using Analytics.Ingest.Limits;
using MiniExcelLibs;

namespace Analytics.Ingest.Loading;

/// <summary>One dataset found in a drop folder: a NAME.csv file or a sheet called NAME in an .xlsx workbook.</summary>
internal sealed record DropSource(DatasetSpec Dataset, string Path, string? Sheet)
{
    /// <summary>The file the readers open: the drop's own, or a copy with its over-limit records blanked.</summary>
    public string ReadPath { get; init; } = Path;

    public InputLimits Limits { get; init; } = InputLimits.Default;

    /// <summary>A row over the input limits, as a reject: the value is what broke (the row itself may be megabytes).</summary>
    public RejectedRow TooLong(long line, string? column, string problem) =>
        new(FileName, Sheet, Dataset.Name, line, column, problem, RejectReason.TooLong);

    public string FileName => System.IO.Path.GetFileName(Path);

    public string Display => Sheet is null ? FileName : $"{FileName}[{Sheet}]";

    /// <summary>
    /// Finds the datasets of a drop; files that name no dataset are listed as ignored, workbooks over the input limits
    /// as refused (with why), before anything reads their sheets.
    /// </summary>
    public static (List<DropSource> Sources, List<string> Ignored, List<(string File, string Problem)> Refused) Discover(
        string folder, InputLimits limits)
    {
        if (!Directory.Exists(folder))
        {
            throw new UserError($"The drop folder '{folder}' does not exist.");
        }

        var sources = new List<DropSource>();
        var ignored = new List<string>();
        var refused = new List<(string, string)>();
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(path);
            var ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
            if (ext == ".csv" && DataContract.Find(System.IO.Path.GetFileNameWithoutExtension(path)) is { } spec)
            {
                sources.Add(new DropSource(spec, path, null) { Limits = limits });
            }
            else if (ext == ".xlsx" && !name.StartsWith("~$", StringComparison.Ordinal))
            {
                if (WorkbookLimitScan.Check(path, limits) is { } problem)
                {
                    refused.Add((name, problem));
                    continue;
                }

                IReadOnlyList<string> sheets;
                try
                {
                    sheets = MiniExcel.GetSheetNames(path);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    throw new UserError($"{name}: not a readable .xlsx workbook ({ex.Message}).");
                }

                foreach (var sheet in sheets)
                {
                    if (DataContract.Find(sheet.Trim()) is { } sheetSpec)
                    {
                        sources.Add(new DropSource(sheetSpec, path, sheet) { Limits = limits });
                    }
                    else
                    {
                        ignored.Add($"{name}[{sheet}]");
                    }
                }
            }
            else
            {
                ignored.Add(name);
            }
        }

        // One drop holds each dataset once: two sources of 'sales' would make the row order and the
        // duplicate-key rule depend on which file happens to be read first.
        var twice = sources.GroupBy(s => s.Dataset.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new UserError(
                $"The drop holds the dataset '{twice.Key}' more than once ({string.Join(", ", twice.Select(s => s.Display))}); keep one.");
        }

        return (sources.OrderBy(s => s.Dataset.LoadOrder).ThenBy(s => s.Dataset.Name, StringComparer.Ordinal).ToList(), ignored, refused);
    }
}
