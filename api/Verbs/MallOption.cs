using Analytics.Api.Cli;
using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Api.Verbs;

/// <summary>
/// <c>--mall</c> of every verb that reads a month. Given: the warehouse must hold it. Not given: the warehouse's one
/// mall (null: the whole warehouse, which is that mall); with several malls it must be named, and the usage error
/// names them. An empty warehouse is left to the verb's own message.
/// </summary>
internal static class MallOption
{
    public static string? Resolve(DuckDBConnection connection, string? given)
    {
        var malls = Malls.InWarehouse(connection);
        if (malls.Count == 0)
        {
            return given;
        }

        var (mall, error) = Malls.Choose(malls, given, "--mall");
        return error is not null ? throw new UsageError(error) : given is null ? null : mall;
    }
}
