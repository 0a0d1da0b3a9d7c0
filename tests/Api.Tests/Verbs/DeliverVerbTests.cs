using System.Security.Cryptography;
using Analytics.Api.Cli;
using Analytics.Api.Tests.Support;
using Analytics.Ingest.Warehouse;
using MimeKit;

namespace Analytics.Api.Tests.Verbs;

/// <summary>
/// <c>analytics deliver</c> on the sample against a real SMTP server process on 127.0.0.1: every merchant of 2026-10
/// gets exactly one message with exactly its own sheet, a re-run sends nothing, and no password reaches any output.
/// </summary>
[Collection(DeliverySampleCollection.Name)]
public sealed class DeliverVerbTests(DeliverySample sample)
{
    [Fact]
    public async Task DeliverMerchant_SampleMonth_EachMerchantItsOwnSheetOnce_ReRunSendsNothing()
    {
        using var mail = SmtpTestServer.Mailbox(sample.Folder.File("mail-merchant"));

        var (code, output, error) = await Run(Server(mail), "deliver", "merchant", "--period", "2026-10", "--db", sample.Db);

        code.Should().Be(ExitCodes.Ok, error);
        sample.Sheets.Keys.Should().BeEquivalentTo(sample.InForce, "a sheet for every tenant in force on 2026-10-31");
        output.Should().Contain($"{sample.InForce.Count} sent, 0 already sent before, 0 refused, 0 pending, 0 without an address.");
        var messages = mail.Messages();
        messages.Should().HaveCount(sample.InForce.Count);
        var byTenant = new Dictionary<string, MimeMessage>(StringComparer.Ordinal);
        var tenantOf = sample.Addresses.ToDictionary(a => a.Value, a => a.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var message in messages)
        {
            var to = message.To.Mailboxes.Should().ContainSingle().Subject.Address;
            var tenant = tenantOf[to];
            byTenant.TryAdd(tenant, message).Should().BeTrue("{0} gets one message only", tenant);
            var pdf = message.Attachments.OfType<MimePart>().Should().ContainSingle().Subject;
            pdf.ContentType.MimeType.Should().Be("application/pdf");
            using var bytes = new MemoryStream();
            pdf.Content!.DecodeTo(bytes);
            bytes.ToArray().Should().Equal(sample.Sheets[tenant], "{0} is sent its own sheet, nobody else's", tenant);
            message.Subject.Should().Contain(sample.Names[tenant]).And.Contain("2026年10月");
            message.TextBody.Should().Contain(sample.Names[tenant]);
            message.MessageId.Should().StartWith("ta.merchant.2026-10.");
        }

        byTenant.Keys.Should().BeEquivalentTo(sample.InForce);
        foreach (var tenant in sample.InForce)
        {
            // The sheet's text (read back with PdfPig) names the merchant and no other tenant of the mall.
            var text = sample.SheetTexts[tenant];
            var own = DeliverySample.Flat(sample.Names[tenant]);
            text.Should().Contain(own);
            var others = sample.Names.Where(n => n.Key != tenant && !own.Contains(DeliverySample.Flat(n.Value), StringComparison.Ordinal))
                .Where(n => text.Contains(DeliverySample.Flat(n.Value), StringComparison.Ordinal)).Select(n => $"{n.Key} {n.Value}").ToList();
            others.Should().BeEmpty("the sheet of {0} names no other tenant", tenant);
            var subject = byTenant[tenant].Subject + byTenant[tenant].TextBody;
            sample.Names.Where(n => n.Key != tenant && !own.Contains(n.Value, StringComparison.Ordinal))
                .Should().NotContain(n => subject.Contains(n.Value, StringComparison.Ordinal), "the mail to {0} names no other tenant", tenant);
        }

        using (var connection = new Warehouse(sample.Db, new WarehouseSettings(256, 1)).Open(DeliverySample.Clock))
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT tenant_id, recipient, status, attempts, attachment_sha256 FROM deliveries WHERE period = '2026-10' AND document = 'merchant'";
            using var r = cmd.ExecuteReader();
            var rows = 0;
            while (r.Read())
            {
                rows++;
                var tenant = r.GetString(0);
                (r.GetString(1), r.GetString(2), r.GetInt32(3)).Should().Be((sample.Addresses[tenant], "sent", 1));
                r.GetString(4).Should().Be(Convert.ToHexStringLower(SHA256.HashData(sample.Sheets[tenant])));
            }

            rows.Should().Be(sample.InForce.Count);
        }

        var (again, againOutput, againError) = await Run(Server(mail), "deliver", "merchant", "--period", "2026-10", "--db", sample.Db);

