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

    public DateOnly Start => new DateOnly(End.Year, End.Month, 1).AddMonths(1 - Months);

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public void Validate()
    {
        if (Malls < 1 || Tenants < Malls || Months < 1)
        {
            throw new ArgumentException("scale needs at least one mall, one tenant per mall and one month");
        }
        var unknown = Datasets.Except(AllDatasets, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown dataset(s): {string.Join(", ", unknown)}; known: {string.Join(", ", AllDatasets)}");
        }
    }
}
