using System.Globalization;
using Analytics.Model.Analysis;
using Analytics.Model.Metrics;
using DuckDB.NET.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;

namespace Analytics.Model.Learning;

/// <summary>
/// P(the tenant leaves before its lease ends, or a bill of it reaches 60 days unpaid, within the next 6 months).
/// Trained on the history's own exits and arrears episodes with a time-based split: the model is validated on
/// the latest months whose outcome is known, trained only on months whose 6-month outcome window closes before
/// those begin. With too few cases, or a validation AUC below the floor, it says so and is not used.
/// </summary>
internal static class RiskModel
{
    public static readonly string[] Features =
    [
        "DensityRatio", "RelYoy", "RelMomentum", "OcrOverBand", "ArrearsDays", "LateShare",
        "ComplaintRate", "Violations", "MonthsOpen", "MonthsToExpiry",
    ];

    public sealed record Result(ModelReport Report, IReadOnlyDictionary<string, double> Risk, ITransformer? Model, DataViewSchema? Schema);

    private const string Name = "risk (FastTree binary: early exit or 60+ days arrears within 6 months)";

    public static Result Run(DuckDBConnection connection, Month period, AnalysisSettings settings, DataAvailability availability)
    {
        var s = settings.Models;
        var p = period.First;
        var lastLabelled = p.AddMonths(-s.RiskHorizonMonths);
        var firstValidation = lastLabelled.AddMonths(-(s.RiskValidationMonths - 1));
        var lastTraining = firstValidation.AddMonths(-s.RiskHorizonMonths);
        var dataFrom = p.AddMonths(-(settings.HistoryMonths - 1));

        var total = ExpectedPerformance.Scalar(connection, "SELECT count(*) FROM an_f WHERE period <= CAST($last_labelled AS DATE)", ("last_labelled", lastLabelled));
        var keep = total <= s.MaxTrainingRows ? 1_000_000L : (long)(1_000_000.0 * s.MaxTrainingRows / total);
        var labelled = Read(connection, settings, """
            WITH exits AS (
                SELECT mall_id, tenant_id, exit_date FROM tenants WHERE exit_date IS NOT NULL AND exit_date < lease_end
            ),
            episodes AS (
                SELECT mall_id, tenant_id, (due_date + CAST($episode_days AS INTEGER)) AS day FROM rent
                WHERE amount_due > 0 AND (paid_date IS NULL OR paid_date > due_date + CAST($episode_days AS INTEGER) OR amount_paid < amount_due)
            )
            SELECT f.*,
                   (EXISTS (SELECT 1 FROM exits e WHERE e.mall_id = f.mall_id AND e.tenant_id = f.tenant_id
                              AND e.exit_date > f.d AND e.exit_date <= (f.d + to_months(CAST($horizon AS INTEGER)))::DATE)
                    OR EXISTS (SELECT 1 FROM episodes x WHERE x.mall_id = f.mall_id AND x.tenant_id = f.tenant_id
                              AND x.day > f.d AND x.day <= (f.d + to_months(CAST($horizon AS INTEGER)))::DATE)) AS label
            FROM an_f f
            WHERE f.period <= CAST($last_labelled AS DATE)
              AND hash(f.mall_id || '|' || f.tenant_id || '|' || f.period::VARCHAR) % 1000000 < CAST($keep AS BIGINT)
            ORDER BY f.mall_id, f.tenant_id, f.period
            """, ("episode_days", s.ArrearsEpisodeDays), ("horizon", s.RiskHorizonMonths), ("last_labelled", lastLabelled), ("keep", keep));
        var current = Read(connection, settings, "SELECT f.*, false AS label FROM an_f f WHERE f.period = CAST($p AS DATE) ORDER BY f.mall_id, f.tenant_id", ("p", p));

        var train = labelled.Where(r => r.Period <= lastTraining).ToList();
        var valid = labelled.Where(r => r.Period >= firstValidation).ToList();
        var choice = FeatureSelection.Choose(Features, train.Select(r => r.Input.Vector()).ToList(), Unavailable(availability));
        var used = choice.Used.ToArray();
        var usedIndexes = choice.UsedIndexes(Features);
        var trainPos = train.Count(r => r.Input.Label);
        var validPos = valid.Count(r => r.Input.Label);
        var report = new ModelReport
        {
            Name = Name,
            Available = false,
            DataFrom = dataFrom,
            DataTo = lastLabelled,
            TrainingRows = train.Count,
            ValidationRows = valid.Count,
            Positives = trainPos,
            ValidationPositives = validPos,
            Validation = $"time-based: trained on months up to {lastTraining:yyyy-MM}, validated on {firstValidation:yyyy-MM} to {lastLabelled:yyyy-MM} (outcome windows do not overlap)",
            DroppedFeatures = choice.Dropped,
        };

        if (trainPos < s.RiskMinPositives || validPos < s.RiskMinValidationPositives || train.Count - trainPos < s.RiskMinPositives || valid.Count - validPos < s.RiskMinValidationPositives)
        {
            return new Result(report with
            {
                UnavailableReason = $"history holds too few cases ({trainPos} early exits or 60-day arrears episodes to train on, {validPos} to validate; at least {s.RiskMinPositives} and {s.RiskMinValidationPositives} are needed): watch flags fall back to rules",
            }, new Dictionary<string, double>(), null, null);
        }

        // FastTree skips every training row with an unknown feature (YoY needs a year of history, OCR needs rent):
        // early in a mall's history the complete rows may hold one outcome only, or none.
        var complete = train.Where(r => r.Input.Vector() is var v && usedIndexes.All(i => float.IsFinite(v[i]))).ToList();
        if (used.Length == 0 || !complete.Any(r => r.Input.Label) || complete.All(r => r.Input.Label))
        {
            return new Result(report with
            {
                UnavailableReason = $"of {train.Count} tenant-months to train on, {complete.Count} have every feature known and they do not hold both outcomes: watch flags fall back to rules",
            }, new Dictionary<string, double>(), null, null);
        }

        var ml = new MLContext(s.Seed);
        (ITransformer Model, ITransformer Featurizer, BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> Predictor, DataViewSchema Schema) fitted;
        try
        {
            fitted = Fit(ml, train, s, used);
        }
        catch (InvalidOperationException ex)
        {
            // A degenerate history ML.NET refuses to learn from is not a failure of the month's analysis.
            return new Result(report with { UnavailableReason = $"the model could not be trained ({ex.Message}): watch flags fall back to rules" },
                new Dictionary<string, double>(), null, null);
        }

        var (model, featurizer, predictor, schema) = fitted;
        var validView = featurizer.Transform(ml.Data.LoadFromEnumerable(valid.Select(r => r.Input)));
        var metrics = ml.BinaryClassification.Evaluate(predictor.Transform(validView), "Label");
        var pfi = ml.BinaryClassification.PermutationFeatureImportance(predictor, validView, "Label", permutationCount: 1);
        var importance = used.Select((f, i) => (f, -pfi[i].AreaUnderRocCurve.Mean))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.f, StringComparer.Ordinal).Take(5).ToList();
        var baseRate = (double)(trainPos + validPos) / Math.Max(1, train.Count + valid.Count);
        report = report with
        {
            Metrics = new Dictionary<string, double>
            {
                ["auc"] = metrics.AreaUnderRocCurve,
                ["auc_precision_recall"] = metrics.AreaUnderPrecisionRecallCurve,
                ["base_rate"] = baseRate,
            },
            TopFeatures = importance,
            Fingerprint = ModelReport.FingerprintOf(labelled.Select(r => r.Input.Vector()), $"risk|{s.Seed}|{s.Trees}|{s.Leaves}|{s.MinRowsPerLeaf}|{lastTraining:yyyy-MM}"),
        };

