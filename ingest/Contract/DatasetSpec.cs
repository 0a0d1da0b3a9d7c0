namespace Analytics.Ingest.Contract;

/// <summary>
/// A dataset of the contract: its columns, its unique key and its place in the load order
/// (leases load before the rows that are checked against them).
/// </summary>
public sealed record DatasetSpec(string Name, int LoadOrder, IReadOnlyList<string> Key, IReadOnlyList<ColumnSpec> Columns)
{
    public ColumnSpec Column(string name) => Columns.First(c => c.Name == name);

    /// <summary>Whether rows carry a tenant_id that must belong to a known lease.</summary>
    public bool ChecksTenant => Name is "sales" or "rent" or "complaints" or "inspections" or "budget" or "requests" or "turnover_tiers";

    /// <summary>The large datasets that may take the typed fast path for CSV; the rest are small and take the text path.</summary>
    public bool Bulk => Name is "units" or "sales" or "footfall";
}
