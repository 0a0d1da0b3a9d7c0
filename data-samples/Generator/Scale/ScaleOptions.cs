namespace Analytics.SampleData.Scale;

/// <summary>Size of a generated portfolio for benchmarks. Every tenant trades every day, so sales rows = tenants × days.</summary>
public sealed record ScaleOptions
{
    public static readonly IReadOnlyList<string> AllDatasets = ["units", "tenants", "sales", "rent", "complaints", "inspections", "footfall"];

    public int Malls { get; init; } = 20;
    public int Tenants { get; init; } = 5000;
    public int Months { get; init; } = 24;
    public int Seed { get; init; } = 1;

    /// <summary>Last day of data; the window is the <see cref="Months"/> whole months ending here.</summary>
    public DateOnly End { get; init; } = new(2026, 10, 31);

    public IReadOnlyList<string> Datasets { get; init; } = AllDatasets;

    /// <summary>
    /// Only what the contract requires, as a mall exporting from a bare till system sends it: tenants (no floor, brand,
    /// turnover rate, service charge or exit columns; the lease's own area), sales with receipts, and rent.
    /// </summary>
    public bool RequiredOnly { get; init; }

    /// <summary>Tenants drawn from the first N trade categories only (null: the sample's zoning per floor).</summary>
    public int? Categories { get; init; }

    /// <summary>The datasets written: <see cref="Datasets"/>, or the required ones with <see cref="RequiredOnly"/>.</summary>
    public IReadOnlyList<string> Written => RequiredOnly ? ["tenants", "sales", "rent"] : Datasets;

    public DateOnly Start => new DateOnly(End.Year, End.Month, 1).AddMonths(1 - Months);

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public void Validate()
    {
        if (Malls < 1 || Tenants < Malls || Months < 1)
        {
            throw new ArgumentException("scale needs at least one mall, one tenant per mall and one month");
        }
        if (Categories is { } n && (n < 1 || n > Sample.CategoryProfile.All.Count))
        {
            throw new ArgumentException($"--categories takes 1 to {Sample.CategoryProfile.All.Count}");
        }
        var unknown = Datasets.Except(AllDatasets, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown dataset(s): {string.Join(", ", unknown)}; known: {string.Join(", ", AllDatasets)}");
        }
    }
}
