namespace Analytics.Ingest.Contract;

/// <summary>One column of a dataset as the contract defines it, with the header names it is accepted under.</summary>
public sealed record ColumnSpec(
    string Name,
    ColumnType Type,
    bool Required,
    string? Simplified = null,
    string? Traditional = null,
    IReadOnlyList<string>? Values = null,
    bool NonNegative = false,
    string? Default = null)
{
    public IEnumerable<string> HeaderNames()
    {
        yield return Name;
        if (Simplified is not null)
        {
            yield return Simplified;
        }

        if (Traditional is not null && Traditional != Simplified)
        {
            yield return Traditional;
        }
    }
}
