using Analytics.Api.Jobs;
using Analytics.Api.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Api.Tests.Jobs;

public sealed class InboxIngestJobTests
{
    [Fact]
    public async Task Trigger_NewDropInInbox_LoadedOnceAndMovedAside()
    {
        await using var server = await RunningServer.StartAsync(o => o.Jobs.Workers = 1);
        Seed.WriteDrop(Path.Combine(server.Options.Inbox, "2026-11-01"), Seed.GoodDrop("T300"));
        var recurring = server.Services.GetRequiredService<IRecurringJobManager>();

        recurring.Trigger(JobScheduling.IngestJobId);
        await WaitFor(() => Count(server, "SELECT count(*) FROM api_drops WHERE status = 'loaded'") == 1);
        recurring.Trigger(JobScheduling.IngestJobId);
        await WaitFor(() => Count(server, "SELECT count(*) FROM api_drops") >= 1 && JobsSucceeded(server) >= 2);

        Count(server, "SELECT count(*) FROM sales WHERE tenant_id = 'T300'").Should().Be(7);
        Count(server, "SELECT count(*) FROM load_log").Should().Be(1, "the second run found nothing new");
        Directory.GetDirectories(server.Options.Inbox).Select(Path.GetFileName).Should().BeEquivalentTo([".taken"]);
        Directory.GetDirectories(Path.Combine(server.Options.Inbox, ".taken")).Should().ContainSingle()
            .Which.Should().Contain("2026-11-01");
    }

    [Fact]
    public async Task RunOnce_DropRegisteredButUnfinished_LoadedAgainWithoutDuplicates()
    {
        // A run that died after taking the folder: the drop is registered as queued, the folder already aside.
        await using var server = await RunningServer.StartAsync(o => o.Jobs.Workers = 0);
        var drops = ActivatorUtilities.CreateInstance<Analytics.Api.Drops.DropIngestion>(server.Services);
        var folder = Path.Combine(server.Options.Inbox, ".taken", "d1");
        Seed.WriteDrop(folder, Seed.GoodDrop("T400"));
        drops.LoadNow(drops.Register(InboxIngestJob.Source, folder, null), folder);
        drops.Register(InboxIngestJob.Source, folder, null);
        var job = ActivatorUtilities.CreateInstance<InboxIngestJob>(server.Services);

        var results = job.RunOnce();

        results.Should().ContainSingle().Which.Status.Should().Be("loaded");
        Count(server, "SELECT count(*) FROM sales WHERE tenant_id = 'T400'").Should().Be(7);
        Count(server, "SELECT count(*) FROM tenants WHERE tenant_id = 'T400'").Should().Be(1);
    }

    [Fact]
    public async Task RunOnce_FolderStillBeingWritten_LeftForNextRun()
    {
        await using var server = await RunningServer.StartAsync(o =>
        {
            o.Jobs.Workers = 0;
            o.Jobs.InboxSettle = TimeSpan.FromHours(1);
        });
        var folder = Path.Combine(server.Options.Inbox, "copying");
        Seed.WriteDrop(folder, Seed.GoodDrop("T500"));
        var job = ActivatorUtilities.CreateInstance<InboxIngestJob>(server.Services);

        var results = job.RunOnce();

        results.Should().BeEmpty();
        Directory.Exists(folder).Should().BeTrue();
        Count(server, "SELECT count(*) FROM tenants WHERE tenant_id = 'T500'").Should().Be(0);
    }

    private static long JobsSucceeded(RunningServer server) =>
        server.Services.GetRequiredService<JobStorage>().GetMonitoringApi().SucceededListCount();

    private static long Count(RunningServer server, string sql)
    {
        using var connection = server.Warehouse();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The job did not finish within 30 s.");
            }

            await Task.Delay(100);
        }
    }
}
