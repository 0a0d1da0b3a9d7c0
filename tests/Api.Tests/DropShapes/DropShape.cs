using System.Globalization;
using DuckDB.NET.Data;

namespace Analytics.Api.Tests.DropShapes;

/// <summary>
/// A shape of drop made from the committed sample drop: the sample is read into an in-memory DuckDB (every field as
/// text, so values are written back exactly as they were), cut to a small mall (every eighth tenant id, 13 months), then
/// the shape's own statements remove a dataset, a column or rows, or rewrite values, and the tables are written back as
/// CSV. Rent and inspections keep the sample's Chinese headers (商户编号, 账期, 日期, 商戶編號).
/// </summary>
public sealed record DropShape(string Name)
{
    public static readonly string[] Datasets = ["units", "tenants", "sales", "rent", "complaints", "inspections", "footfall"];

    /// <summary>First day of data kept.</summary>
    public DateOnly From { get; init; } = new(2025, 10, 1);

    /// <summary>The month analysed and reported.</summary>
    public DateOnly Period { get; init; } = new(2026, 10, 1);

    /// <summary>Statements that shrink the table <c>keep</c> (tenant ids kept) before the cut.</summary>
    public IReadOnlyList<string> Keep { get; init; } = [];

    /// <summary>Statements run after the cut: drop a table, a column, rewrite rows.</summary>
    public IReadOnlyList<string> Then { get; init; } = [];

    /// <summary>Inputs the model card must name as not available.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>Fragments of the card's "limit:" lines this shape must produce.</summary>
    public IReadOnlyList<string> Limits { get; init; } = [];

    /// <summary>Flags the shape's inputs make impossible (docs/analysis.md, "What each drop shape allows").</summary>
    public IReadOnlyList<string> CannotRaise { get; init; } = [];

    public override string ToString() => Name;

    public static DropShape WithoutDataset(string dataset, params string[] cannot) =>
        new("no-" + dataset) { Then = [$"DROP TABLE {dataset}"], Missing = [dataset], CannotRaise = cannot };

    public static DropShape WithoutColumn(string table, string column, params string[] missing) =>
        new("no-" + column) { Then = [$"ALTER TABLE {table} DROP COLUMN {column}"], Missing = missing.Length > 0 ? missing : [column] };

    public static string SampleDrop { get; } = RepositoryRoot.Combine("data-samples", "drop");

    /// <summary>Writes the shape's drop into <paramref name="folder"/>.</summary>
    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        foreach (var dataset in Datasets)
        {
            var path = Path.Combine(SampleDrop, dataset + ".csv").Replace("'", "''", StringComparison.Ordinal);
            Execute(db, $"CREATE TABLE {dataset} AS SELECT * FROM read_csv('{path}', header = true, all_varchar = true, parallel = false)");
        }

        var from = From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Execute(db, "CREATE TABLE keep AS SELECT DISTINCT tenant_id FROM tenants WHERE CAST(substr(tenant_id, 2) AS INTEGER) % 8 = 0");
        foreach (var statement in Keep)
            Execute(db, statement);
        foreach (var statement in new[]
                 {
                     "DELETE FROM tenants WHERE tenant_id NOT IN (SELECT tenant_id FROM keep)",
                     $"DELETE FROM sales WHERE tenant_id NOT IN (SELECT tenant_id FROM keep) OR date < '{from}'",
                     $"DELETE FROM rent WHERE \"商户编号\" NOT IN (SELECT tenant_id FROM keep) OR \"账期\" < '{from[..7]}'",
                     $"DELETE FROM complaints WHERE (tenant_id IS NOT NULL AND tenant_id NOT IN (SELECT tenant_id FROM keep)) OR received_at < '{from}'",
                     $"DELETE FROM inspections WHERE \"商戶編號\" NOT IN (SELECT tenant_id FROM keep) OR \"日期\" < '{from}'",
                     $"DELETE FROM footfall WHERE date < '{from}'",
                 })
            Execute(db, statement);
        foreach (var statement in Then)
            Execute(db, statement);

        foreach (var dataset in Datasets)
        {
            if (Scalar(db, $"SELECT count(*) FROM information_schema.tables WHERE table_name = '{dataset}'") == 0)
                continue;
            var target = Path.Combine(folder, dataset + ".csv").Replace("'", "''", StringComparison.Ordinal);
            Execute(db, $"COPY {dataset} TO '{target}' (HEADER, DELIMITER ',')");
        }
    }

    private static void Execute(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long Scalar(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
