using Analytics.Ingest;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Identity;

namespace Analytics.Api.Auth;

/// <summary>
/// People's passwords (schema step 5, table user_passwords): a user of api_users may also sign in to the workspace with
/// a password. Stored as ASP.NET Core Identity's PasswordHasher output (PBKDF2 with a random salt, self-describing, so
/// the iteration count can rise later). After <see cref="MaxFailures"/> wrong passwords in a row the user is locked out
/// for <see cref="LockoutTime"/>: a guess-rate limit per account, beside the per-address limit of FailedAttemptLimiter.
/// </summary>
internal static class UserPasswords
{
    public const int MaxFailures = 5;
    public const int MinLength = 10;
    public const int MaxLength = 200;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<ApiUser> Hasher = new();

    /// <summary>The outcome of a sign-in attempt; only <see cref="SignInResult.Ok"/> carries the user.</summary>
    internal enum SignInStatus { Ok, Wrong, LockedOut }

    internal sealed record SignInResult(SignInStatus Status, ApiUser? User);

    public static void Set(DuckDBConnection connection, string name, string password, TimeProvider clock)
    {
        if (ApiUsers.Find(connection, name) is not { RevokedAt: null } user)
        {
            throw new UserError($"There is no active user named '{name}'.");
        }

        password = password.TrimEnd('\r', '\n');
        if (password.Length < MinLength || password.Length > MaxLength)
        {
            throw new UserError($"A password must have {MinLength} to {MaxLength} characters.");
        }

        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT OR REPLACE INTO user_passwords (name, password_hash, changed_at, failed_logins, locked_until)
            VALUES ($name, $hash, $now, 0, NULL)
            """;
        cmd.Parameters.Add(new DuckDBParameter("name", user.Name));
        cmd.Parameters.Add(new DuckDBParameter("hash", Hasher.HashPassword(user, password)));
        cmd.Parameters.Add(new DuckDBParameter("now", clock.GetUtcNow().UtcDateTime));
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Checks a password. A wrong one counts against the user; the fifth in a row locks the account. While locked, even
    /// the right password is refused (and the hash is still computed, so the answer's timing says nothing).
    /// </summary>
    public static SignInResult Verify(DuckDBConnection connection, string name, string password, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = ApiUsers.Find(connection, name.Trim());
        string? hash = null;
        var failures = 0;
        DateTime? lockedUntil = null;
        if (user is { RevokedAt: null })
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT password_hash, failed_logins, locked_until FROM user_passwords WHERE name = $name";
            cmd.Parameters.Add(new DuckDBParameter("name", user.Name));
            using var r = cmd.ExecuteReader();
            if (r.Read())
            {
                hash = r.GetString(0);
                failures = r.GetInt32(1);
                lockedUntil = r.IsDBNull(2) ? null : r.GetDateTime(2);
            }
        }

        var probe = user ?? new ApiUser(name, "", null, now, null);
        var matches = Hasher.VerifyHashedPassword(probe, hash ?? Dummy, password) != PasswordVerificationResult.Failed && hash is not null;
        if (user is null || hash is null)
        {
            return new SignInResult(SignInStatus.Wrong, null);
        }

        if (lockedUntil is { } until && until > now)
        {
            return new SignInResult(SignInStatus.LockedOut, null);
        }

        if (!matches)
        {
            failures++;
            Update(connection, user.Name, failures >= MaxFailures ? 0 : failures, failures >= MaxFailures ? now + LockoutTime : null);
            return new SignInResult(failures >= MaxFailures ? SignInStatus.LockedOut : SignInStatus.Wrong, null);
        }

        Update(connection, user.Name, 0, null);
        return new SignInResult(SignInStatus.Ok, user);
    }

    public static bool HasPassword(DuckDBConnection connection, string name)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM user_passwords WHERE name = $name";
        cmd.Parameters.Add(new DuckDBParameter("name", name));
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    // A hash of no one's password, verified when the user is unknown so both answers cost one PBKDF2 run.
    private static readonly string Dummy = Hasher.HashPassword(new ApiUser("", "", null, DateTime.UnixEpoch, null), Guid.NewGuid().ToString("N"));

    private static void Update(DuckDBConnection connection, string name, int failures, DateTime? lockedUntil)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE user_passwords SET failed_logins = $n, locked_until = $until WHERE name = $name";
        cmd.Parameters.Add(new DuckDBParameter("n", failures));
        cmd.Parameters.Add(new DuckDBParameter("until", lockedUntil is { } u ? u : DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("name", name));
        cmd.ExecuteNonQuery();
    }
}
