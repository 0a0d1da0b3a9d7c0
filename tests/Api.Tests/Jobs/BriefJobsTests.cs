using Analytics.Api.Jobs;
using Analytics.Api.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Api.Tests.Jobs;

public sealed class BriefJobsTests
{
    [Fact]
    public async Task Trigger_WithoutReportService_SucceedsWritingNothing()
    {
        // Until the report service offers the documents, a scheduled run must not fail and retry ten times.
        await using var server = await RunningServer.StartAsync(o => o.Jobs.Workers = 1);
        var recurring = server.Services.GetRequiredService<IRecurringJobManager>();
        var monitor = server.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        recurring.Trigger(JobScheduling.WeeklyJobId);
        recurring.Trigger(JobScheduling.MonthlyJobId);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (monitor.SucceededListCount() + monitor.FailedCount() < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        monitor.SucceededListCount().Should().Be(2);
        monitor.FailedCount().Should().Be(0);
        Directory.Exists(server.Options.OutDir).Should().BeFalse();
    }
}
