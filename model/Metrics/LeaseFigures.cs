namespace Analytics.Model.Metrics;

/// <summary>Figures over the leases in force on a day.</summary>
public static class LeaseFigures
{
    /// <summary>
    /// Weighted average lease expiry in years on <paramref name="asOf"/>: each lease in force weighted by its monthly
    /// base rent (income), the usual convention; leases already past their end (holding over) count as 0. Null
    /// without base rent.
    /// </summary>
    public static double? Wale(IEnumerable<TenantMetricsRow> inForce, DateOnly asOf)
    {
        var rows = inForce.Where(r => r.BaseRent > 0).ToList();
        var rent = rows.Sum(r => r.BaseRent);
        return rent > 0
            ? rows.Sum(r => (double)r.BaseRent * Math.Max(0, r.LeaseEnd.DayNumber - asOf.DayNumber) / 365.25) / (double)rent
            : null;
    }
}
