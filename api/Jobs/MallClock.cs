namespace Analytics.Api.Jobs;

/// <summary>The injected clock read in the mall's time zone: schedules and "last week" are the mall's, not the server's.</summary>
internal sealed class MallClock(TimeProvider clock, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>
    /// The zone of the schedules: the malls dataset's time zone when the warehouse's malls give one (one zone for
    /// all of them, since the server runs one schedule), else the configured zone. Read when the server starts.
    /// </summary>
    public static TimeZoneInfo ZoneFor(Analytics.Api.Server.WarehouseAccess warehouse, string configured)
    {
        using var connection = warehouse.Connect();
        var zones = Analytics.Model.Malls.MallDirectory.All(connection).Select(m => m.TimeZone)
            .Where(z => !string.IsNullOrWhiteSpace(z)).Distinct(StringComparer.Ordinal).ToList();
        if (zones.Count == 1 && TimeZoneInfo.TryFindSystemTimeZoneById(zones[0]!, out var mall))
        {
            return mall;
        }

        return FindZone(configured);
    }

    public static TimeZoneInfo FindZone(string ianaId)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new Analytics.Ingest.UserError($"Unknown time zone '{ianaId}'; use an IANA id such as Asia/Shanghai.");
        }
    }
}
