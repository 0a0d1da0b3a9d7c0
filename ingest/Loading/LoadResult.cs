using Analytics.Ingest.Limits;

namespace Analytics.Ingest.Loading;

/// <summary>What a load did: per file counts, every rejected row, and whether the drop was refused (nothing written).</summary>
public sealed record LoadResult(
    long? LoadId,
    bool Refused,
    IReadOnlyList<FileResult> Files,
    IReadOnlyList<RejectedRow> Rejects,
    string? RejectsFile,
    IReadOnlyList<string> Problems)
{
    public long RowsRead => Files.Sum(f => f.RowsRead);
    public long RowsLoaded => Files.Sum(f => f.RowsLoaded);
    public long RowsRejected => Files.Sum(f => f.RowsRejected);
}

/// <param name="RowsChanged">Rows that were new or differed from what the warehouse held (a re-load of the same rows changes 0).</param>
public sealed record FileResult(
    string Dataset,
    string File,
    string? Sheet,
    string Sha256,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    long RowsChanged,
    bool Refused,
    string? RefusalReason,
    IReadOnlyList<string> IgnoredColumns)
{
    public string Display => Sheet is null ? File : $"{File}[{Sheet}]";
}

/// <param name="Line">1-based physical line of the file (the header is line 1), or the sheet's row number.</param>
public sealed record RejectedRow(string File, string? Sheet, string Dataset, long Line, string? Column, string? Value, string Reason);

/// <param name="MaxRejectPct">A file whose rejected share is above this percentage is refused, and with it the drop.</param>
/// <param name="RejectsFile">Where to write the rejects CSV; default: beside the warehouse under rejects/.</param>
/// <param name="Limits">Line, field, value and workbook limits (<see cref="InputLimits.Default"/> when null).</param>
public sealed record LoadOptions(double MaxRejectPct = 5.0, string? RejectsFile = null, InputLimits? Limits = null)
{
    /// <summary>Told after each file is read (files done, files in the drop): a terminal shows it during a large drop.</summary>
    public IProgress<(int Done, int Total)>? Progress { get; init; }
}
