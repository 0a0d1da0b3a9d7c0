using System.Globalization;
using System.Text;
using Analytics.Model.Analysis;
using Analytics.Model.Frame;
using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Model.Learning;

/// <summary>
/// What a unit should achieve in a month, as a leasing manager would reason it: the category's median sales
/// density that month in the mall (which carries the season and the category's mall-wide trend), times how
/// units like this one sell against it: the category on this floor, the zone, the unit's size against the
/// category's usual size, and how long the tenant has traded. Each factor is a median ratio learned from other
/// tenants and pulled toward 1 (the category median) by its peer count, so a group of two shops moves the
/// expectation little and a group of twenty moves it fully (shrinkage).
/// Validated out of fold by tenant: no tenant is ever predicted from its own sales. The estimate is used only
/// when its error is at least <see cref="ModelSettings.ExpectedMinGain"/> below the category median's on the same
/// validation rows; otherwise the category median is the expectation, and the model card says so either way.
/// </summary>
internal static class ExpectedPerformance
{
    public const string Name = "expected performance (category-month median x shrunk unit factors)";

    /// <summary>The unit factors in the order they are fitted (each on what the earlier ones left unexplained).</summary>
    public static readonly string[] Features = ["floor", "zone", "size_band", "tenure"];

    public sealed record Result(ModelReport Report, IReadOnlyDictionary<string, double> Expected3m, IReadOnlyList<string> FoldFactors);

