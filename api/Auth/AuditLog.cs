using System.Security.Claims;
using DuckDB.NET.Data;

namespace Analytics.Api.Auth;

/// <summary>One line of the audit trail: who did what, when, with which outcome.</summary>
internal sealed record AuditEntry(DateTime OccurredAt, string? UserName, string? Role, string Action, string Resource, int Status, string? ClientIp);

/// <summary>The audit_log table (schema step 2). Every document download and upload is written here.</summary>
internal static class AuditLog
{
    /// <summary>The entry for an HTTP request: the caller (if authenticated), the path with its query, the client address.</summary>
    public static AuditEntry ForRequest(HttpContext http, string action, int status, DateTime at)
    {
        var user = http.User;
        var known = user.Identity?.IsAuthenticated == true;
        return new AuditEntry(at, known ? user.FindFirstValue(ClaimTypes.Name) : null, known ? user.FindFirstValue(ClaimTypes.Role) : null,
            action, http.Request.Path + http.Request.QueryString, status, http.Connection.RemoteIpAddress?.ToString());
    }

    public static void Write(DuckDBConnection connection, AuditEntry entry)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO audit_log (occurred_at, user_name, role, action, resource, status, client_ip)
            VALUES ($at, $user, $role, $action, $resource, $status, $ip)
            """;
        cmd.Parameters.Add(new DuckDBParameter("at", entry.OccurredAt));
        cmd.Parameters.Add(new DuckDBParameter("user", (object?)entry.UserName ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("role", (object?)entry.Role ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("action", entry.Action));
        cmd.Parameters.Add(new DuckDBParameter("resource", entry.Resource));
        cmd.Parameters.Add(new DuckDBParameter("status", entry.Status));
        cmd.Parameters.Add(new DuckDBParameter("ip", (object?)entry.ClientIp ?? DBNull.Value));
        cmd.ExecuteNonQuery();
    }

    public static IReadOnlyList<AuditEntry> Recent(DuckDBConnection connection, int limit)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT occurred_at, user_name, role, action, resource, status, client_ip
            FROM audit_log ORDER BY audit_id DESC LIMIT $limit
            """;
        cmd.Parameters.Add(new DuckDBParameter("limit", limit));
        var entries = new List<AuditEntry>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            entries.Add(new AuditEntry(
                r.GetDateTime(0),
                r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? null : r.GetString(2),
                r.GetString(3),
                r.GetString(4),
                r.GetInt32(5),
                r.IsDBNull(6) ? null : r.GetString(6)));
        }

        return entries;
    }
}
