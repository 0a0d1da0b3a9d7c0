using System.Globalization;
using Analytics.Ingest.Contract;

namespace Analytics.Model.Requests;

/// <summary>
/// Service times of merchants' requests: days within which the operations desk should resolve a request of each
/// category; a request still open after them is overdue (metrics.md: repair 3 days, cleaning and security 1, others 7).
/// </summary>
public sealed record RequestSettings
{
    public Dictionary<string, int> ServiceDays { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["repair"] = 3,
        ["cleaning"] = 1,
        ["security"] = 1,
    };

    /// <summary>Days for a category the table does not name.</summary>
    public int DefaultServiceDays { get; init; } = 7;

    public int DaysFor(string category) => ServiceDays.TryGetValue(category, out var days) ? days : DefaultServiceDays;

    public static RequestSettings Default { get; } = new();

    /// <summary>A CTE body listing (category, days) for every request category of the contract; days are settings integers.</summary>
    internal string ServiceTable() =>
        "SELECT * FROM (VALUES " + string.Join(", ", DataContract.RequestCategories.Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"('{c}', {DaysFor(c)})"))) + ") AS s(category, days)";
}
