namespace Analytics.Ingest.Warehouse;

/// <summary>
/// "A lease in force on a day", written once for every layer that needs it: the load's checks (a sale must fall
/// inside a lease) and every metric, brief and export above it. It lives here, in the lowest project, because the
/// load's checks cannot see the model.
/// </summary>
/// <remarks>
/// <c>exit_date</c> is the tenant's last day in the unit, so the lease's last day is <c>coalesce(exit_date, lease_end)</c>
/// and it is in force on D when <c>lease_start ≤ D ≤ last day</c>: a tenant that leaves on a month's last day still
/// counts for that month and is gone the next.
/// </remarks>
public static class LeaseSql
{
    /// <summary>The last day of the lease aliased <paramref name="lease"/> (a row of <c>tenants</c>).</summary>
    public static string LastDay(string lease) => $"coalesce({lease}.exit_date, {lease}.lease_end)";

    /// <summary>The lease aliased <paramref name="lease"/> is in force on the SQL date <paramref name="day"/>.</summary>
    public static string InForce(string lease, string day) => $"({lease}.lease_start <= {day} AND {day} <= {LastDay(lease)})";
}
