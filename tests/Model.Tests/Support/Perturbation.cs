using System.Reflection;
using Analytics.Model.Analysis;
using Analytics.Model.Frame;
using Analytics.Model.Metrics;
using Analytics.Model.Scoring;

namespace Analytics.Model.Tests.Support;

/// <summary>
/// Copies of a tenant's score with one numeric input moved by -5 % or +5 %: every number of its metrics, of its
/// frame (windows, peer medians) and its expectation and risk. Whole counts are rounded back to whole numbers.
/// </summary>
internal static class Perturbation
{
    public static IEnumerable<(string Input, TenantScore Moved)> EachInput(TenantScore score, double by = 0.05)
    {
        foreach (var factor in new[] { 1 - by, 1 + by })
        {
            foreach (var p in Numeric(typeof(TenantMetricsRow)))
            {
                if (Move(p.GetValue(score.Frame.Metrics), factor) is { } v)
                {
                    var metrics = Clone(score.Frame.Metrics);
                    p.SetValue(metrics, v);
                    yield return ($"metrics.{p.Name} x{factor}", score with { Frame = score.Frame with { Metrics = metrics } });
                }
            }

            foreach (var p in Numeric(typeof(TenantFrame)))
            {
                if (Move(p.GetValue(score.Frame), factor) is { } v)
                {
                    var frame = Clone(score.Frame);
                    p.SetValue(frame, v);
                    yield return ($"frame.{p.Name} x{factor}", score with { Frame = frame });
                }
            }

            if (score.ExpectedRatio is { } er)
            {
                yield return ($"ExpectedRatio x{factor}", score with { ExpectedRatio = er * factor });
            }

            if (score.ExpectedDensity3m is { } ed)
            {
                yield return ($"ExpectedDensity3m x{factor}", score with { ExpectedDensity3m = ed * factor });
            }

            if (score.Risk is { } risk)
            {
                yield return ($"Risk x{factor}", score with { Risk = risk * factor });
            }
        }
    }

    private static IEnumerable<PropertyInfo> Numeric(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) is var t
                && (t == typeof(double) || t == typeof(decimal) || t == typeof(long) || t == typeof(int)));

    private static object? Move(object? value, double factor) => value switch
    {
        double d => d * factor,
        decimal m => m * (decimal)factor,
        long l => (long)Math.Round(l * factor),
        int i => (int)Math.Round(i * factor),
        _ => null,
    };

    private static T Clone<T>(T record) where T : class =>
        (T)typeof(T).GetMethod("<Clone>$")!.Invoke(record, null)!;
}
