namespace Analytics.Model.Metrics;

/// <summary>The median of a list of figures (the mean of the middle two for an even count).</summary>
public static class Median
{
    public static double Of(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
