using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Api.Web;

internal sealed record BillLine(DateOnly Period, string ChargeType, decimal Due, decimal Paid, DateOnly DueDate, DateOnly? PaidDate);

internal sealed record ComplaintLine(string Id, DateTime ReceivedAt, string Category, int Severity, string Status, string? Description);

internal sealed record FindingLine(DateOnly Date, string Type, int? Minutes, string? Note);

internal sealed record LeaseLine(string UnitId, DateOnly LeaseStart, DateOnly LeaseEnd, decimal BaseRent, decimal? AreaSqm, DateOnly? ExitDate, string? ExitReason);

/// <summary>
/// The records behind one tenant's figures, listed as they were loaded (no figure is derived here): its leases, its bills,
/// complaints and patrol findings of the twelve months up to the month's last day. Parameterised SQL, one tenant only.
/// </summary>
internal static class TenantRecords
{
    public static IReadOnlyList<LeaseLine> Leases(DuckDBConnection connection, string tenantId) => Read(connection, """
        SELECT unit_id, lease_start, lease_end, base_rent, area_sqm, exit_date, exit_reason
        FROM tenants WHERE tenant_id = $tenant ORDER BY lease_start
        """, tenantId, null, r => new LeaseLine(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetFieldValue<DateOnly>(2), r.GetDecimal(3),
            r.IsDBNull(4) ? null : r.GetDecimal(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), r.IsDBNull(6) ? null : r.GetString(6)));

    public static IReadOnlyList<BillLine> Bills(DuckDBConnection connection, string tenantId, Month period) => Read(connection, """
        SELECT period, charge_type, amount_due, amount_paid, due_date, paid_date FROM rent
        WHERE tenant_id = $tenant AND period > $to - INTERVAL 12 MONTH AND period <= $to
        ORDER BY period DESC, charge_type
        """, tenantId, period, r => new BillLine(r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetDecimal(2), r.GetDecimal(3),
            r.GetFieldValue<DateOnly>(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5)));

    public static IReadOnlyList<ComplaintLine> Complaints(DuckDBConnection connection, string tenantId, Month period) => Read(connection, """
        SELECT complaint_id, received_at, category, severity, status, description FROM complaints
        WHERE tenant_id = $tenant AND received_at >= $to - INTERVAL 11 MONTH AND received_at < $to + INTERVAL 1 MONTH
        ORDER BY received_at DESC
        """, tenantId, period, r => new ComplaintLine(r.GetString(0), r.GetDateTime(1), r.GetString(2), r.GetInt32(3), r.GetString(4),
            r.IsDBNull(5) ? null : r.GetString(5)));

    public static IReadOnlyList<FindingLine> Findings(DuckDBConnection connection, string tenantId, Month period) => Read(connection, """
        SELECT date, type, minutes, note FROM inspections
        WHERE tenant_id = $tenant AND date >= $to - INTERVAL 11 MONTH AND date < $to + INTERVAL 1 MONTH
        ORDER BY date DESC
        """, tenantId, period, r => new FindingLine(r.GetFieldValue<DateOnly>(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2),
            r.IsDBNull(3) ? null : r.GetString(3)));

    private static List<T> Read<T>(DuckDBConnection connection, string sql, string tenantId, Month? period, Func<System.Data.Common.DbDataReader, T> row)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.Add(new DuckDBParameter("tenant", tenantId));
        if (period is { } p)
        {
            cmd.Parameters.Add(new DuckDBParameter("to", p.First));
        }

        var list = new List<T>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(row(r));
        }

        return list;
    }
}