        if (metrics.AreaUnderRocCurve < s.RiskMinAuc)
        {
            return new Result(report with
            {
                UnavailableReason = $"validation AUC {metrics.AreaUnderRocCurve.ToString("0.00", CultureInfo.InvariantCulture)} is below {s.RiskMinAuc.ToString("0.00", CultureInfo.InvariantCulture)}: watch flags fall back to rules",
            }, new Dictionary<string, double>(), null, null);
        }

        // The procedure is validated; the model used for the month is refitted on every labelled month.
        var (final, _, _, finalSchema) = Fit(ml, labelled, s, used);
        var risk = new Dictionary<string, double>(StringComparer.Ordinal);
        if (current.Count > 0)
        {
            var probabilities = final.Transform(ml.Data.LoadFromEnumerable(current.Select(r => r.Input))).GetColumn<float>("Probability").ToArray();
            for (var i = 0; i < current.Count; i++)
            {
                risk[current[i].Key] = probabilities[i];
            }
        }

        return new Result(report with { Available = true }, risk, final, finalSchema);
    }

    private static (ITransformer Model, ITransformer Featurizer, BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> Predictor, DataViewSchema Schema)
        Fit(MLContext ml, IReadOnlyList<Row> rows, ModelSettings s, string[] features)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => r.Input));
        var featurizer = ml.Transforms.Concatenate("Features", features).Fit(data);
        var predictor = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options().FromSettings(s))
            .Fit(featurizer.Transform(data));
        return (featurizer.Append(predictor), featurizer, predictor, data.Schema);
    }

    /// <summary>Features whose input the drop never gave: a constant 0 (no bills, no findings) would pass for a good record.</summary>
    private static Dictionary<string, string> Unavailable(DataAvailability a)
    {
        var unavailable = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!a.Rent)
        {
            unavailable["OcrOverBand"] = unavailable["ArrearsDays"] = unavailable["LateShare"] = "rent";
        }

        if (!a.Complaints || !a.Transactions)
        {
            unavailable["ComplaintRate"] = a.Complaints ? "transactions" : "complaints";
        }

        if (!a.Inspections)
        {
            unavailable["Violations"] = "inspections";
        }

        return unavailable;
    }

    private sealed record Row(string Key, DateOnly Period, RiskInput Input);

    private static List<Row> Read(DuckDBConnection connection, AnalysisSettings settings, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = ExpectedPerformance.Command(connection, sql, parameters);
        using var r = cmd.ExecuteReader();
        var rows = new List<Row>();
        while (r.Read())
        {
            var band = settings.BandOf(r.Text("category"));
            rows.Add(new Row(r.Text("mall_id") + "\u001f" + r.Text("tenant_id"), r.Date("period"), new RiskInput
            {
                DensityRatio = F(r.Real("density_ratio_3m")),
                RelYoy = F(r.Real("rel_yoy")),
                RelMomentum = F(r.Real("rel_momentum")),
                OcrOverBand = F(r.Real("ocr_ttm") / band.High),
                ArrearsDays = r.Count("arrears_days"),
                LateShare = F(r.Real("late_share_12m")),
                ComplaintRate = F(r.Real("complaint_rate_3m")),
                Violations = r.Count("violations_3m"),
                MonthsOpen = r.Count("months_open"),
                MonthsToExpiry = r.Count("months_to_expiry"),
                Label = r.GetBoolean(r.GetOrdinal("label")),
            }));
        }

        return rows;
    }

    private static float F(double? v) => v is { } d ? (float)d : float.NaN;
}

/// <summary>One tenant-month as the risk model sees it; NaN is "unknown" (FastTree routes it down its own branch).</summary>
public sealed class RiskInput
{
    public float DensityRatio { get; set; }
    public float RelYoy { get; set; }
    public float RelMomentum { get; set; }
    public float OcrOverBand { get; set; }
    public float ArrearsDays { get; set; }
    public float LateShare { get; set; }
    public float ComplaintRate { get; set; }
    public float Violations { get; set; }
    public float MonthsOpen { get; set; }
    public float MonthsToExpiry { get; set; }
    public bool Label { get; set; }

    internal float[] Vector() =>
        [DensityRatio, RelYoy, RelMomentum, OcrOverBand, ArrearsDays, LateShare, ComplaintRate, Violations, MonthsOpen, MonthsToExpiry, Label ? 1 : 0];
}
