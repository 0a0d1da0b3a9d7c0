using System.Globalization;

using Analytics.Ingest.Contract;

namespace Analytics.Ingest.Limits;

/// <summary>
/// How much one line, one field and one workbook may hold. Checked by a linear scan before anything whose cost
/// grows faster than the input runs (DuckDB's CSV reader keeping the fields of a rejected line is quadratic in
/// their number), so a hostile file costs time in proportion to its size. The defaults are far above any real
/// export: a sales line is under 100 bytes, a complaint's description a few hundred characters.
/// </summary>
public sealed record InputLimits
{
    /// <summary>Bytes of one CSV record (quoted line breaks included); DuckDB's own reader stops at 2 MB.</summary>
    public int LineBytes { get; init; } = 1 << 20;

    /// <summary>Fields of one CSV record (the contract's widest dataset has 14 columns).</summary>
    public int FieldsPerLine { get; init; } = 1_024;

    /// <summary>Characters of one value: ids, names, numbers, dates, enumerations.</summary>
    public int ValueChars { get; init; } = 4_096;

    /// <summary>Characters of a free-text value (a complaint's description, a patrol note).</summary>
    public int TextChars { get; init; } = 65_536;

    /// <summary>Unpacked bytes of all the parts of one xlsx workbook (the zip limits of an upload do not look inside it).</summary>
    public long WorkbookBytes { get; init; } = 1L << 30;

    public static InputLimits Default { get; } = new();

    /// <summary>Columns whose values are free text and get <see cref="TextChars"/>.</summary>
    public static bool IsFreeText(string column) => column is "description" or "note";

    public int CharsFor(ColumnSpec? column) =>
        column is null ? LineBytes : IsFreeText(column.Name) ? TextChars : ValueChars;

    /// <summary>The largest value any column may hold: a workbook cell above it is refused before it is read.</summary>
    public int MaxCellChars => Math.Max(ValueChars, TextChars);

    /// <summary>Refuses settings that would let the scan itself or DuckDB's reader misbehave.</summary>
    public void Validate()
    {
        if (LineBytes is < 1_024 or > 16 << 20 || FieldsPerLine is < 16 or > 65_536 || ValueChars < 64 || TextChars < 64
            || ValueChars > LineBytes || TextChars > LineBytes || WorkbookBytes < 1 << 20)
        {
            throw new UserError(string.Create(CultureInfo.InvariantCulture,
                $"The input limits are out of range: a line may hold 1 KB to 16 MB (given {LineBytes}), 16 to 65,536 fields (given {FieldsPerLine}), a value 64 characters up to the line limit, a workbook at least 1 MB."));
        }
    }

    /// <summary>DuckDB's max_line_size for a read: above ours, so a line our scan let through is never cut by DuckDB.</summary>
    internal int ReaderMaxLineSize => Math.Max(2 << 20, LineBytes + 1_024);
}