    public static Result Run(
        DuckDBConnection connection, Month period, AnalysisSettings settings, IReadOnlyCollection<TenantFrame> current, DataAvailability availability)
    {
        var s = settings.Models;
        var total = Scalar(connection, "SELECT count(*) FROM an_f WHERE sales_density IS NOT NULL AND net_sales > 0 AND area_sqm > 0");
        var keep = total <= s.MaxTrainingRows ? 1_000_000L : (long)(1_000_000.0 * s.MaxTrainingRows / total);
        var training = Read(connection, """
            SELECT mall_id, tenant_id, period, category, floor, zone, area_sqm, months_open, sales_density FROM an_f
            WHERE sales_density IS NOT NULL AND net_sales > 0 AND area_sqm > 0
              AND hash(mall_id || '|' || tenant_id || '|' || period::VARCHAR) % 1000000 < CAST($keep AS BIGINT)
            ORDER BY mall_id, tenant_id, period
            """, ("keep", keep));
        var currentKeys = current.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var targets = Read(connection, """
            SELECT mall_id, tenant_id, period, category, floor, zone, area_sqm, months_open, sales_density FROM an_f
            WHERE period >= CAST($from AS DATE) AND period <= CAST($p AS DATE) AND area_sqm > 0
            ORDER BY mall_id, tenant_id, period
            """, ("from", period.AddMonths(-2).First), ("p", period.First))
            .Where(t => currentKeys.Contains(t.Key)).ToList();

        var window = (From: period.AddMonths(-(settings.HistoryMonths - 1)).First, To: period.First);
        var tenants = training.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count();
        // A unit attribute the drop never gave, or that no row carries, cannot inform anything: it is left out and
        // named on the card rather than learned as one big "unknown" group.
        var dropped = new List<(string Feature, string Reason)>();
        foreach (var (feature, given, input) in new[] { ("floor", availability.Floor, "floor"), ("zone", availability.Zone, "zone") })
        {
            if (!given)
            {
                dropped.Add((feature, $"input not available: {input}"));
            }
            else if (training.All(t => (feature == "floor" ? t.Floor : t.Zone) is null))
            {
                dropped.Add((feature, "unknown in every training row"));
            }
        }

        var used = Features.Except(dropped.Select(d => d.Feature)).ToArray();
        if (training.Count < s.MinExpectedTrainingRows || tenants < s.Folds * 3)
        {
            return new Result(new ModelReport
            {
                Name = Name,
                Available = false,
                UnavailableReason = $"history holds {training.Count} tenant-months of {tenants} tenants; at least {s.MinExpectedTrainingRows} are needed: no expectation is shown",
                DataFrom = window.From, DataTo = window.To, TrainingRows = training.Count,
                DroppedFeatures = dropped,
            }, new Dictionary<string, double>(), []);
        }

        var modelAbs = new List<double>();
        var baseAbs = new List<double>();
        var byModel = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var byBaseline = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var foldFactors = new List<string>();
        for (var k = 0; k < s.Folds; k++)
        {
            var fit = Estimator.Fit(training.Where(t => Fold(t.Key, s.Folds) != k).ToList(), used, s.ExpectedShrinkage);
            foldFactors.Add(fit.Describe());
            foreach (var held in training.Where(t => Fold(t.Key, s.Folds) == k))
            {
                if (fit.Baseline(held) is { } b && fit.Predict(held) is { } p)
                {
                    modelAbs.Add(Math.Abs(p - held.Density));
                    baseAbs.Add(Math.Abs(b - held.Density));
                }
            }

            // A tenant whose category the other folds never saw (a lone supermarket) gets no expectation rather
            // than one borrowed from unrelated trades.
            foreach (var t in targets.Where(t => Fold(t.Key, s.Folds) == k))
            {
                if (fit.Baseline(t) is { } b && fit.Predict(t) is { } p)
                {
                    Add(byModel, t.Key, p);
                    Add(byBaseline, t.Key, b);
                }
            }
        }

        var mae = modelAbs.Count > 0 ? modelAbs.Average() : double.NaN;
        var baseline = baseAbs.Count > 0 ? baseAbs.Average() : double.NaN;
        var earns = modelAbs.Count > 0 && mae <= (1 - s.ExpectedMinGain) * baseline;
        var c = CultureInfo.InvariantCulture;
        var report = new ModelReport
        {
            Name = Name,
            Available = earns,
            UnavailableReason = earns
                ? null
                : $"its validation MAE {mae.ToString("0", c)} is not at least {s.ExpectedMinGain.ToString("0%", c)} below the category median's {baseline.ToString("0", c)}: the category's median for the month is the expectation",
            DataFrom = window.From,
            DataTo = window.To,
            TrainingRows = training.Count,
            ValidationRows = modelAbs.Count,
            Validation = $"{s.Folds}-fold split by tenant (out-of-fold: no tenant is predicted from its own sales); shrinkage {s.ExpectedShrinkage.ToString("0.#", c)} peer tenants; factors used: {string.Join(", ", used)}",
            DroppedFeatures = dropped,
            Metrics = new Dictionary<string, double>
            {
                ["mae_density"] = mae,
                ["mae_density_category_median_baseline"] = baseline,
                ["mean_density"] = training.Average(t => t.Density),
            },
            Fingerprint = ModelReport.FingerprintOf(training.Select(t => new[] { (float)t.Density, (float)t.Area, t.MonthsOpen, t.Period.DayNumber }),
                $"expected|{s.Folds}|{s.ExpectedShrinkage.ToString(c)}|{string.Join(",", used)}"),
        };
        var chosen = earns ? byModel : byBaseline;
        var expected = chosen.ToDictionary(kv => kv.Key, kv => kv.Value.Average(), StringComparer.Ordinal);
        return new Result(report, expected, foldFactors);
    }

