using System.Net;
using System.Text.Json;
using Analytics.Api.Jobs;
using Analytics.Api.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Api.Tests.Jobs;

/// <summary>The 1st-of-month job writes the documents, then the delivery job it queues mails them; the log is served to admin and gm.</summary>
public sealed class DeliveryJobTests
{
    [Fact]
    public async Task MonthlyJob_MailServerConfigured_DeliveryJobMailsBriefAndEachSheet_LogServed()
    {
        using var folder = new TempFolder();
        using var mail = SmtpTestServer.Mailbox(folder.File("mail"));
        var settings = folder.File("delivery.json");
        await File.WriteAllTextAsync(settings, $$"""
            {
              "smtp": { "host": "127.0.0.1", "port": {{mail.Port}}, "security": "none", "from": "operations@example.com" },
              "merchant_language": "en",
              "briefs": { "main": { "monthly": { "zh": ["gm@example.com"] } } }
            }
            """);
        // Sunday 1 November 2026, 07:00 in Shanghai: the monthly documents are those of 2026-10.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero));
        await using var server = await RunningServer.StartAsync(o => o.DeliverySettingsFile = settings, clock);
        using (var connection = server.Warehouse())
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "UPDATE tenants SET contact_email = lower(tenant_id) || '@example.com'";
            cmd.ExecuteNonQuery();
        }

        var monitor = server.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        server.Services.GetRequiredService<IRecurringJobManager>().Trigger(JobScheduling.MonthlyJobId);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (monitor.SucceededListCount() + monitor.FailedCount() < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        monitor.FailedCount().Should().Be(0);
        monitor.SucceededListCount().Should().Be(2, "the monthly job and the delivery job it queued");
        mail.Messages().Select(m => (m.To.Mailboxes.Single().Address, ((MimeKit.MimePart)m.Attachments.Single()).FileName)).Should().BeEquivalentTo(new[]
        {
            ("gm@example.com", "monthly-2026-10-zh.pdf"),
            ("t001@example.com", "merchant-T001-2026-10-en.pdf"),
            ("t002@example.com", "merchant-T002-2026-10-en.pdf"),
            ("t003@example.com", "merchant-T003-2026-10-en.pdf"),
        });

        using var log = JsonDocument.Parse(await server.Client("gm").GetStringAsync("/api/deliveries?period=2026-10"));
        log.RootElement.EnumerateArray().Select(e => (e.GetProperty("recipient").GetString(), e.GetProperty("status").GetString(), e.GetProperty("attempts").GetInt32()))
            .Should().BeEquivalentTo(new[]
            {
                ("gm@example.com", "sent", 1), ("t001@example.com", "sent", 1), ("t002@example.com", "sent", 1), ("t003@example.com", "sent", 1),
            });
        (await server.Client("admin").GetStringAsync("/api/deliveries?period=2026-09")).Should().Be("[]");
    }
}
