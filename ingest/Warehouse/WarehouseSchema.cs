using DuckDB.NET.Data;

namespace Analytics.Ingest.Warehouse;

/// <summary>Creates the schema in a new file and applies the migrations an older file lacks.</summary>
public static class WarehouseSchema
{
    public static int CurrentVersion => Migrations.Steps[^1].Version;

    public static void Migrate(DuckDBConnection connection, TimeProvider clock)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
        var current = Version(connection);
        if (current > CurrentVersion)
        {
            throw new WarehouseException(
                $"The warehouse was written by a newer version of this tool (schema {current}, this build knows up to {CurrentVersion}).");
        }

        foreach (var (version, description, sql) in Migrations.Steps.Where(s => s.Version > current))
        {
            using var tx = connection.BeginTransaction();
            Execute(connection, sql);
            using var log = connection.CreateCommand();
            log.CommandText = "INSERT INTO schema_version VALUES ($v, $d, $t)";
            log.Parameters.Add(new DuckDBParameter("v", version));
            log.Parameters.Add(new DuckDBParameter("d", description));
            log.Parameters.Add(new DuckDBParameter("t", clock.GetUtcNow().UtcDateTime));
            log.ExecuteNonQuery();
            tx.Commit();
        }
    }

    public static int Version(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
