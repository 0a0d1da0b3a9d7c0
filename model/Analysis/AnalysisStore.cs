using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Model.Backtest;
using Analytics.Model.Flags;
using Analytics.Model.Learning;
using Analytics.Model.Metrics;
using Analytics.Model.Scoring;
using DuckDB.NET.Data;

namespace Analytics.Model.Analysis;

/// <summary>
/// The month's analysis stored in the warehouse (tables <c>analysis_results</c>, <c>analysis_scores</c>,
/// <c>analysis_flags</c>, <c>analysis_metrics</c>, <c>analysis_mall_metrics</c>), keyed by mall and month, with the fingerprint of the inputs it was computed from. Every
/// reader asks here: a stored result whose fingerprint still matches is read back (milliseconds); otherwise the
/// analysis runs (seconds: SQL plus model training) and its result replaces the stored one. The backtest stays
/// point in time and runs its own.
/// </summary>
public static class AnalysisStore
{
    /// <summary>
    /// Part of the fingerprint: raise it whenever a change of the analysis code changes any result (a rule, a metric,
    /// a model, the stored shape), so that results stored by an older build are recomputed, not served.
    /// </summary>
    public const int Version = 2;

    /// <summary>
    /// The build of the code that computes results (this assembly and the warehouse's): builds are deterministic, so
    /// the module ids change exactly when that code does, and a result stored by another build is recomputed even
    /// when nobody raised <see cref="Version"/>.
    /// </summary>
    private static readonly string Build = string.Join(':',
        typeof(AnalysisStore).Assembly.ManifestModule.ModuleVersionId, typeof(Analytics.Ingest.Warehouse.LeaseSql).Assembly.ManifestModule.ModuleVersionId);

    /// <summary>The month's analysis: the stored one when its inputs are unchanged, else computed and stored.</summary>
    /// <param name="clock">Stamps <c>computed_at</c> of a newly stored result.</param>
    public static AnalysisResult Get(DuckDBConnection connection, string? mallId, Month period, AnalysisSettings settings, TimeProvider clock)
    {
        var fingerprint = Fingerprint(connection, mallId, period, settings);
        return Read(connection, mallId, period, settings, fingerprint) ?? Compute(connection, mallId, period, settings, clock, fingerprint, null);
    }

    /// <summary>
    /// The month's tenant metrics (metrics.md), as stored with the month's analysis. A month before the first sale
    /// cannot be analysed but has metrics (leases in force, bills, no sales): they are computed then, not stored.
    /// </summary>
    public static IReadOnlyList<TenantMetricsRow> TenantMetrics(
        DuckDBConnection connection, string? mallId, Month period, AnalysisSettings settings, TimeProvider clock) =>
        TenantMetrics(connection, mallId, period, settings, () => Get(connection, mallId, period, settings, clock));

    /// <param name="analysis">The month's analysis as the caller gets it (a server keeps it in memory).</param>
    public static IReadOnlyList<TenantMetricsRow> TenantMetrics(
        DuckDBConnection connection, string? mallId, Month period, AnalysisSettings settings, Func<AnalysisResult> analysis) =>
        DataAvailability.HasSalesBy(connection, mallId, period)
            ? [.. analysis().TenantMetrics]
            : Metrics.TenantMetrics.Query(connection, mallId, period, settings.Requests);

    /// <summary>The month's mall metrics, as stored with the month's analysis (computed, not stored, before the first sale).</summary>
    public static IReadOnlyList<MallMetricsRow> MallMetrics(
        DuckDBConnection connection, string? mallId, Month period, AnalysisSettings settings, TimeProvider clock) =>
        DataAvailability.HasSalesBy(connection, mallId, period)
            ? Get(connection, mallId, period, settings, clock).MallMetrics
            : Metrics.MallMetrics.Query(connection, mallId, period);

    /// <summary>Runs the analysis whatever is stored (a load just happened, or the models are wanted on disk) and stores it.</summary>
    /// <param name="modelFolder">Where the trained models and the model card are written; null: not saved.</param>
    public static AnalysisResult Refresh(
        DuckDBConnection connection, string? mallId, Month period, AnalysisSettings settings, TimeProvider clock, string? modelFolder = null)
    {
        return Compute(connection, mallId, period, settings, clock, Fingerprint(connection, mallId, period, settings), modelFolder);
    }

