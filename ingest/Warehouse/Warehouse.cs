using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Warehouse;

/// <summary>
/// Where the warehouse file is and how to open it. DuckDB lets one process own a file; a second
/// process gets a lock error, which is turned here into a sentence that names the holder.
/// </summary>
public sealed partial class Warehouse(string path, WarehouseSettings settings)
{
    public const string DefaultPath = "./data/analytics.duckdb";
    public const string EnvironmentVariable = "ANALYTICS_DB";

    public string Path { get; } = System.IO.Path.GetFullPath(path);
    public WarehouseSettings Settings { get; } = settings;

    /// <summary>The file named by --db, else ANALYTICS_DB, else the default.</summary>
    public static string ResolvePath(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
        : DefaultPath;

    /// <summary>Opens a connection, creating and migrating the file when needed.</summary>
    public DuckDBConnection Open(TimeProvider clock)
    {
        var dir = System.IO.Path.GetDirectoryName(Path);
        try
        {
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WarehouseException($"Cannot create the folder of the warehouse {Path}: {ex.Message}", ex);
        }

        var connection = new DuckDBConnection($"Data Source={Path}");
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex) when (LockHolder(ex.Message) is { } holder)
        {
            connection.Dispose();
            throw new WarehouseException(
                $"The warehouse {Path} is in use by another process ({holder}); DuckDB allows one owner at a time. " +
                "Stop that process (for example a running 'serve') or use another --db file.", ex);
        }
        catch (DuckDBException ex)
        {
            connection.Dispose();
            throw new WarehouseException($"Cannot open the warehouse {Path}: {FirstLine(ex.Message)}", ex);
        }

        try
        {
            Configure(connection);
            WarehouseSchema.Migrate(connection, clock);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return connection;
    }

    private void Configure(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SET memory_limit = '{Settings.MemoryLimitMb}MB'; SET threads = {Settings.Threads}; SET preserve_insertion_order = true;";
        cmd.ExecuteNonQuery();
    }

    internal static string? LockHolder(string message)
    {
        if (!message.Contains("Could not set lock", StringComparison.Ordinal))
        {
            return null;
        }

        var m = LockHolderPattern().Match(message);
        return m.Success ? m.Groups[1].Value.Trim() : "another process";
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex(@"Conflicting lock is held in (.+?)(?:\. See also|$)", RegexOptions.Singleline)]
    private static partial Regex LockHolderPattern();
}

/// <summary>Resource limits for DuckDB; its default memory limit is 80 % of RAM, too much beside a web server.</summary>
public sealed record WarehouseSettings(int MemoryLimitMb = 1536, int Threads = 2);
