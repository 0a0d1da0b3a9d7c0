using System.Globalization;
using System.Text;
using Analytics.Api.Drops;
using Analytics.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Api.Tests.Hostile;

/// <summary>
/// Before: a load that did not end kept its drop "loading" and the one-load lock held, later drops queued behind it;
/// after a crash the drop stayed "loading" until Hangfire's 30-minute invisibility timeout ran it again.
/// </summary>
public sealed class LoadWatchdogTests
{
    [Fact]
    public async Task LoadOverItsBudget_IsStoppedAndFailed_TheNextDropLoads_TheWarehouseUnchanged()
    {
        await using var server = await RunningServer.StartAsync(o => o.LoadBudget = TimeSpan.FromMilliseconds(300));
        using var scope = server.Services.CreateScope();
        var drops = scope.ServiceProvider.GetRequiredService<DropIngestion>();
        long salesBefore;
        using (var connection = server.Warehouse())
        {
            salesBefore = Seed.Count(connection, "sales");
        }

        // 300 leases and 1,000 days of sales each: far more than 300 ms of loading on any machine.
        var slow = server.Folder.File("slow");
        Directory.CreateDirectory(slow);
        var tenants = new StringBuilder("tenant_id,tenant_name,category,unit_id,area_sqm,lease_start,lease_end,base_rent\n");
        var sales = new StringBuilder("tenant_id,date,net_sales,transactions\n");
        var first = new DateOnly(2023, 1, 1);
        for (var t = 0; t < 300; t++)
        {
            tenants.Append(CultureInfo.InvariantCulture, $"W{t:000},商户{t},beauty,U-W{t},80,2023-01-01,2028-12-31,15000\n");
            for (var d = 0; d < 1_000; d++)
            {
                sales.Append(CultureInfo.InvariantCulture, $"W{t:000},{first.AddDays(d):yyyy-MM-dd},{100 + d}.25,{d % 50}\n");
            }
        }

        File.WriteAllText(Path.Combine(slow, "tenants.csv"), tenants.ToString());
        File.WriteAllText(Path.Combine(slow, "sales.csv"), sales.ToString());
        var slowId = drops.Register("upload", slow, "admin");

        var stopped = drops.LoadNow(slowId, slow);

        stopped.Status.Should().Be("failed");
        stopped.Message.Should().Be("The load took longer than its budget of 0.01 minutes and was stopped; nothing was loaded.");
        using (var connection = server.Warehouse())
        {
            Seed.Count(connection, "sales").Should().Be(salesBefore, "the stopped load was rolled back");
        }

        server.Options.LoadBudget = TimeSpan.FromMinutes(5);
        var good = server.Folder.File("good");
        Directory.CreateDirectory(good);
        foreach (var (name, text) in Seed.GoodDrop())
        {
            File.WriteAllText(Path.Combine(good, name), text);
        }

        var next = drops.LoadNow(drops.Register("upload", good, "admin"), good);
        next.Status.Should().Be("loaded", "the lock was freed and later drops proceed");
    }

    [Fact]
    public async Task DropsLeftByAStoppedProcess_AreMarkedInterrupted_AndTheirJobDoesNotRunThemAgain()
    {
        await using var server = await RunningServer.StartAsync();
        using var scope = server.Services.CreateScope();
        var drops = scope.ServiceProvider.GetRequiredService<DropIngestion>();
        var folder = server.Folder.File("left");
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in Seed.GoodDrop())
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        var queued = drops.Register("upload", folder, "admin");
        var loading = drops.Register("upload", folder, "admin");
        using (var connection = server.Warehouse())
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"UPDATE api_drops SET status = 'loading' WHERE drop_id = {loading}";
            cmd.ExecuteNonQuery();
        }

        drops.MarkInterrupted().Should().Be(2);   // what start-up does before the job server runs
        drops.Load(loading);                        // Hangfire handing the job out again

        drops.Get(queued)!.Status.Should().Be("interrupted");
        drops.Get(queued)!.Message.Should().Be("The server stopped while this drop was queued; nothing of it was loaded. Upload it again.");
        var after = drops.Get(loading)!;
        after.Status.Should().Be("interrupted");
        after.Message.Should().Be("The server stopped while this drop was loading; nothing of it was loaded. Upload it again.");
        after.FinishedAt.Should().NotBeNull();
        using var check = server.Warehouse();
        Seed.Count(check, "tenants").Should().Be(3, "an interrupted upload is not loaded again by its job");
    }
}