    /// <summary>
    /// What the result depends on, hashed: this code's <see cref="Version"/> and the schema version; every load (its
    /// count, last id and end: a correction is a load too) and the row count of every table the analysis reads (rows
    /// written without a load change it as well); the settings that change results (all of them, as JSON); the
    /// stored backtest track record (it is part of the model card); the mall and the month.
    /// </summary>
    public static string Fingerprint(DuckDBConnection connection, string? mallId, Month period, AnalysisSettings settings)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT concat_ws('|',
                (SELECT coalesce(max(version), 0) FROM schema_version),
                (SELECT count(*) || ':' || coalesce(max(load_id), 0) || ':' || coalesce(CAST(max(finished_at) AS VARCHAR), '') FROM load_log),
                (SELECT count(*) FROM units), (SELECT count(*) FROM tenants), (SELECT count(*) FROM sales),
                (SELECT count(*) FROM rent), (SELECT count(*) FROM complaints), (SELECT count(*) FROM inspections),
                (SELECT count(*) FROM footfall), (SELECT count(*) FROM malls), (SELECT count(*) FROM turnover_tiers),
                (SELECT count(*) FROM budget), (SELECT count(*) FROM requests),
                (SELECT count(*) || ':' || coalesce(CAST(sum(hash(scope, from_period, to_period, flag, horizon_months, flagged, hits,
                    precision, base_rate, lift, ci_low, ci_high)) AS VARCHAR), '') FROM flag_track_record))
            """;
        var state = (string)cmd.ExecuteScalar()!;
        var text = string.Join('\n', Version.ToString(CultureInfo.InvariantCulture), Build, mallId ?? "", period.ToString(), state, settings.ToJson());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>When the stored result of the month was computed and from which inputs (null: none stored).</summary>
    public static (string Fingerprint, DateTime ComputedAt)? Stamp(DuckDBConnection connection, string? mallId, Month period)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT fingerprint, computed_at FROM analysis_results WHERE mall_id = $mall AND period = $period";
        cmd.Parameters.Add(new DuckDBParameter("mall", mallId ?? ""));
        cmd.Parameters.Add(new DuckDBParameter("period", period.First));
        using var r = cmd.ExecuteReader();
        return r.Read() ? (r.GetString(0), r.GetDateTime(1)) : null;
    }

    private static AnalysisResult? Read(DuckDBConnection connection, string? mallId, Month period, AnalysisSettings settings, string fingerprint)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT result FROM analysis_results WHERE mall_id = $mall AND period = $period AND fingerprint = $fingerprint";
        cmd.Parameters.Add(new DuckDBParameter("mall", mallId ?? ""));
        cmd.Parameters.Add(new DuckDBParameter("period", period.First));
        cmd.Parameters.Add(new DuckDBParameter("fingerprint", fingerprint));
        if (cmd.ExecuteScalar() is not string json)
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize<Stored>(json, Json)!;
        var flags = stored.Flags.Select(f => new TenantFlag(stored.Scores[f.Score], f.Code, f.Priority, f.RankValue, f.Reasons)
        {
            Opportunity = f.Opportunity,
            RentAtRisk = f.RentAtRisk,
            Conditions = f.Conditions,
        }).ToList();

        // The settings are the caller's: the fingerprint holds them, so they equal those the result was computed with.
        return new AnalysisResult(period, mallId, settings, stored.Scores, flags, stored.ExpectedModel, stored.RiskModel)
        {
            Availability = stored.Availability,
            TrackRecord = stored.TrackRecord,
            MallMetrics = stored.MallMetrics,
        };
    }

    private static AnalysisResult Compute(
        DuckDBConnection connection, string? mallId, Month period, AnalysisSettings settings, TimeProvider clock, string fingerprint, string? modelFolder)
    {
        var result = TenantAnalysis.Run(connection, mallId, period, settings, modelFolder);
        try
        {
            Write(connection, result, fingerprint, clock.GetUtcNow().UtcDateTime);
        }
        catch (DuckDBException)
        {
            // Storing saves the next reader the work; a reader that cannot write (another writer's transaction on the
            // same rows) still has its result, and the next one stores it.
        }

        return result;
    }

    private static void Write(DuckDBConnection connection, AnalysisResult result, string fingerprint, DateTime computedAt)
    {
        var index = new Dictionary<TenantScore, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < result.Scores.Count; i++)
        {
            index[result.Scores[i]] = i;
        }

        var stored = new Stored(
            result.Scores,
            result.Flags.Select(f => new StoredFlag(index[f.Score], f.Code, f.Priority, f.RankValue, f.Reasons, f.Opportunity, f.RentAtRisk, f.Conditions)).ToList(),
            result.ExpectedModel, result.RiskModel, result.Availability, result.TrackRecord, result.MallMetrics);
        var json = JsonSerializer.Serialize(stored, Json);
        var mall = result.MallId ?? "";

        using var tx = connection.BeginTransaction();
        foreach (var table in (string[])["analysis_results", "analysis_scores", "analysis_flags", "analysis_metrics", "analysis_mall_metrics"])
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM {table} WHERE mall_id = $mall AND period = $period";
            delete.Parameters.Add(new DuckDBParameter("mall", mall));
            delete.Parameters.Add(new DuckDBParameter("period", result.Period.First));
            delete.ExecuteNonQuery();
        }

        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO analysis_results VALUES ($mall, $period, $fingerprint, $at, $card, $result)";
            insert.Parameters.Add(new DuckDBParameter("mall", mall));
            insert.Parameters.Add(new DuckDBParameter("period", result.Period.First));
            insert.Parameters.Add(new DuckDBParameter("fingerprint", fingerprint));
            insert.Parameters.Add(new DuckDBParameter("at", computedAt));
            insert.Parameters.Add(new DuckDBParameter("card", result.ModelCard()));
            insert.Parameters.Add(new DuckDBParameter("result", json));
            insert.ExecuteNonQuery();
        }

        using (var scores = connection.CreateAppender("analysis_scores"))
        {
            foreach (var s in result.Scores)
            {
                scores.CreateRow().AppendValue(mall).AppendValue(result.Period.First).AppendValue(s.Frame.Metrics.TenantId)
                    .AppendValue(s.Total).AppendValue(s.Risk).EndRow();
            }
        }

        using (var flags = connection.CreateAppender("analysis_flags"))
        {
            foreach (var f in result.Flags)
            {
                flags.CreateRow().AppendValue(mall).AppendValue(result.Period.First).AppendValue(f.Score.Frame.Metrics.TenantId)
                    .AppendValue(f.Code).AppendValue(f.Priority.ToString().ToLowerInvariant()).EndRow();
            }
        }

        // The metrics as the `metrics` export prints them (its columns, in its order; the row's own mall is `mall`), for SQL readers.
        AppendRows(connection, "analysis_metrics", mall, result.Period, result.TenantMetrics.Select(m => m.Values()));
        AppendRows(connection, "analysis_mall_metrics", mall, result.Period, result.MallMetrics.Select(m => new object?[]
            { m.MallId, m.GlaSqm, m.OccupancyRate, m.MallSales, m.MallDensity, m.CollectionRate, m.Footfall, m.Conversion, m.Tenants }));
        tx.Commit();
    }

    private static void AppendRows(DuckDBConnection connection, string table, string mall, Month period, IEnumerable<object?[]> rows)
    {
        using var appender = connection.CreateAppender(table);
        foreach (var values in rows)
        {
            var row = appender.CreateRow().AppendValue(mall).AppendValue(period.First);
            foreach (var value in values)
            {
                row = value switch
                {
                    null => row.AppendNullValue(),
                    string t => row.AppendValue(t),
                    decimal m => row.AppendValue(m),
                    double d => row.AppendValue(d),
                    long l => row.AppendValue(l),
                    int i => row.AppendValue(i),
                    _ => throw new NotSupportedException($"A metric of type {value.GetType().Name} cannot be stored."),
                };
            }

            row.EndRow();
        }
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        IncludeFields = true, // the (name, value) tuples of the model reports
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new FiguresConverter() },
    };

    /// <summary>The stored shape: flags point at their tenant's score by position, so the score is written once.</summary>
    private sealed record Stored(
        IReadOnlyList<TenantScore> Scores, IReadOnlyList<StoredFlag> Flags, ModelReport ExpectedModel, ModelReport RiskModel,
        DataAvailability Availability, StoredTrackRecord? TrackRecord, IReadOnlyList<MallMetricsRow> MallMetrics);

    private sealed record StoredFlag(
        int Score, string Code, Priority Priority, double RankValue, IReadOnlyList<Reason> Reasons, double? Opportunity, double? RentAtRisk,
        IReadOnlyList<Condition> Conditions);

    /// <summary>
    /// A reason's figures keep their type (a count renders differently from a ratio, a date from a number), so each
    /// value is written with a one-letter tag.
    /// </summary>
    private sealed class FiguresConverter : JsonConverter<IReadOnlyDictionary<string, object>>
    {
        public override IReadOnlyDictionary<string, object> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var figures = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (name, figure) in JsonSerializer.Deserialize<Dictionary<string, string[]>>(ref reader)!)
            {
                var (tag, text) = (figure[0], figure[1]);
                var c = CultureInfo.InvariantCulture;
                figures[name] = tag switch
                {
                    "d" => double.Parse(text, c),
                    "i" => int.Parse(text, c),
                    "l" => long.Parse(text, c),
                    "m" => decimal.Parse(text, c),
                    "t" => DateOnly.ParseExact(text, "yyyy-MM-dd", c),
                    "s" => text,
                    _ => throw new JsonException($"Unknown figure type '{tag}'."),
                };
            }

            return figures;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object> value, JsonSerializerOptions options)
        {
            var c = CultureInfo.InvariantCulture;
            writer.WriteStartObject();
            foreach (var (name, figure) in value)
            {
                string[] tagged = figure switch
                {
                    double d => ["d", d.ToString("R", c)],
                    int i => ["i", i.ToString(c)],
                    long l => ["l", l.ToString(c)],
                    decimal m => ["m", m.ToString(c)],
                    DateOnly t => ["t", t.ToString("yyyy-MM-dd", c)],
                    string s => ["s", s],
                    _ => throw new NotSupportedException($"A reason figure of type {figure.GetType().Name} cannot be stored."),
                };
                writer.WritePropertyName(name);
                JsonSerializer.Serialize(writer, tagged);
            }

            writer.WriteEndObject();
        }
    }
}
