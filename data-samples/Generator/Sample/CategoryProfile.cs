namespace Analytics.SampleData.Sample;

internal enum WeekRhythm
{
    Retail,
    Leisure,
    Daily,
}

/// <summary>
/// How a trade category behaves in this mall: monthly sales per sqm, ticket size, the occupancy cost ratio the
/// leasing team prices to, turnover-rent habits and unit sizes. Values are plausible for a mid-range Chinese
/// city mall (CNY), not measurements.
/// </summary>
internal sealed record CategoryProfile(
    string Name,
    double DensityPerMonth,
    double Ticket,
    double TargetOcr,
    double TurnoverClauseShare,
    double TurnoverRateLow,
    double TurnoverRateHigh,
    double AreaLow,
    double AreaHigh,
    WeekRhythm Rhythm,
    double ComplaintFactor)
{
    public static readonly IReadOnlyList<CategoryProfile> All =
    [
        new("supermarket", 1500, 120, 0.05, 0.5, 2, 3, 2500, 4000, WeekRhythm.Daily, 2.0),
        new("f&b", 2600, 65, 0.11, 0.5, 10, 12, 60, 350, WeekRhythm.Leisure, 1.5),
        new("jewelry", 9000, 3200, 0.06, 0.6, 3, 5, 40, 120, WeekRhythm.Retail, 0.6),
        new("beauty", 4500, 320, 0.10, 0.5, 8, 10, 40, 160, WeekRhythm.Retail, 0.8),
        new("fashion", 2200, 420, 0.11, 0.5, 8, 12, 80, 450, WeekRhythm.Retail, 0.8),
        new("kids", 1700, 210, 0.11, 0.4, 8, 10, 80, 400, WeekRhythm.Retail, 1.0),
        new("sports", 1800, 380, 0.10, 0.4, 7, 9, 120, 500, WeekRhythm.Retail, 0.8),
        new("home", 1100, 320, 0.10, 0.2, 6, 8, 150, 600, WeekRhythm.Retail, 0.7),
        new("entertainment", 700, 85, 0.08, 0.3, 8, 10, 300, 1800, WeekRhythm.Leisure, 1.5),
        new("services", 1500, 110, 0.12, 0.1, 6, 8, 30, 150, WeekRhythm.Daily, 0.9),
        new("electronics", 3500, 1300, 0.07, 0.4, 3, 5, 80, 300, WeekRhythm.Retail, 0.9),
    ];

    public static CategoryProfile Of(string name) => All.First(c => c.Name == name);

    /// <summary>Sales density on better floors is higher; rents follow.</summary>
    public static double FloorFactor(string floor) => floor switch
    {
        "1F" => 1.20,
        "B1" => 0.95,
        "2F" => 1.00,
        _ => 0.90,
    };

    /// <summary>Trade mix each floor is let for (weights), per the mall's zoning plan.</summary>
    public static IReadOnlyList<(string Category, double Weight)> FloorMix(string floor) => floor switch
    {
        "B1" => [("f&b", 0.60), ("services", 0.20), ("beauty", 0.10), ("home", 0.10)],
        "1F" => [("jewelry", 0.25), ("beauty", 0.30), ("fashion", 0.35), ("f&b", 0.10)],
        "2F" => [("fashion", 0.75), ("sports", 0.10), ("f&b", 0.10), ("services", 0.05)],
        "3F" => [("kids", 0.42), ("sports", 0.28), ("home", 0.20), ("electronics", 0.10)],
        _ => [("f&b", 0.55), ("entertainment", 0.18), ("services", 0.27)],
    };
}
