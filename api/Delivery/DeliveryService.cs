using Analytics.Api.Documents;
using Analytics.Model.Malls;
using DuckDB.NET.Data;

namespace Analytics.Api.Delivery;

/// <summary>How one planned message ended in this run.</summary>
internal enum DeliveryState
{
    /// <summary>Accepted by the server now.</summary>
    Sent,
    /// <summary>Sent by an earlier run (same Message-ID): not sent again.</summary>
    AlreadySent,
    /// <summary>Refused for good (5xx), now or by an earlier run; not retried until the address changes.</summary>
    Refused,
    /// <summary>Not accepted yet (4xx, server unreachable): the next run or the job's retry sends it.</summary>
    Pending,
    /// <summary>Dry run: would be sent.</summary>
    WouldSend,
    /// <summary>A merchant without a contact_email: its sheet is written but not mailed.</summary>
    NoAddress,
}

/// <summary>One line of a run's report: the document, to whom, and what became of it.</summary>
internal sealed record DeliveryLine(string Document, string Period, string? TenantId, string Language, string? Recipient, string Attachment,
    DeliveryState State, string? Error, string? MessageId);

/// <summary>What a run did, line by line, with the counts the verb and the job print.</summary>
internal sealed record DeliveryReport(IReadOnlyList<DeliveryLine> Lines)
{
    public int Count(DeliveryState state) => Lines.Count(l => l.State == state);

    public string Summary => $"{Count(DeliveryState.Sent)} sent, {Count(DeliveryState.AlreadySent)} already sent before, "
        + $"{Count(DeliveryState.Refused)} refused, {Count(DeliveryState.Pending)} pending, {Count(DeliveryState.NoAddress)} without an address"
        + (Count(DeliveryState.WouldSend) > 0 ? $", {Count(DeliveryState.WouldSend)} to send (dry run)" : "");
}

/// <summary>
/// Mails documents: plans one message per recipient and document (a merchant's sheet goes to that merchant's
/// contact_email only, a brief to the recipients the settings name for its mall and language), skips what the
/// deliveries table says was sent or refused, and sends the rest over one SMTP connection. A message the server
/// defers (4xx) or cannot take (no connection) is tried again with a doubling wait; when the server stays
/// unreachable, the rest of the batch is left pending for the next run instead of waiting on each message.
/// </summary>
internal sealed class DeliveryService(DeliverySettings settings, TimeProvider clock)
{
    public DeliveryReport Deliver(DuckDBConnection connection, string mallId, IReadOnlyList<DeliveryDocument> documents, bool dryRun,
        Func<SmtpSettings>? smtp = null)
    {
        var lines = new List<DeliveryLine>();
        var mails = new List<OutgoingMail>();
        var addresses = documents.Any(d => d.Kind == DocumentKind.Merchant) ? ContactAddresses(connection, mallId) : [];
        var mall = MallDirectory.Of(connection, mallId);
        foreach (var document in documents)
        {
            IReadOnlyList<string> recipients = document.Kind == DocumentKind.Merchant
                ? addresses.TryGetValue(document.TenantId!, out var own) ? [own] : []
                : settings.BriefRecipientsOf(mallId, document.Kind, document.Language);
            if (recipients.Count == 0 && document.Kind == DocumentKind.Merchant)
            {
                lines.Add(new DeliveryLine("merchant", document.Period, document.TenantId, document.Language, null, document.FileName,
                    DeliveryState.NoAddress, null, null));
            }

            mails.AddRange(recipients.Select(r => OutgoingMail.For(mall, document, r)));
        }

        var known = DeliveryLog.Statuses(connection, mails.Select(m => m.MessageId));
        var toSend = new List<OutgoingMail>();
        foreach (var mail in mails)
        {
            var state = known.GetValueOrDefault(mail.MessageId) switch
            {
                DeliveryLog.Sent => DeliveryState.AlreadySent,
                DeliveryLog.Failed => DeliveryState.Refused,
                _ when dryRun => DeliveryState.WouldSend,
                _ => (DeliveryState?)null,
            };
            if (state is { } s)
            {
                lines.Add(Line(mail, s, s == DeliveryState.Refused ? "refused by an earlier run" : null));
            }
            else
            {
                toSend.Add(mail);
            }
        }

        if (toSend.Count > 0)
        {
            var server = (smtp ?? (() => settings.SmtpServer()))();
            server.EnsureUsable();
            // The sheets to be sent, made on all cores before the first message goes out (a sheet is rendered from the
            // month's loaded data alone; a brief may read the warehouse connection, which serves one call at a time).
            Parallel.ForEach(toSend.Select(m => m.Source).Where(d => d.Kind == DocumentKind.Merchant).Distinct(), d => _ = d.Pdf);
            lines.AddRange(Send(connection, server, toSend));
        }

        return new DeliveryReport(lines);
    }

    private List<DeliveryLine> Send(DuckDBConnection connection, SmtpSettings server, List<OutgoingMail> mails)
    {
        var lines = new List<DeliveryLine>();
        using var sender = new MailSender(server, settings.Timeout);
        var unreachable = false;
        foreach (var mail in mails)
        {
            if (unreachable)
            {
                const string notTried = "not tried: the mail server was unreachable";
                DeliveryLog.Record(connection, mail, DeliveryLog.Pending, notTried, Now, attempted: false);
                lines.Add(Line(mail, DeliveryState.Pending, notTried));
                continue;
            }

            var message = mail.ToMime(server.From!, clock.GetUtcNow());
            for (var attempt = 1; ; attempt++)
            {
                var (outcome, error) = sender.Send(message);
                if (outcome == SendOutcome.Sent)
                {
                    DeliveryLog.Record(connection, mail, DeliveryLog.Sent, null, Now);
                    lines.Add(Line(mail, DeliveryState.Sent, null));
                    break;
                }

                if (outcome == SendOutcome.Refused)
                {
                    DeliveryLog.Record(connection, mail, DeliveryLog.Failed, error, Now);
                    lines.Add(Line(mail, DeliveryState.Refused, error));
                    break;
                }

                DeliveryLog.Record(connection, mail, DeliveryLog.Pending, error, Now);
                if (attempt >= settings.MaxAttempts)
                {
                    lines.Add(Line(mail, DeliveryState.Pending, error));
                    unreachable = outcome == SendOutcome.Unreachable;
                    break;
                }

                // Real time, not the injected clock: this waits for a server to come back, it dates nothing.
                Thread.Sleep(settings.FirstRetryDelay * Math.Pow(2, attempt - 1));
            }
        }

        return lines;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static DeliveryLine Line(OutgoingMail mail, DeliveryState state, string? error) =>
        new(mail.Document, mail.Period, mail.TenantId, mail.Language, mail.Recipient, mail.AttachmentName, state, error, mail.MessageId);

    /// <summary>Each merchant's address: the contact_email of its latest lease that has one.</summary>
    private static Dictionary<string, string> ContactAddresses(DuckDBConnection connection, string mallId)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT tenant_id, arg_max(contact_email, lease_start) FROM tenants
            WHERE mall_id = $mall AND contact_email IS NOT NULL GROUP BY tenant_id
            """;
        cmd.Parameters.Add(new DuckDBParameter("mall", mallId));
        using var r = cmd.ExecuteReader();
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read())
        {
            found[r.GetString(0)] = r.GetString(1);
        }

        return found;
    }
}
