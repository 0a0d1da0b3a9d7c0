using Analytics.Api.Delivery;
using Analytics.Api.Documents;
using Analytics.Api.Tests.Support;
using Analytics.Ingest.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Api.Tests.Delivery;

/// <summary>
/// The delivery service against real SMTP server processes: one recipient refused with 550, a server that is down and
/// comes back, a server that stays down until the next run. Four real sheets of the sample, in a warehouse of their own.
/// </summary>
[Collection(DeliverySampleCollection.Name)]
public sealed class DeliveryServiceTests(DeliverySample sample) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Deliver_OneRecipientRefused_OthersSentThatOneFailedAndNotRetried()
    {
        using var connection = Merchants(4, out var documents);
        var refused = sample.Addresses[documents[1].TenantId!];
        using var mail = SmtpTestServer.Scripted(_folder.File("mail"), "--refuse", refused);
        var service = new DeliveryService(new DeliverySettings { FirstRetryDelay = TimeSpan.FromMilliseconds(100) }, DeliverySample.Clock);

        var first = service.Deliver(connection, "main", documents, dryRun: false, () => Smtp(mail.Port));
        var second = service.Deliver(connection, "main", documents, dryRun: false, () => Smtp(mail.Port));

        first.Lines.Select(l => (l.TenantId, l.State)).Should().BeEquivalentTo(documents.Select(d =>
            (d.TenantId, d.TenantId == documents[1].TenantId ? DeliveryState.Refused : DeliveryState.Sent)));
        first.Lines.Single(l => l.State == DeliveryState.Refused).Error.Should().StartWith("550").And.Contain("mailbox unavailable");
        mail.Messages().Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(
            documents.Where(d => d != documents[1]).Select(d => sample.Addresses[d.TenantId!]));
        Rows(connection).Should().BeEquivalentTo(documents.Select(d => d == documents[1]
            ? $"{d.TenantId}|failed|1|True" : $"{d.TenantId}|sent|1|False"));
        second.Count(DeliveryState.AlreadySent).Should().Be(3);
        second.Count(DeliveryState.Refused).Should().Be(1, "a refusal is shown again, not retried");
        mail.Count.Should().Be(3);
    }

    [Fact]
    public async Task Deliver_ServerDownThenUp_RetriedWithBackoffAndSent()
    {
        using var connection = Merchants(3, out var documents);
        var port = SmtpTestServer.FreePort();
        var service = new DeliveryService(new DeliverySettings { MaxAttempts = 6, FirstRetryDelay = TimeSpan.FromMilliseconds(500) }, DeliverySample.Clock);

        var run = Task.Run(() => service.Deliver(connection, "main", documents, dryRun: false, () => Smtp(port)));
        await Task.Delay(1200);
        run.IsCompleted.Should().BeFalse("the service waits for the server");
        using var mail = SmtpTestServer.Mailbox(_folder.File("mail"), port);
        var report = await run;

        report.Lines.Should().OnlyContain(l => l.State == DeliveryState.Sent).And.HaveCount(3);
        mail.Count.Should().Be(3);
        Rows(connection)[0].Should().MatchRegex($"^{documents[0].TenantId}\\|sent\\|[2-6]\\|True$", "the first message took several tries and kept the last error");
    }

    [Fact]
    public void Deliver_ServerStaysDown_AllPendingThenTheNextRunSendsThem()
    {
        using var connection = Merchants(3, out var documents);
        var port = SmtpTestServer.FreePort();
        var service = new DeliveryService(new DeliverySettings { MaxAttempts = 2, FirstRetryDelay = TimeSpan.FromMilliseconds(100) }, DeliverySample.Clock);

        var down = service.Deliver(connection, "main", documents, dryRun: false, () => Smtp(port));
        var pending = Rows(connection);
        using var mail = SmtpTestServer.Mailbox(_folder.File("mail"), port);
        var up = service.Deliver(connection, "main", documents, dryRun: false, () => Smtp(port));

        down.Lines.Should().OnlyContain(l => l.State == DeliveryState.Pending);
        down.Lines[1].Error.Should().Contain("unreachable", "after the first message the rest of the batch is not tried");
        pending.Should().Equal($"{documents[0].TenantId}|pending|2|True", $"{documents[1].TenantId}|pending|0|True", $"{documents[2].TenantId}|pending|0|True");
        up.Lines.Should().OnlyContain(l => l.State == DeliveryState.Sent);
        mail.Count.Should().Be(3);
    }

    private static SmtpSettings Smtp(int port) =>
        new() { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, From = "operations@example.com" };

    /// <summary>A fresh warehouse holding the leases (with their addresses) of the first merchants of the sample, and their sheets.</summary>
    private DuckDBConnection Merchants(int count, out List<DeliveryDocument> documents)
    {
        var connection = new Warehouse(_folder.File("w.duckdb"), new WarehouseSettings(256, 1)).Open(DeliverySample.Clock);
        documents = [];
        foreach (var tenant in sample.InForce.Take(count))
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                INSERT INTO tenants (mall_id, tenant_id, tenant_name, category, unit_id, lease_start, lease_end, base_rent, turnover_rate_pct,
                                     service_charge, contact_email, load_id)
                VALUES ('main', $id, $name, 'fashion', 'U1', DATE '2024-01-01', DATE '2027-12-31', 1, 0, 0, $mail, 1)
                """;
            cmd.Parameters.Add(new DuckDBParameter("id", tenant));
            cmd.Parameters.Add(new DuckDBParameter("name", sample.Names[tenant]));
            cmd.Parameters.Add(new DuckDBParameter("mail", sample.Addresses[tenant]));
            cmd.ExecuteNonQuery();
            var pdf = sample.Sheets[tenant];
            documents.Add(new DeliveryDocument(DocumentKind.Merchant, "2026-10", "zh", $"merchant-{tenant}-2026-10-zh.pdf", () => pdf, tenant, sample.Names[tenant]));
        }

        return connection;
    }

    private static List<string> Rows(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT tenant_id, status, attempts, last_error IS NOT NULL FROM deliveries ORDER BY tenant_id";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
            rows.Add($"{r.GetString(0)}|{r.GetString(1)}|{r.GetInt32(2)}|{r.GetBoolean(3)}");
        return rows;
    }
}
