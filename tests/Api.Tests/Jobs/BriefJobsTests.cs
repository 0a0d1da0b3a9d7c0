using Analytics.Api.Documents;
using Analytics.Api.Jobs;
using Analytics.Api.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace Analytics.Api.Tests.Jobs;

/// <summary>The scheduled documents, run once each through Hangfire, found where the API serves them and read back.</summary>
public sealed class BriefJobsTests
{
    [Fact]
    public async Task Trigger_WeeklyAndMonthly_DocumentsWrittenAndServed()
    {
        // Monday 2 November 2026, 07:00 in Shanghai: the weekly brief is for 2026-W44, the monthly one for 2026-10.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 23, 0, 0, TimeSpan.Zero));
        await using var server = await RunningServer.StartAsync(o => o.Jobs.Workers = 1, clock);
        var recurring = server.Services.GetRequiredService<IRecurringJobManager>();
        var monitor = server.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        recurring.Trigger(JobScheduling.WeeklyJobId);
        recurring.Trigger(JobScheduling.MonthlyJobId);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (monitor.SucceededListCount() + monitor.FailedCount() < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        monitor.FailedCount().Should().Be(0);
        monitor.SucceededListCount().Should().Be(2);
        var store = server.Services.GetRequiredService<DocumentStore>();
        foreach (var lang in DocumentStore.Languages)
        {
            File.Exists(store.PathFor(new IsoWeek(2026, 44), lang)).Should().BeTrue();
            File.Exists(store.PathFor(DocumentKind.Monthly, new Month(2026, 10), lang)).Should().BeTrue();
            foreach (var tenant in Seed.TenantIds)
            {
                File.Exists(store.PathFor(DocumentKind.Merchant, new Month(2026, 10), lang, tenant)).Should().BeTrue();
            }
        }

        // What the merchant downloads is the sheet the job wrote, and it names the merchant.
        var bytes = await server.Client("merchant").GetByteArrayAsync("/api/reports/merchant/T001/2026-10?lang=zh");
        bytes.Should().Equal(await File.ReadAllBytesAsync(store.PathFor(DocumentKind.Merchant, new Month(2026, 10), "zh", "T001")));
        using var pdf = PdfDocument.Open(bytes);
        string.Concat(pdf.GetPages().Select(p => p.Text)).Should().Contain("商户T001");
    }

    [Fact]
    public async Task Run_Twice_SameFilesNoDuplicates()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 23, 0, 0, TimeSpan.Zero));
        await using var server = await RunningServer.StartAsync(o => o.Jobs.Workers = 0, clock);
        var jobs = ActivatorUtilities.CreateInstance<BriefJobs>(server.Services);

        var first = jobs.WriteMonthly(new Month(2026, 10));
        var bytes = first.ToDictionary(p => p, File.ReadAllBytes);
        var second = jobs.WriteMonthly(new Month(2026, 10));

        second.Should().Equal(first);
        Directory.GetFiles(server.Options.OutDir, "*", SearchOption.AllDirectories).Should().HaveCount(first.Count, "a re-run overwrites, never adds");
        second.Should().OnlyContain(p => File.ReadAllBytes(p).SequenceEqual(bytes[p]), "same warehouse and clock give the same bytes");
    }

    [Fact]
    public async Task MerchantSheet_NotWrittenYet_RenderedOnRequest()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 23, 0, 0, TimeSpan.Zero));
        await using var server = await RunningServer.StartAsync(o => o.Jobs.Workers = 0, clock);

        using var response = await server.Client("merchant").GetAsync("/api/reports/merchant/T001/2026-10?lang=en");
        using var noData = await server.Client("gm").GetAsync("/api/reports/monthly/2019-01");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        File.Exists(server.Services.GetRequiredService<DocumentStore>().PathFor(DocumentKind.Merchant, new Month(2026, 10), "en", "T001")).Should().BeTrue();
        noData.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }
}
