using Analytics.SampleData.Common;
using Analytics.SampleData.Csv;

namespace Analytics.SampleData.Sample;

/// <summary>
/// Door counters: one row per day for the whole mall (empty zone) and one per zone. Zone counts overlap (a visitor
/// walks through several), so they add up to more than the mall count, as real counters do.
/// </summary>
internal static class FootfallBook
{
    /// <summary>Visitors on an ordinary day at the start of the data.</summary>
    private const double BaseVisitors = 36000;

    private static readonly (string Zone, double Share)[] ZoneShares = [("A", 0.34), ("B", 0.29), ("C", 0.26), ("D", 0.27)];

    public static long Write(string path, int seed)
    {
        var rng = Seeds.For(seed, "footfall");
        using var csv = new CsvWriter(path, ["date", "zone", "visitors"]);
        foreach (var d in SampleCalendar.Days(SampleCalendar.Start, SampleCalendar.End))
        {
            var mall = BaseVisitors * SampleCalendar.Weekly(d.DayOfWeek, WeekRhythm.Leisure) * SampleCalendar.FootfallSeason(d)
                * SampleCalendar.MallTrend(d) * SampleCalendar.MallEvent(d) * rng.LogNormal(0.06);
            var date = Format.Date(d);
            csv.WriteRow([date, string.Empty, Format.Int((long)Math.Round(mall))]);
            foreach (var (zone, share) in ZoneShares)
            {
                csv.WriteRow([date, zone, Format.Int((long)Math.Round(mall * share * rng.LogNormal(0.05)))]);
            }
        }
        return csv.Rows;
    }
}
