using Analytics.Ingest;
using DuckDB.NET.Data;

namespace Analytics.Api.Auth;

/// <summary>One user of the API as stored (without its key).</summary>
internal sealed record ApiUser(string Name, string Role, string? TenantId, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>The api_users table (schema step 2): add, list, revoke, and find the user a presented key belongs to.</summary>
internal static class ApiUsers
{
    /// <summary>Adds a user and returns its new key, the only time the key exists in clear.</summary>
    private static bool TenantExists(DuckDBConnection connection, string tenantId)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM tenants WHERE tenant_id = $id";
        cmd.Parameters.Add(new DuckDBParameter("id", tenantId));
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public static ApiKey Add(DuckDBConnection connection, string? name, string? role, string? tenantId, TimeProvider clock)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            throw new UserError("A user name must have 1 to 100 characters.");
        }

        // A control character cuts the name in logs and terminals (NUL ends it in C strings); a '/' makes
        // DELETE /api/users/{name} unable to name it.
        if (name.Any(c => char.IsControl(c) || c is '/' or '\\'))
        {
            throw new UserError("A user name may not hold control characters, '/' or '\\'.");
        }

        if (role is null || !Role.All.Contains(role))
        {
            throw new UserError($"Unknown role '{Printable.Of(role ?? "")}'; use one of {string.Join(", ", Role.All)}.");
        }

        if (role == Role.Merchant && !string.IsNullOrWhiteSpace(tenantId) && !TenantExists(connection, tenantId))
        {
            throw new UserError($"No tenant '{Printable.Of(tenantId)}' is in the warehouse; a merchant key is bound to an existing tenant.");
        }

        if (role == Role.Merchant && string.IsNullOrWhiteSpace(tenantId))
        {
            throw new UserError("A merchant key is bound to one tenant: give --tenant ID.");
        }

        if (role != Role.Merchant && tenantId is not null)
        {
            throw new UserError("Only a merchant key is bound to a tenant; leave out --tenant for other roles.");
        }

        if (Find(connection, name) is not null)
        {
            throw new UserError($"A user named '{name}' exists already; revoke it or choose another name.");
        }

        var key = ApiKey.Create();
        var salt = ApiKey.NewSalt();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO api_users (name, role, tenant_id, key_id, key_salt, key_hash, created_at)
            VALUES ($name, $role, $tenant, $key_id, $salt, $hash, $now)
            """;
        cmd.Parameters.Add(new DuckDBParameter("name", name));
        cmd.Parameters.Add(new DuckDBParameter("role", role));
        cmd.Parameters.Add(new DuckDBParameter("tenant", (object?)tenantId?.Trim() ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("key_id", key.KeyId));
        cmd.Parameters.Add(new DuckDBParameter("salt", salt));
        cmd.Parameters.Add(new DuckDBParameter("hash", key.Hash(salt)));
        cmd.Parameters.Add(new DuckDBParameter("now", clock.GetUtcNow().UtcDateTime));
        cmd.ExecuteNonQuery();
        return key;
    }

    public static IReadOnlyList<ApiUser> List(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name, role, tenant_id, created_at, revoked_at FROM api_users ORDER BY name";
        return Read(cmd);
    }

    public static ApiUser? Find(DuckDBConnection connection, string name)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name, role, tenant_id, created_at, revoked_at FROM api_users WHERE name = $name";
        cmd.Parameters.Add(new DuckDBParameter("name", name));
        return Read(cmd).FirstOrDefault();
    }

    /// <summary>Marks the user's key revoked (kept for the audit trail); false when there is no active user of that name.</summary>
    public static bool Revoke(DuckDBConnection connection, string name, TimeProvider clock)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE api_users SET revoked_at = $now WHERE name = $name AND revoked_at IS NULL";
        cmd.Parameters.Add(new DuckDBParameter("now", clock.GetUtcNow().UtcDateTime));
        cmd.Parameters.Add(new DuckDBParameter("name", name));
        return cmd.ExecuteNonQuery() > 0;
    }

    /// <summary>The active user holding this key, or null (unknown key id, wrong secret or revoked).</summary>
    public static ApiUser? Authenticate(DuckDBConnection connection, ApiKey key)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT name, role, tenant_id, created_at, revoked_at, key_salt, key_hash
            FROM api_users WHERE key_id = $key_id AND revoked_at IS NULL
            """;
        cmd.Parameters.Add(new DuckDBParameter("key_id", key.KeyId));
        using var reader = cmd.ExecuteReader();
        if (!reader.Read())
        {
            // Hash anyway so that an unknown key id costs the same time as a wrong secret.
            key.Matches(new byte[16], new byte[32]);
            return null;
        }

        var salt = Bytes(reader.GetValue(5));
        var hash = Bytes(reader.GetValue(6));
        return key.Matches(salt, hash) ? ReadUser(reader) : null;
    }

    private static byte[] Bytes(object value) => value switch
    {
        byte[] b => b,
        Stream s => ReadAll(s),
        _ => throw new InvalidOperationException($"Unexpected BLOB representation {value.GetType()}."),
    };

    private static byte[] ReadAll(Stream s)
    {
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    private static List<ApiUser> Read(DuckDBCommand cmd)
    {
        var users = new List<ApiUser>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            users.Add(ReadUser(reader));
        }

        return users;
    }

    private static ApiUser ReadUser(System.Data.Common.DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.GetDateTime(3),
        r.IsDBNull(4) ? null : r.GetDateTime(4));
}
