using System.Globalization;
using System.Text;
using Analytics.Model.Export;
using Analytics.Model.Flags;
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
    public static AnalysisResult Run(DuckDBConnection connection, string? mallId, DateOnly period, AnalysisSettings settings, string? modelFolder = null)
    {
        period = Month.First(period);
        AnalysisFrame.Build(connection, mallId, period, settings);
        var frames = AnalysisFrame.Current(connection, period);
        var expected = ExpectedPerformance.Run(connection, period, settings, frames);
        var risk = RiskModel.Run(connection, period, settings);
        var scores = TenantScorer.Score(frames, expected.Expected3m, risk.Risk, settings);
        var baseRate = risk.Report.Metrics.TryGetValue("base_rate", out var b) ? b : 0;
        var flags = FlagRules.Evaluate(scores, settings, risk.Report.Available, baseRate);
        var result = new AnalysisResult(period, mallId, settings, scores, flags, expected.Report, risk.Report);
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
        for (var k = 0; k < expected.FoldModels.Count; k++)
        {
            ml.Model.Save(expected.FoldModels[k], expected.Schema, Path.Combine(folder, $"expected-fold{k}.zip"));
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
    DateOnly Period, string? MallId, AnalysisSettings Settings, IReadOnlyList<TenantScore> Scores, IReadOnlyList<TenantFlag> Flags,
    ModelReport ExpectedModel, ModelReport RiskModel)
{
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
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Model card — analysis of {Month.Format(Period)}{(MallId is null ? "" : " for mall " + MallId)}");
        sb.AppendLine();
        sb.AppendLine("Seeded (same data, same settings: same models and same outputs). Written by the analysis on every run.");
        sb.AppendLine();
        sb.AppendLine(ExpectedModel.ToMarkdown());
        sb.AppendLine(RiskModel.ToMarkdown());
        return sb.ToString();
    }
}
