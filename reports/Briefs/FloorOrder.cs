namespace Analytics.Reports.Briefs;

/// <summary>The order floors are listed in, in every brief.</summary>
internal static class FloorOrder
{
    /// <summary>Basement floors first (B2 before B1), then 1F, 2F, ...; anything else after, by name.</summary>
    public static (int, string) Of(string floor)
    {
        if (floor.Length > 1 && floor[0] is 'B' or 'b' && int.TryParse(floor[1..], out var b))
            return (-b, floor);
        if (floor.Length > 1 && floor[^1] is 'F' or 'f' && int.TryParse(floor[..^1], out var f))
            return (f, floor);
        return (int.MaxValue, floor);
    }
}
