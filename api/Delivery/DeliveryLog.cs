using DuckDB.NET.Data;

namespace Analytics.Api.Delivery;

/// <summary>One row of the deliveries table, as GET /api/deliveries serves it.</summary>
internal sealed record DeliveryRecord(
    string MessageId, string MallId, string Document, string Period, string? TenantId, string Language, string Recipient,
    string Attachment, string AttachmentSha256, string Status, int Attempts, string? LastError,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? SentAt);

/// <summary>
/// The deliveries table: one row per message (its id derived from what it carries, see <see cref="OutgoingMail"/>),
/// written before the first try and after each, so a re-run knows what was sent and the log shows what was not.
/// </summary>
internal static class DeliveryLog
{
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Pending = "pending";

    /// <summary>The status of every message of <paramref name="ids"/> already in the table.</summary>
    public static Dictionary<string, string> Statuses(DuckDBConnection connection, IEnumerable<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return found;
        }

        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT message_id, status FROM deliveries WHERE list_contains($ids, message_id)";
        cmd.Parameters.Add(new DuckDBParameter("ids", wanted.ToList()));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            found[r.GetString(0)] = r.GetString(1);
        }

        return found;
    }

    /// <summary>Records one try of a message (or, not attempted, why it was left): its outcome, the error (or none) and the time.</summary>
    public static void Record(DuckDBConnection connection, OutgoingMail mail, string status, string? error, DateTime now, bool attempted = true)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO deliveries (message_id, mall_id, document, period, tenant_id, language, recipient, attachment, attachment_sha256,
                                    status, attempts, last_error, created_at, updated_at, sent_at)
            VALUES ($id, $mall, $doc, $period, $tenant, $lang, $to, $file, $sha, $status, $tries, $error, $now, $now, $sent)
            ON CONFLICT (message_id) DO UPDATE SET
                status = excluded.status, attempts = deliveries.attempts + excluded.attempts,
                last_error = coalesce(excluded.last_error, deliveries.last_error),  -- a message sent at a retry keeps why it waited
                attachment = excluded.attachment, attachment_sha256 = excluded.attachment_sha256,
                updated_at = excluded.updated_at, sent_at = excluded.sent_at
            """;
        cmd.Parameters.Add(new DuckDBParameter("id", mail.MessageId));
        cmd.Parameters.Add(new DuckDBParameter("mall", mail.MallId));
        cmd.Parameters.Add(new DuckDBParameter("doc", mail.Document));
        cmd.Parameters.Add(new DuckDBParameter("period", mail.Period));
        cmd.Parameters.Add(new DuckDBParameter("tenant", (object?)mail.TenantId ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("lang", mail.Language));
        cmd.Parameters.Add(new DuckDBParameter("to", mail.Recipient));
        cmd.Parameters.Add(new DuckDBParameter("file", mail.AttachmentName));
        cmd.Parameters.Add(new DuckDBParameter("sha", mail.AttachmentSha256));
        cmd.Parameters.Add(new DuckDBParameter("status", status));
        cmd.Parameters.Add(new DuckDBParameter("tries", attempted ? 1 : 0));
        cmd.Parameters.Add(new DuckDBParameter("error", (object?)error ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("now", now));
        cmd.Parameters.Add(new DuckDBParameter("sent", status == Sent ? now : DBNull.Value));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Every message of a period (YYYY-MM, or YYYY-Www for the weekly brief), briefs first, then by tenant and recipient.</summary>
    public static IReadOnlyList<DeliveryRecord> ForPeriod(DuckDBConnection connection, string period)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT message_id, mall_id, document, period, tenant_id, language, recipient, attachment, attachment_sha256,
                   status, attempts, last_error, created_at, updated_at, sent_at
            FROM deliveries WHERE period = $period
            ORDER BY mall_id, document <> 'weekly', document <> 'monthly', tenant_id NULLS FIRST, language, recipient
            """;
        cmd.Parameters.Add(new DuckDBParameter("period", period));
        using var r = cmd.ExecuteReader();
        var rows = new List<DeliveryRecord>();
        while (r.Read())
        {
            rows.Add(new DeliveryRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9), r.GetInt32(10),
                r.IsDBNull(11) ? null : r.GetString(11), r.GetDateTime(12), r.GetDateTime(13), r.IsDBNull(14) ? null : r.GetDateTime(14)));
        }

        return rows;
    }
}
