using DuckDB.NET.Data;

namespace Analytics.Model.Metrics;

/// <summary>
/// Which mall a month's figures are about. A warehouse with one mall needs no choice; a portfolio (several malls)
/// needs the mall named, and the answer names the malls it holds. Used by every CLI verb and API endpoint that reads
/// a month, and by the documents.
/// </summary>
public static class Malls
{
    /// <summary>The malls of the warehouse (those with tenants), in order.</summary>
    public static IReadOnlyList<string> InWarehouse(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT mall_id FROM tenants ORDER BY 1";
        using var r = cmd.ExecuteReader();
        var malls = new List<string>();
        while (r.Read())
        {
            malls.Add(r.GetString(0));
        }

        return malls;
    }

    /// <summary>The mall asked for, or the only mall of the warehouse; a portfolio needs the mall named.</summary>
    public static string Resolve(DuckDBConnection connection, string? mallId)
    {
        var (mall, error) = Choose(InWarehouse(connection), mallId, "--mall");
        return mall ?? throw new MallChoiceError(error!);
    }

    /// <summary>
    /// The choice itself over a known list of malls: the mall given (when the warehouse holds it), or the only one;
    /// otherwise the sentence that says what to do, naming the malls (<paramref name="how"/>: "--mall" or "?mall=").
    /// </summary>
    public static (string? Mall, string? Error) Choose(IReadOnlyList<string> malls, string? mallId, string how)
    {
        if (!string.IsNullOrEmpty(mallId))
        {
            return malls.Contains(mallId, StringComparer.Ordinal)
                ? (mallId, null)
                : (null, $"The warehouse holds no mall '{mallId}'{(malls.Count == 0 ? "" : $" (it holds {string.Join(", ", malls)})")}.");
        }

        return malls.Count switch
        {
            0 => (null, "The warehouse holds no tenants yet: load a drop first."),
            1 => (malls[0], null),
            _ => (null, $"The warehouse holds {malls.Count} malls: name one with {how} ({string.Join(", ", malls)})."),
        };
    }
}

/// <summary>No mall could be chosen: the message names the malls the warehouse holds.</summary>
public sealed class MallChoiceError(string message) : Analytics.Ingest.UserError(message);
