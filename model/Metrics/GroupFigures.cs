namespace Analytics.Model.Metrics;

/// <summary>
/// A group of tenants' figures for the month (a category or a floor): sums of the tenants' metrics, so sales per m²
/// is the group's sales over its leased area, YoY the group's sales against the same group a year before, and OCR
/// the group's occupancy cost over the sales of its tenants with a bill (metrics.md).
/// </summary>
public sealed record GroupFigures(string Group, int Tenants, decimal Area, decimal Sales, decimal SalesYearBefore, double? Density, double? Yoy, double? Ocr)
{
    /// <summary>
    /// The groups of the tenants in force (<paramref name="current"/>) by <paramref name="key"/> (no key: ""), largest
    /// sales first; <paramref name="yearBefore"/> are the same month's rows a year earlier.
    /// </summary>
    public static List<GroupFigures> Of(IEnumerable<TenantMetricsRow> current, IEnumerable<TenantMetricsRow> yearBefore, Func<TenantMetricsRow, string?> key)
    {
        var before = yearBefore.GroupBy(r => key(r) ?? "").ToDictionary(g => g.Key, g => g.Sum(r => r.NetSales));
        return current.GroupBy(r => key(r) ?? "").Select(g =>
        {
            var area = g.Sum(r => r.AreaSqm ?? 0);
            var sales = g.Sum(r => r.NetSales);
            var billed = g.Where(r => r.OccupancyCost is not null && r.NetSales > 0).ToList();
            var ly = before.GetValueOrDefault(g.Key);
            return new GroupFigures(g.Key, g.Count(), area, sales, ly, area > 0 ? (double)(sales / area) : null, Growth(sales, ly),
                billed.Sum(r => r.NetSales) > 0 ? (double)(billed.Sum(r => r.OccupancyCost!.Value) / billed.Sum(r => r.NetSales)) : null);
        }).OrderByDescending(g => g.Sales).ThenBy(g => g.Group, StringComparer.Ordinal).ToList();
    }

    /// <summary>A ratio of two amounts less one (growth), null when the base is not positive.</summary>
    public static double? Growth(decimal now, decimal before) => before > 0 ? (double)(now / before) - 1 : null;
}
