using System.Globalization;
using System.Text;
using Analytics.Model.Export;
using Analytics.Model.Flags;
using Analytics.Model.Frame;
using Analytics.Model.Learning;
using Analytics.Model.Metrics;
using Analytics.Model.Scoring;
using DuckDB.NET.Data;
using Microsoft.ML;

namespace Analytics.Model.Analysis;

/// <summary>
/// The month's analysis in one call: metrics and peers (SQL), expected performance and risk (Microsoft.ML),
/// scores and flags. Reports, the API and the CLI all go through here.
/// </summary>
public static class TenantAnalysis
{
    /// <param name="modelFolder">Where the trained models and the model card are written; null: not saved.</param>
    public static AnalysisResult Run(DuckDBConnection connection, string? mallId, Month period, AnalysisSettings settings, string? modelFolder = null)
    {
        var timings = new Timings();
        var availability = timings.Measure("data availability", () => DataAvailability.Of(connection, mallId, period));
        AnalysisFrame.Build(connection, mallId, period, settings, timings);
        var frames = timings.Measure("read frame", () => AnalysisFrame.Current(connection, period));
        var mallMetrics = AnalysisFrame.MallMonth(connection, period);
        var expected = timings.Measure("expected model", () => ExpectedPerformance.Run(connection, period, settings, frames, availability));
        var risk = timings.Measure("risk model", () => RiskModel.Run(connection, period, settings, availability));
        var scores = timings.Measure("scores", () => TenantScorer.Score(frames, expected.Expected3m, risk.Risk, settings, availability));
        var baseRate = risk.Report.Metrics.TryGetValue("base_rate", out var b) ? b : 0;
        var flags = timings.Measure("flags", () => FlagRules.Evaluate(scores, settings, risk.Report.Available, baseRate));
        var result = new AnalysisResult(period, mallId, settings, scores, flags, expected.Report, risk.Report)
        {
            Timings = timings.Steps,
            Availability = availability,
            TrackRecord = Backtest.TrackRecordStore.Load(connection, mallId),
            MallMetrics = mallMetrics,
        };
        if (modelFolder is not null)
        {
            Save(modelFolder, result, expected, risk, settings);
        }

        return result;
    }

    private static void Save(string folder, AnalysisResult result, ExpectedPerformance.Result expected, RiskModel.Result risk, AnalysisSettings settings)
    {
        Directory.CreateDirectory(folder);
        var ml = new MLContext(settings.Models.Seed);
        for (var k = 0; k < expected.FoldFactors.Count; k++)
        {
            File.WriteAllText(Path.Combine(folder, $"expected-fold{k}.json"), expected.FoldFactors[k], new UTF8Encoding(false));
        }

        if (risk.Model is not null)
        {
            ml.Model.Save(risk.Model, risk.Schema, Path.Combine(folder, "risk.zip"));
        }

        File.WriteAllText(Path.Combine(folder, "model-card.md"), result.ModelCard(), new UTF8Encoding(false));
    }
}

/// <summary>Everything the month's analysis produced.</summary>
public sealed record AnalysisResult(
    Month Period, string? MallId, AnalysisSettings Settings, IReadOnlyList<TenantScore> Scores, IReadOnlyList<TenantFlag> Flags,
    ModelReport ExpectedModel, ModelReport RiskModel)
{
    /// <summary>Which optional inputs the drops gave this month's analysis (the model card and the briefs name what was missing).</summary>
    public DataAvailability Availability { get; init; } = new();
    /// <summary>Each flag's track record from the latest backtest kept in the warehouse (null: none run yet).</summary>
    public Backtest.StoredTrackRecord? TrackRecord { get; init; }

    /// <summary>The month's metrics of each mall analysed (metrics.md), in mall order.</summary>
    public IReadOnlyList<MallMetricsRow> MallMetrics { get; init; } = [];

    /// <summary>The month's metrics of each tenant with a lease in force on its last day (metrics.md), in mall and tenant order.</summary>
    public IEnumerable<TenantMetricsRow> TenantMetrics => Scores.Select(s => s.Frame.Metrics);

    /// <summary>Seconds per step of the run (for benchmarks; not part of any export).</summary>
    public IReadOnlyList<(string Step, double Seconds, double CpuSeconds)> Timings { get; init; } = [];

    public ExportTable ScoreTable()
    {
        var table = new ExportTable(TenantScore.Columns);
        foreach (var s in Scores)
        {
            table.Add(s.Values());
        }

        return table;
    }

    public ExportTable FlagTable()
    {
        var table = new ExportTable(TenantFlag.Columns);
        foreach (var f in Flags)
        {
            table.Add(f.Values(Settings));
        }

        return table;
    }

    public string ModelCard()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Model card — analysis of {Period}{(MallId is null ? "" : " for mall " + MallId)}");
        sb.AppendLine();
        sb.AppendLine("Seeded (same data, same settings: same models and same outputs). Written by the analysis on every run.");
        sb.AppendLine();
        sb.AppendLine(Availability.ToMarkdown(Settings.MinPeers));
        sb.AppendLine(ExpectedModel.ToMarkdown());
        sb.AppendLine(RiskModel.ToMarkdown());
        sb.AppendLine(TrackRecord?.ToMarkdown() ?? "## Track record\n\nNo backtest has been run on this warehouse yet (`analytics backtest --from YYYY-MM --to YYYY-MM`).\n");
        return sb.ToString();
    }
}

/// <summary>Wall-clock time of each step of a run, in order.</summary>
internal sealed class Timings
{
    private readonly List<(string, double, double)> _steps = [];

    /// <summary>Wall seconds and CPU seconds (all threads of the process) per step.</summary>
    public IReadOnlyList<(string Step, double Seconds, double CpuSeconds)> Steps => _steps;

    public T Measure<T>(string step, Func<T> work)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var result = work();
        process.Refresh();
        _steps.Add((step, sw.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds));
        return result;
    }

    public void Measure(string step, Action work) => Measure<object?>(step, () =>
    {
        work();
        return null;
    });
}
