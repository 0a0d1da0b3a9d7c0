using Analytics.Ingest.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Api.Server;

/// <summary>
/// The server's hold on the warehouse. DuckDB lets one process own a file and closes the database when its last
/// connection closes, so the server keeps one anchor connection open for its whole life (it also holds the file
/// lock and ran the migrations once) and hands out a fresh connection per unit of work: one connection shared
/// across threads fails.
/// </summary>
internal sealed class WarehouseAccess : IDisposable
{
    private readonly DuckDBConnection _anchor;

    public WarehouseAccess(Warehouse warehouse, TimeProvider clock)
    {
        Warehouse = warehouse;
        _anchor = warehouse.Open(clock);
    }

    public Warehouse Warehouse { get; }

    /// <summary>A connection of its own for one request or one job step; dispose it when done.</summary>
    public DuckDBConnection Connect()
    {
        // Same path, same process: DuckDB.NET hands out a connection to the instance the anchor keeps open (no
        // re-open, no migration); Duplicate() would do the same but is only offered for in-memory databases.
        var connection = new DuckDBConnection($"Data Source={Warehouse.Path}");
        connection.Open();
        return connection;
    }

    public void Dispose() => _anchor.Dispose();
}
