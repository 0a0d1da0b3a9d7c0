using System.Globalization;
using DuckDB.NET.Data;

namespace Analytics.Model.Backtest;

/// <summary>
/// The warehouse as it stood at the end of a day: temporary tables that shadow the dated datasets on this
/// connection (unqualified names resolve to the temporary catalog first), cut at that day. Rows dated after it
/// are gone (sales, inspections and footfall by date, rent by due date, complaints by receipt, leases by start);
/// payments made after it are unpaid, complaints resolved after it are open and exits after it have not
/// happened. Everything the analysis reads then sees only what was known on that day. Dispose to lift the cut.
/// </summary>
internal sealed class PointInTime : IDisposable
{
    private static readonly string[] Shadowed = ["sales", "inspections", "footfall", "rent", "complaints", "tenants"];

    private readonly DuckDBConnection _connection;

    private PointInTime(DuckDBConnection connection) => _connection = connection;

    public static PointInTime Cut(DuckDBConnection connection, DateOnly day)
    {
        var db = Quote(Scalar(connection, "SELECT current_database()"));
        var cut = new PointInTime(connection);
        try
        {
            foreach (var sql in new[]
            {
                $"CREATE OR REPLACE TEMP TABLE sales AS SELECT * FROM {db}.main.sales WHERE date <= CAST($d AS DATE)",
                $"CREATE OR REPLACE TEMP TABLE inspections AS SELECT * FROM {db}.main.inspections WHERE date <= CAST($d AS DATE)",
                $"CREATE OR REPLACE TEMP TABLE footfall AS SELECT * FROM {db}.main.footfall WHERE date <= CAST($d AS DATE)",
                $"""
                CREATE OR REPLACE TEMP TABLE rent AS
                SELECT * REPLACE (
                    CASE WHEN paid_date > CAST($d AS DATE) THEN 0 ELSE amount_paid END::DECIMAL(18,2) AS amount_paid,
                    CASE WHEN paid_date > CAST($d AS DATE) THEN NULL ELSE paid_date END AS paid_date)
                FROM {db}.main.rent WHERE due_date <= CAST($d AS DATE)
                """,
                $"""
                CREATE OR REPLACE TEMP TABLE complaints AS
                SELECT * REPLACE (
                    CASE WHEN resolved_at >= CAST($d AS DATE) + INTERVAL 1 DAY THEN 'open' ELSE status END AS status,
                    CASE WHEN resolved_at >= CAST($d AS DATE) + INTERVAL 1 DAY THEN NULL ELSE resolved_at END AS resolved_at)
                FROM {db}.main.complaints WHERE received_at < CAST($d AS DATE) + INTERVAL 1 DAY
                """,
                $"""
                CREATE OR REPLACE TEMP TABLE tenants AS
                SELECT * REPLACE (
                    CASE WHEN exit_date > CAST($d AS DATE) THEN NULL ELSE exit_date END AS exit_date,
                    CASE WHEN exit_date > CAST($d AS DATE) THEN NULL ELSE exit_reason END AS exit_reason)
                FROM {db}.main.tenants WHERE lease_start <= CAST($d AS DATE)
                """,
            })
            {
                Execute(connection, sql, day);
            }
        }
        catch
        {
            cut.Dispose();
            throw;
        }

        return cut;
    }

    public void Dispose()
    {
        foreach (var table in Shadowed)
        {
            Execute(_connection, $"DROP TABLE IF EXISTS temp.main.{table}");
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Scalar(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static void Execute(DuckDBConnection connection, string sql, DateOnly? day = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        if (day is { } d)
        {
            cmd.Parameters.Add(new DuckDBParameter("d", d));
        }

        cmd.ExecuteNonQuery();
    }
}
