namespace Analytics.Api.Jobs;

/// <summary>The injected clock read in the mall's time zone: schedules and "last week" are the mall's, not the server's.</summary>
internal sealed class MallClock(TimeProvider clock, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

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
