using DuckDB.NET.Data;

namespace Analytics.Model.Metrics;

/// <summary>
/// The latest sales day, written once: it decides the default month and week of every verb, page and document
/// (<c>analytics run</c>, the server's default period, the briefs' flag month, the backtest's end of data).
/// </summary>
public static class SalesDays
{
    /// <summary>The latest day with sales for a mall (null: every mall); null when there is none.</summary>
    public static DateOnly? Last(DuckDBConnection connection, string? mallId)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT max(s.date) FROM sales s WHERE {MetricsSql.Filter("s")}";
        cmd.Parameters.Add(new DuckDBParameter("mall", (object?)mallId ?? DBNull.Value));
        return cmd.ExecuteScalar() is DateOnly d ? d : null;
    }

    /// <summary>The first day of every month that has sales, any mall.</summary>
    public static HashSet<DateOnly> Months(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT date_trunc('month', date)::DATE FROM sales";
        using var r = cmd.ExecuteReader();
        var months = new HashSet<DateOnly>();
        while (r.Read())
        {
            months.Add(r.GetFieldValue<DateOnly>(0));
        }

        return months;
    }
}
