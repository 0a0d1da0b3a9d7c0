using System.Globalization;
using Analytics.Model.Analysis;
using Analytics.Model.Metrics;
using DuckDB.NET.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Analytics.Model.Learning;

/// <summary>
/// What a unit should achieve: a FastTree regression of monthly sales density on the unit (mall, floor, zone,
/// area), the trade category, the season (month of year) and the tenant's tenure, trained on the warehouse
/// history. To keep a tenant's own sales out of its own expectation the tenants are split into folds and each
/// tenant is predicted by the model trained on the other folds (out-of-fold); the same split gives an honest MAE.
/// </summary>
internal static class ExpectedPerformance
{
    public static readonly string[] Features = ["Mall", "FloorLevel", "Zone", "Area", "Category", "MonthOfYear", "MonthsOpen"];

    public sealed record Result(ModelReport Report, IReadOnlyDictionary<string, double> Expected3m, IReadOnlyList<ITransformer> FoldModels, DataViewSchema? Schema);

    private const string Name = "expected performance (FastTree regression of sales density)";

    public static Result Run(DuckDBConnection connection, DateOnly period, AnalysisSettings settings, IReadOnlyCollection<TenantFrame> current, DataAvailability availability)
    {
        var s = settings.Models;
        var codes = Codes.Load(connection);
        var total = Scalar(connection, "SELECT count(*) FROM an_f WHERE sales_density IS NOT NULL AND net_sales > 0 AND area_sqm > 0");
        var keep = total <= s.MaxTrainingRows ? 1_000_000L : (long)(1_000_000.0 * s.MaxTrainingRows / total);
        var training = Read(connection, codes, $"""
            SELECT * FROM an_f
            WHERE sales_density IS NOT NULL AND net_sales > 0 AND area_sqm > 0
              AND hash(mall_id || '|' || tenant_id || '|' || period::VARCHAR) % 1000000 < {keep}
            ORDER BY mall_id, tenant_id, period
            """);
        var currentKeys = current.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var targets = Read(connection, codes, string.Format(CultureInfo.InvariantCulture, """
            SELECT * FROM an_f WHERE period >= DATE '{0:yyyy-MM-dd}' AND period <= DATE '{1:yyyy-MM-dd}' AND area_sqm > 0
            ORDER BY mall_id, tenant_id, period
            """, Month.First(period).AddMonths(-2), Month.First(period)))
            .Where(t => currentKeys.Contains(t.Key)).ToList();

        var window = (Month.First(period).AddMonths(-(settings.HistoryMonths - 1)), Month.First(period));
        var tenants = training.Select(t => t.Key).Distinct().Count();
        // A feature whose input the drop never gave (no floors, no zones) is dropped and named on the card.
        var unavailable = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!availability.Floor)
        {
            unavailable["FloorLevel"] = "floor";
        }

        if (!availability.Zone)
        {
            unavailable["Zone"] = "zone";
        }

        var choice = FeatureSelection.Choose(Features, training.Select(t => t.Input.Vector()).ToList(), unavailable);
        var unusable = new ModelReport
        {
            Name = Name, Available = false, DataFrom = window.Item1, DataTo = window.Item2, TrainingRows = training.Count, DroppedFeatures = choice.Dropped,
        };
        const string fallback = ": the productivity pillar and the replace rule compare with the peer median alone";
        if (training.Count < s.MinExpectedTrainingRows || tenants < s.Folds * 3)
        {
            return new Result(unusable with
            {
                UnavailableReason = $"history holds {training.Count} tenant-months of {tenants} tenants; at least {s.MinExpectedTrainingRows} of {s.Folds * 3} tenants are needed{fallback}",
            }, new Dictionary<string, double>(), [], null);
        }

