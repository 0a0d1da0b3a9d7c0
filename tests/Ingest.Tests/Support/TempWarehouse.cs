using Analytics.Ingest.Loading;
using Analytics.Ingest.Warehouse;
using WarehouseFile = Analytics.Ingest.Warehouse.Warehouse;
using DuckDB.NET.Data;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingest.Tests.Support;

/// <summary>A real warehouse file in a temp folder, with a fixed clock, deleted after the test.</summary>
internal sealed class TempWarehouse : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("ta-wh-").FullName;
    public string Path => System.IO.Path.Combine(Folder, "analytics.duckdb");
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero));
    public WarehouseFile Warehouse => new(Path, new WarehouseSettings(512, 2));

    public LoadResult Load(string drop, double maxRejectPct = 5.0) =>
        new DropLoader(Warehouse, Clock).Load(drop, new LoadOptions(maxRejectPct, System.IO.Path.Combine(Folder, "rejects.csv")));

    public DuckDBConnection Open() => Warehouse.Open(Clock);

    public T Scalar<T>(string sql)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<string> Rows(string sql)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>A fingerprint of every table's full content, to prove a refused or killed load changed nothing.</summary>
    public string ContentFingerprint()
    {
        var tables = Rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name");
        return string.Join("\n", tables.Select(t =>
            $"{t}: {string.Join(";", Rows($"SELECT count(*), coalesce(sum(hash(x)), 0) FROM (SELECT * FROM \"{t}\") x"))}"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A killed child process may still be releasing the file; the temp folder is cleaned by the OS.
        }
    }
}
