using DuckDB.NET.Data;
using Analytics.Model.Metrics;

namespace Analytics.Model.Backtest;

/// <summary>
/// The latest backtest's track record, kept in the warehouse (table <c>flag_track_record</c>) so that the model card
/// and the monthly brief can show it without re-running a backtest. One record set per scope (a mall, or '').
/// </summary>
public static class TrackRecordStore
{
    public static void Save(DuckDBConnection connection, BacktestResult result)
    {
        using var tx = connection.BeginTransaction();
        using (var delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM flag_track_record WHERE scope = $scope";
            delete.Parameters.Add(new DuckDBParameter("scope", result.MallId ?? ""));
            delete.ExecuteNonQuery();
        }

        foreach (var r in result.Records)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO flag_track_record VALUES ($scope, $from, $to, $flag, $h, $flagged, $hits, $precision, $base, $lift, $low, $high)
                """;
            insert.Parameters.Add(new DuckDBParameter("scope", result.MallId ?? ""));
            insert.Parameters.Add(new DuckDBParameter("from", result.From.First));
            insert.Parameters.Add(new DuckDBParameter("to", result.To.First));
            insert.Parameters.Add(new DuckDBParameter("flag", r.Flag));
            insert.Parameters.Add(new DuckDBParameter("h", r.HorizonMonths));
            insert.Parameters.Add(new DuckDBParameter("flagged", r.Flagged));
            insert.Parameters.Add(new DuckDBParameter("hits", r.Hits));
            insert.Parameters.Add(new DuckDBParameter("precision", (object?)r.Precision ?? DBNull.Value));
            insert.Parameters.Add(new DuckDBParameter("base", (object?)r.BaseRate ?? DBNull.Value));
            insert.Parameters.Add(new DuckDBParameter("lift", (object?)r.Lift ?? DBNull.Value));
            insert.Parameters.Add(new DuckDBParameter("low", (object?)r.CiLow ?? DBNull.Value));
            insert.Parameters.Add(new DuckDBParameter("high", (object?)r.CiHigh ?? DBNull.Value));
            insert.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>The stored track record of the mall (or of every mall when none was kept for it alone); null when none.</summary>
    public static StoredTrackRecord? Load(DuckDBConnection connection, string? mallId)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT scope, from_period, to_period, flag, horizon_months, flagged, hits, precision, base_rate, lift, ci_low, ci_high
            FROM flag_track_record
            WHERE scope = coalesce(CAST($mall AS VARCHAR), '') OR scope = ''
            ORDER BY scope DESC, flag, horizon_months
            """;
        cmd.Parameters.Add(new DuckDBParameter("mall", (object?)mallId ?? DBNull.Value));
        using var r = cmd.ExecuteReader();
        var records = new List<TrackRecord>();
        string? scope = null;
        DateOnly from = default, to = default;
        while (r.Read())
        {
            var rowScope = r.GetString(0);
            if (scope is not null && rowScope != scope)
            {
                break; // the mall's own record comes first; the all-mall one only stands in when it has none
            }

            scope = rowScope;
            from = r.Date("from_period");
            to = r.Date("to_period");
            records.Add(new TrackRecord(r.Text("flag"), (int)r.Count("horizon_months"), (int)r.Count("flagged"), (int)r.Count("hits"),
                r.Real("precision"), r.Real("base_rate"), r.Real("lift"), r.Real("ci_low"), r.Real("ci_high")));
        }

        var ordered = records.OrderBy(x => Array.IndexOf(Flags.FlagCodes.All, x.Flag)).ThenBy(x => x.HorizonMonths).ToList();
        return ordered.Count == 0 ? null : new StoredTrackRecord(from, to, ordered);
    }
}

/// <summary>A stored track record: the backtest's months and its rows.</summary>
public sealed record StoredTrackRecord(DateOnly From, DateOnly To, IReadOnlyList<TrackRecord> Records)
{
    public string ToMarkdown() => new BacktestResult(Month.Of(From), Month.Of(To), null, Records, new Export.ExportTable(["period"])).ToMarkdown();
}
