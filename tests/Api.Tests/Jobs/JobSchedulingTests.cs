using Analytics.Api.Jobs;
using Analytics.Api.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Api.Tests.Jobs;

public sealed class JobSchedulingTests
{
    [Fact]
    public async Task Start_ConfiguredCronAndZone_RecurringJobsStoredAndSurviveRestart()
    {
        using var jobsFolder = new TempFolder();
        var sqlite = jobsFolder.File("jobs.sqlite");
        await using (await RunningServer.StartAsync(o =>
                     {
                         o.Jobs.Storage = "sqlite";
                         o.Jobs.SqliteFile = sqlite;
                         o.Jobs.TimeZone = "Europe/Berlin";
                         o.Jobs.IngestCron = "5 3 * * *";
                         o.Jobs.WeeklyCron = "30 6 * * 1";
                         o.Jobs.MonthlyCron = "0 8 2 * *";
                     }))
        {
        }

        // Read back from the storage file itself, with the server gone: what a restarted server would find. (Hangfire's
        // static log provider still points at the stopped server's logger factory.)
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        var storage = new SQLiteStorage(sqlite, new SQLiteStorageOptions());
        List<RecurringJobDto> jobs;
        using (var connection = storage.GetConnection())
        {
            jobs = connection.GetRecurringJobs();
        }

        jobs.Should().HaveCount(3);
        jobs.Single(j => j.Id == JobScheduling.IngestJobId).Cron.Should().Be("5 3 * * *");
        jobs.Single(j => j.Id == JobScheduling.WeeklyJobId).Cron.Should().Be("30 6 * * 1");
        jobs.Single(j => j.Id == JobScheduling.MonthlyJobId).Cron.Should().Be("0 8 2 * *");
        jobs.Should().OnlyContain(j => j.TimeZoneId == "Europe/Berlin");
        // 08:00 Berlin on the 2nd is 06:00 or 07:00 UTC depending on summer time, never 08:00 UTC.
        var next = jobs.Single(j => j.Id == JobScheduling.MonthlyJobId).NextExecution!.Value;
        next.Day.Should().Be(2);
        next.Hour.Should().BeOneOf(6, 7);
    }

    [Fact]
    public async Task Start_Defaults_ShanghaiWeeklyMondaySevenMonthlyFirstSeven()
    {
        await using var server = await RunningServer.StartAsync();
        using var connection = server.Services.GetRequiredService<JobStorage>().GetConnection();

        var jobs = connection.GetRecurringJobs();

        jobs.Should().OnlyContain(j => j.TimeZoneId == "Asia/Shanghai");
        jobs.Single(j => j.Id == JobScheduling.WeeklyJobId).Cron.Should().Be("0 7 * * 1");
        jobs.Single(j => j.Id == JobScheduling.MonthlyJobId).Cron.Should().Be("0 7 1 * *");
        var weekly = jobs.Single(j => j.Id == JobScheduling.WeeklyJobId).NextExecution!.Value;
        weekly.Hour.Should().Be(23, "07:00 in Shanghai is 23:00 UTC the day before");
        weekly.DayOfWeek.Should().Be(DayOfWeek.Sunday);
    }

    [Theory]
    [InlineData("2026-11-02", "2026-W44")] // Monday: the week that ended yesterday
    [InlineData("2026-11-03", "2026-W44")] // a retry on Tuesday still writes the same week
    [InlineData("2026-01-05", "2026-W01")] // ISO week 1 of 2026 starts on 2025-12-29
    [InlineData("2027-01-04", "2026-W53")] // 2026 has 53 ISO weeks
    public void LastCompleteWeek_RunDay_PreviousIsoWeek(string today, string week) =>
        BriefJobs.LastCompleteWeek(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ToString().Should().Be(week);

    [Theory]
    [InlineData("2026-11-01", "2026-10")]
    [InlineData("2026-11-03", "2026-10")] // a retry two days late writes the same month
    [InlineData("2026-01-01", "2025-12")]
    public void LastCompleteMonth_RunDay_PreviousMonth(string today, string period) =>
        BriefJobs.LastCompleteMonth(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ToString().Should().Be(period);
}