        again.Should().Be(ExitCodes.Ok, againError);
        againOutput.Should().Contain($"0 sent, {sample.InForce.Count} already sent before");
        mail.Count.Should().Be(sample.InForce.Count, "a re-run sends nothing new");
    }

    [Fact]
    public async Task DeliverWeekly_LoginRequired_SentWithTheRightPasswordAndNoPasswordInAnyOutput()
    {
        const string password = "Pw-7f3a9c1e-secret";
        const string wrong = "Pw-0000-wrong";
        using var mail = SmtpTestServer.Scripted(sample.Folder.File("mail-login"), "--login", "ops", password);
        var settings = sample.Folder.File("delivery-weekly.json");
        await File.WriteAllTextAsync(settings, """
            { "briefs": { "main": { "weekly": { "zh": ["ops.team@example.com"], "en": ["leasing.team@example.com"] } } } }
            """);

        var denied = await Run(Server(mail, ("ANALYTICS_SMTP_USER", "ops"), ("ANALYTICS_SMTP_PASSWORD", wrong)),
            "deliver", "weekly", "--week", "2026-W43", "--delivery-settings", settings, "--db", sample.Db);
        var sent = await Run(Server(mail, ("ANALYTICS_SMTP_USER", "ops"), ("ANALYTICS_SMTP_PASSWORD", password)),
            "deliver", "weekly", "--week", "2026-W43", "--delivery-settings", settings, "--db", sample.Db);

        denied.Code.Should().Be(ExitCodes.Failed);
        denied.Error.Should().Contain("refused the user name or password").And.Contain("user ops");
        sent.Code.Should().Be(ExitCodes.Ok, sent.Error);
        sent.Output.Should().Contain("2 sent");
        // The mall by its name in the malls dataset (the sample's main: 星河汇购物中心, Galaxy Place), as the brief names it.
        mail.Messages().Select(m => (m.To.Mailboxes.Single().Address, m.Subject)).Should().BeEquivalentTo(new[]
        {
            ("ops.team@example.com", "星河汇购物中心 每周经营简报 2026-W43（2026年10月19日至2026年10月25日）"),
            ("leasing.team@example.com", "Weekly operations brief 2026-W43 (19 Oct 2026 to 25 Oct 2026) - Galaxy Place"),
        });
        mail.Messages().Select(m => m.TextBody).Should().Contain(b => b.Contains("附件为星河汇购物中心 2026-W43", StringComparison.Ordinal))
            .And.Contain(b => b.Contains("the weekly operations brief of Galaxy Place for 2026-W43", StringComparison.Ordinal));
        var everything = denied.Output + denied.Error + sent.Output + sent.Error + Deliveries(sample.Db);
        everything.Should().NotContain(password).And.NotContain(wrong);
    }

    [Fact]
    public async Task Deliver_DryRunWithoutServer_ListsAndSendsNothing()
    {
        var (code, output, error) = await Run(_ => null, "deliver", "merchant", "--period", "2026-09", "--db", sample.Db, "--dry-run");

        code.Should().Be(ExitCodes.Ok, error);
        output.Should().Contain("would send").And.Contain("shop.t0001@example.com").And.Contain("0 sent, 0 already sent before").And.Contain("to send (dry run)");
        Deliveries(sample.Db).Should().NotContain("2026-09");
    }

    [Fact]
    public async Task Deliver_BadOptions_OneSentenceAndUsage()
    {
        var week = await Run(_ => null, "deliver", "weekly", "--period", "2026-10", "--db", sample.Db);
        var period = await Run(_ => null, "deliver", "merchant", "--period", "2026-13", "--db", sample.Db);
        var port = await Run(name => name == "ANALYTICS_SMTP_PORT" ? "smtp" : null, "deliver", "merchant", "--period", "2026-10", "--db", sample.Db);

        week.Code.Should().Be(ExitCodes.Usage);
        week.Error.Should().Contain("takes --week");
        period.Code.Should().Be(ExitCodes.Usage);
        period.Error.Should().Contain("'2026-13' is not a month");
        port.Code.Should().Be(ExitCodes.Failed);
        port.Error.Should().Contain("ANALYTICS_SMTP_PORT is 'smtp'");
    }

    private static Func<string, string?> Server(SmtpTestServer mail, params (string Name, string Value)[] more)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ANALYTICS_SMTP_HOST"] = "127.0.0.1",
            ["ANALYTICS_SMTP_PORT"] = mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ANALYTICS_SMTP_SECURITY"] = "none",
            ["ANALYTICS_SMTP_FROM"] = "operations@example.com",
        };
        foreach (var (name, value) in more)
            variables[name] = value;
        return name => variables.GetValueOrDefault(name);
    }

    private static string Deliveries(string db)
    {
        using var connection = new Warehouse(db, new WarehouseSettings(256, 1)).Open(DeliverySample.Clock);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT coalesce(string_agg(concat_ws('|', period, recipient, status, last_error), '\n'), '') FROM deliveries";
        return (string)cmd.ExecuteScalar()!;
    }

    private static async Task<(int Code, string Output, string Error)> Run(Func<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliContext(DeliverySample.Clock, output, error, environment));
        return (code, output.ToString(), error.ToString());
    }
}
