using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Model.Decisions;

/// <summary>The decisions table (schema step 5): record a decision, read them back. Checks of who may decide are the caller's.</summary>
public static class FlagDecisions
{
    public const int MaxNote = 2000;

    /// <summary>Validates and stores a decision; returns it with its id. Throws <see cref="ArgumentException"/> with one clear sentence.</summary>
    public static FlagDecision Add(DuckDBConnection connection, FlagDecision decision)
    {
        if (!DecisionActions.All.Contains(decision.Action))
        {
            throw new ArgumentException($"Unknown action '{decision.Action}'; use one of {string.Join(", ", DecisionActions.All)}.");
        }

        if (decision.Action == DecisionActions.Defer && decision.Until is null)
        {
            throw new ArgumentException("A deferral needs the date until which the flag is put off ('until', YYYY-MM-DD).");
        }

        if (decision.Action == DecisionActions.Defer && decision.Until <= Month.Of(decision.Period).Last)
        {
            throw new ArgumentException("A deferral's date must lie after the end of the flag's month.");
        }

        if (decision.Action == DecisionActions.Dismiss && string.IsNullOrWhiteSpace(decision.Note))
        {
            throw new ArgumentException("A dismissal needs its reason in the note.");
        }

        if (decision.Note.Length > MaxNote)
        {
            throw new ArgumentException($"A note may have at most {MaxNote} characters.");
        }

        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO decisions (decided_at, decided_by, tenant_id, flag, period, action, until, note, score)
            VALUES ($at, $by, $tenant, $flag, $period, $action, $until, $note, $score)
            RETURNING decision_id
            """;
        cmd.Parameters.Add(new DuckDBParameter("at", decision.DecidedAt));
        cmd.Parameters.Add(new DuckDBParameter("by", decision.DecidedBy));
        cmd.Parameters.Add(new DuckDBParameter("tenant", decision.TenantId));
        cmd.Parameters.Add(new DuckDBParameter("flag", decision.Flag));
        cmd.Parameters.Add(new DuckDBParameter("period", Month.Of(decision.Period).First));
        cmd.Parameters.Add(new DuckDBParameter("action", decision.Action));
        cmd.Parameters.Add(new DuckDBParameter("until", decision.Action == DecisionActions.Defer && decision.Until is { } until ? (object)until : DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("note", decision.Note.Trim()));
        cmd.Parameters.Add(new DuckDBParameter("score", (object?)decision.Score ?? DBNull.Value));
        var id = Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return decision with
        {
            Id = id,
            Period = Month.Of(decision.Period).First,
            Until = decision.Action == DecisionActions.Defer ? decision.Until : null,
            Note = decision.Note.Trim(),
        };
    }

    /// <summary>Decisions taken on flags of months up to <paramref name="upTo"/>, oldest first; optionally of one tenant.</summary>
    public static IReadOnlyList<FlagDecision> List(DuckDBConnection connection, string? tenantId = null, Month? upTo = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT decision_id, decided_at, decided_by, tenant_id, flag, period, action, until, note, score
            FROM decisions
            WHERE ($tenant IS NULL OR tenant_id = $tenant) AND ($upto IS NULL OR period <= $upto)
            ORDER BY decided_at, decision_id
            """;
        cmd.Parameters.Add(new DuckDBParameter("tenant", (object?)tenantId ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("upto", upTo is { } u ? (object)u.First : DBNull.Value));
        var list = new List<FlagDecision>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new FlagDecision(
                r.GetInt64(0), r.GetDateTime(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateOnly>(5),
                r.GetString(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateOnly>(7), r.GetString(8), r.Real("score")));
        }

        return list;
    }

    /// <summary>The standing decision per tenant and flag (the latest taken on a flag of a month up to <paramref name="upTo"/>).</summary>
    public static IReadOnlyDictionary<(string TenantId, string Flag), FlagDecision> Latest(DuckDBConnection connection, Month upTo) =>
        List(connection, null, upTo).GroupBy(d => (d.TenantId, d.Flag)).ToDictionary(g => g.Key, g => g.Last());
}