    private static void Add(Dictionary<string, List<double>> map, string key, double value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(Math.Max(0, value));
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

    internal static long Scalar(DuckDBConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(connection, sql, parameters);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    internal sealed record Row(string Key, string Mall, DateOnly Period, string Category, string? Floor, string? Zone, double Area, float MonthsOpen, double Density);

    /// <summary>A command with its values as parameters (nothing is pasted into the SQL text).</summary>
    internal static DuckDBCommand Command(DuckDBConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.Add(new DuckDBParameter(name, value));
        }

        return cmd;
    }

    private static List<Row> Read(DuckDBConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(connection, sql, parameters);
        using var r = cmd.ExecuteReader();
        var rows = new List<Row>();
        while (r.Read())
        {
            var mall = r.Text("mall_id");
            rows.Add(new Row(mall + "\u001f" + r.Text("tenant_id"), mall, r.Date("period"), r.Text("category"), r.TextOrNull("floor"), r.TextOrNull("zone"),
                r.Real("area_sqm") ?? 0, r.Count("months_open"), r.Real("sales_density") ?? 0));
        }

        return rows;
    }

    /// <summary>The fitted levels and factors of one fold.</summary>
    private sealed class Estimator
    {
        private readonly Dictionary<string, double> _categoryMonth = new(StringComparer.Ordinal);
        private readonly Dictionary<string, double> _category = new(StringComparer.Ordinal);
        private readonly Dictionary<string, double> _typicalArea = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, double>> _factors = new(StringComparer.Ordinal);
        private readonly string[] _features = [];

        private Estimator(string[] features) => _features = features;

        /// <summary>The category's median density in the mall that month (other tenants only: these are training rows).</summary>
        public double? Baseline(Row r) =>
            _categoryMonth.TryGetValue(r.Mall + "|" + r.Category + "|" + r.Period.DayNumber, out var m) ? m
            : _category.TryGetValue(r.Mall + "|" + r.Category, out var c) ? c : null;

        public double? Predict(Row r)
        {
            if (Baseline(r) is not { } level)
            {
                return null;
            }

            foreach (var f in _features)
            {
                level *= _factors[f].GetValueOrDefault(GroupOf(f, r), 1.0);
            }

            return level;
        }

        private string GroupOf(string feature, Row r) => feature switch
        {
            "floor" => r.Mall + "|" + r.Category + "|" + (r.Floor ?? ""),
            "zone" => r.Mall + "|" + (r.Zone ?? ""),
            "size_band" => r.Category + "|" + SizeBand(r),
            _ => r.MonthsOpen < 6 ? "0-5" : r.MonthsOpen < 12 ? "6-11" : r.MonthsOpen < 36 ? "12-35" : "36+",
        };

        /// <summary>The unit's area against the category's median unit: small (under 0.7x), usual, large (over 1.4x).</summary>
        private string SizeBand(Row r)
        {
            var typical = _typicalArea.GetValueOrDefault(r.Category, r.Area);
            var x = typical > 0 ? r.Area / typical : 1;
            return x < 0.7 ? "small" : x > 1.4 ? "large" : "usual";
        }

        public static Estimator Fit(List<Row> rows, string[] features, double shrinkage)
        {
            var e = new Estimator(features);
            foreach (var g in rows.GroupBy(r => r.Mall + "|" + r.Category + "|" + r.Period.DayNumber, StringComparer.Ordinal))
            {
                e._categoryMonth[g.Key] = Median.Of(g.Select(r => r.Density).ToList());
            }

            foreach (var g in rows.GroupBy(r => r.Mall + "|" + r.Category, StringComparer.Ordinal))
            {
                e._category[g.Key] = Median.Of(g.Select(r => r.Density).ToList());
            }

            foreach (var g in rows.GroupBy(r => r.Category, StringComparer.Ordinal))
            {
                e._typicalArea[g.Key] = Median.Of(g.GroupBy(r => r.Key).Select(t => t.First().Area).ToList());
            }

            // Backfitting in one pass: each factor is the shrunk median of what is left after the level and the
            // factors before it. Shrinkage on the log scale: n tenants against k pseudo-tenants at factor 1.
            var residual = rows.Select(r => r.Density / Math.Max(1e-9, e.Baseline(r) ?? 1)).ToArray();
            foreach (var f in features)
            {
                var table = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var g in rows.Select((r, i) => (r, i)).GroupBy(x => e.GroupOf(f, x.r), StringComparer.Ordinal))
                {
                    var n = g.Select(x => x.r.Key).Distinct(StringComparer.Ordinal).Count();
                    var median = Median.Of(g.Select(x => residual[x.i]).ToList());
                    table[g.Key] = median > 0 ? Math.Exp(n / (n + shrinkage) * Math.Log(median)) : 1.0;
                }

                e._factors[f] = table;
                for (var i = 0; i < rows.Count; i++)
                {
                    residual[i] /= table[e.GroupOf(f, rows[i])];
                }
            }

            return e;
        }

        /// <summary>The fold's factors as JSON (sorted keys): what the model card's figures rest on.</summary>
        public string Describe()
        {
            var c = CultureInfo.InvariantCulture;
            var sb = new StringBuilder("{");
            var first = true;
            foreach (var f in _features)
            {
                sb.Append(first ? "" : ",").Append('"').Append(f).Append("\":{");
                first = false;
                sb.Append(string.Join(",", _factors[f].OrderBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => "\"" + kv.Key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\":" + kv.Value.ToString("0.####", c))));
                sb.Append('}');
            }

            return sb.Append('}').ToString();
        }
    }
}