        try
        {
            return Train(ml: new MLContext(s.Seed), s, training, targets, choice, window);
        }
        catch (InvalidOperationException ex)
        {
            // ML.NET refusing a degenerate history is not a failure of the month's analysis.
            return new Result(unusable with { UnavailableReason = $"the model could not be trained ({ex.Message}){fallback}" }, new Dictionary<string, double>(), [], null);
        }
    }

    private static Result Train(MLContext ml, ModelSettings s, List<Row> training, List<Row> targets, FeatureSelection.Choice choice, (DateOnly, DateOnly) window)
    {
        var used = choice.Used.ToArray();

        var foldModels = new List<ITransformer>();
        var oofAbs = new List<double>();
        var baseAbs = new List<double>();
        var predicted = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        DataViewSchema? schema = null;
        IReadOnlyList<(string, double)> importance = [];
        for (var k = 0; k < s.Folds; k++)
        {
            var train = training.Where(t => Fold(t.Key, s.Folds) != k).ToList();
            var held = training.Where(t => Fold(t.Key, s.Folds) == k).ToList();
            // The model learns each tenant-month's density as a multiple of its category's median in the training
            // folds: the category level is the strong, stable part; the trees spend themselves on unit and season.
            var medians = train.GroupBy(t => t.Input.Category).ToDictionary(g => g.Key, g => Median(g.Select(t => t.Density)));
            var overall = Median(train.Select(t => t.Density));
            double Norm(float category) => Math.Max(1e-6, medians.GetValueOrDefault(category, overall));
            var data = ml.Data.LoadFromEnumerable(train.Select(t => t.Input.WithLabel((float)(t.Density / Norm(t.Input.Category)))));
            schema = data.Schema;
            var featurizer = ml.Transforms.Concatenate("Features", used).Fit(data);
            var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options().FromSettings(s));
            var predictor = trainer.Fit(featurizer.Transform(data));
            foldModels.Add(featurizer.Append(predictor));

            if (held.Count > 0)
            {
                var heldView = featurizer.Transform(ml.Data.LoadFromEnumerable(held.Select(t => t.Input.WithLabel((float)(t.Density / Norm(t.Input.Category))))));
                var scores = predictor.Transform(heldView).GetColumn<float>("Score").ToArray();
                for (var i = 0; i < held.Count; i++)
                {
                    oofAbs.Add(Math.Abs(scores[i] * Norm(held[i].Input.Category) - held[i].Density));
                    baseAbs.Add(Math.Abs(medians.GetValueOrDefault(held[i].Input.Category, overall) - held[i].Density));
                }

                if (k == s.Folds - 1)
                {
                    var pfi = ml.Regression.PermutationFeatureImportance(predictor, heldView, "Label", permutationCount: 1);
                    importance = used.Select((f, i) => (f, pfi[i].MeanAbsoluteError.Mean))
                        .OrderByDescending(x => x.Item2).ThenBy(x => x.f, StringComparer.Ordinal).Take(5).ToList();
                }
            }

            // A tenant whose category the other folds never saw (a lone supermarket) gets no expectation rather
            // than one borrowed from unrelated trades.
            var mine = targets.Where(t => Fold(t.Key, s.Folds) == k && medians.ContainsKey(t.Input.Category)).ToList();
            if (mine.Count > 0)
            {
                var view = ml.Data.LoadFromEnumerable(mine.Select(t => t.Input));
                var scores = predictor.Transform(featurizer.Transform(view)).GetColumn<float>("Score").ToArray();
                for (var i = 0; i < mine.Count; i++)
                {
                    if (!predicted.TryGetValue(mine[i].Key, out var list))
                    {
                        predicted[mine[i].Key] = list = [];
                    }

                    list.Add(Math.Max(0, scores[i] * Norm(mine[i].Input.Category)));
                }
            }
        }

        var mae = oofAbs.Count > 0 ? oofAbs.Average() : double.NaN;
        var baseline = baseAbs.Count > 0 ? baseAbs.Average() : double.NaN;
        var report = new ModelReport
        {
            Name = Name,
            Available = true,
            DroppedFeatures = choice.Dropped,
            DataFrom = window.Item1,
            DataTo = window.Item2,
            TrainingRows = training.Count,
            ValidationRows = oofAbs.Count,
            Validation = $"{s.Folds}-fold split by tenant (out-of-fold: no tenant is predicted by a model that saw it)",
            Metrics = new Dictionary<string, double>
            {
                ["mae_density"] = mae,
                ["mae_density_category_median_baseline"] = baseline,
                ["mean_density"] = training.Average(t => t.Density),
            },
            TopFeatures = importance,
            Fingerprint = ModelReport.FingerprintOf(training.Select(t => t.Input.WithLabel((float)t.Density).Vector()), $"expected|{s.Seed}|{s.Folds}|{s.Trees}|{s.Leaves}|{s.MinRowsPerLeaf}"),
        };
        var expected = predicted.ToDictionary(kv => kv.Key, kv => kv.Value.Average(), StringComparer.Ordinal);
        return new Result(report, expected, foldModels, schema);
    }

    internal static int Fold(string key, int folds)
    {
        // FNV-1a: a stable hash (string.GetHashCode is randomised per process).
        var h = 2166136261u;
        foreach (var ch in key)
        {
            h = (h ^ ch) * 16777619u;
        }

        return (int)(h % (uint)folds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length == 0 ? 0 : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    internal static long Scalar(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private sealed record Row(string Key, ExpectedInput Input, double Density);

    private static List<Row> Read(DuckDBConnection connection, Codes codes, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<Row>();
        while (r.Read())
        {
            var density = r.Real("sales_density") ?? 0;
            var input = new ExpectedInput
            {
                Mall = codes.Mall(r.Text("mall_id")),
                FloorLevel = Codes.FloorLevel(r.TextOrNull("floor")),
                Zone = codes.Zone(r.TextOrNull("zone")),
                Area = (float)(r.Real("area_sqm") ?? 0),
                Category = codes.Category(r.Text("category")),
                MonthOfYear = r.Count("month_of_year"),
                MonthsOpen = r.Count("months_open"),
                Label = 0f,
            };
            rows.Add(new Row(r.Text("mall_id") + "\u001f" + r.Text("tenant_id"), input, density));
        }

        return rows;
    }
}

/// <summary>One tenant-month as the expected-performance model sees it (categorical values as stable codes).</summary>
public sealed class ExpectedInput
{
    public float Mall { get; set; }
    public float FloorLevel { get; set; }
    public float Zone { get; set; }
    public float Area { get; set; }
    public float Category { get; set; }
    public float MonthOfYear { get; set; }
    public float MonthsOpen { get; set; }
    public float Label { get; set; }

    internal float[] Vector() => [Mall, FloorLevel, Zone, Area, Category, MonthOfYear, MonthsOpen, Label];

    internal ExpectedInput WithLabel(float label) => new()
    {
        Mall = Mall, FloorLevel = FloorLevel, Zone = Zone, Area = Area, Category = Category, MonthOfYear = MonthOfYear, MonthsOpen = MonthsOpen, Label = label,
    };
}

/// <summary>
/// Categorical values as numbers a tree can split on: floors by their level (B2 = −2, 1F = 1), other names by
/// their rank in sorted order over the whole warehouse, so the same name gets the same code in every fold and run.
/// </summary>
internal sealed class Codes
{
    private readonly Dictionary<string, float> _malls;
    private readonly Dictionary<string, float> _zones;
    private readonly Dictionary<string, float> _categories;

    private Codes(Dictionary<string, float> malls, Dictionary<string, float> zones, Dictionary<string, float> categories)
    {
        _malls = malls;
        _zones = zones;
        _categories = categories;
    }

    public static Codes Load(DuckDBConnection connection) => new(
        Distinct(connection, "SELECT DISTINCT mall_id FROM an_f"),
        Distinct(connection, "SELECT DISTINCT coalesce(zone, '') FROM an_f"),
        Distinct(connection, "SELECT DISTINCT category FROM an_f"));

    public float Mall(string v) => _malls.GetValueOrDefault(v, -1);
    public float Zone(string? v) => _zones.GetValueOrDefault(v ?? "", -1);
    public float Category(string v) => _categories.GetValueOrDefault(v, -1);

    public static float FloorLevel(string? floor)
    {
        if (string.IsNullOrWhiteSpace(floor))
        {
            return float.NaN;
        }

        var f = floor.Trim().ToUpperInvariant();
        if (f is "G" or "GF" or "L" or "LG")
        {
            return 0;
        }

        var digits = new string(f.Where(char.IsDigit).ToArray());
        if (digits.Length == 0 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return float.NaN;
        }

        return f.StartsWith('B') ? -n : n;
    }

    private static Dictionary<string, float> Distinct(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var values = new List<string>();
        while (r.Read())
        {
            values.Add(r.IsDBNull(0) ? "" : r.GetString(0));
        }

        values.Sort(StringComparer.Ordinal);
        return values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => (float)x.i, StringComparer.Ordinal);
    }
}
