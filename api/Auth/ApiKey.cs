using System.Security.Cryptography;
using System.Text;

namespace Analytics.Api.Auth;

/// <summary>
/// An API key: <c>ta_{keyId}_{secret}</c>. The key id is public and finds the user row; the secret is 256 random
/// bits, of which only SHA-256(salt || secret) with a per-key random salt is stored. A slow hash (PBKDF2) guards
/// low-entropy passwords; for a 256-bit random secret one salted SHA-256 is as strong and keeps each request fast.
/// </summary>
internal sealed record ApiKey(string KeyId, string Secret)
{
    private const string Prefix = "ta_";

    public override string ToString() => $"{Prefix}{KeyId}_{Secret}";

    public static ApiKey Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new ApiKey(id, secret);
    }

    public static bool TryParse(string? text, out ApiKey key)
    {
        key = new ApiKey("", "");
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > 200)
        {
            return false;
        }

        var rest = text[Prefix.Length..];
        var sep = rest.IndexOf('_', StringComparison.Ordinal);
        if (sep <= 0 || sep == rest.Length - 1)
        {
            return false;
        }

        key = new ApiKey(rest[..sep], rest[(sep + 1)..]);
        return true;
    }

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(16);

    public byte[] Hash(byte[] salt)
    {
        var secret = Encoding.UTF8.GetBytes(Secret);
        var buffer = new byte[salt.Length + secret.Length];
        salt.CopyTo(buffer, 0);
        secret.CopyTo(buffer, salt.Length);
        return SHA256.HashData(buffer);
    }

    /// <summary>Constant-time comparison, so the time taken says nothing about how much of a guess was right.</summary>
    public bool Matches(byte[] salt, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(salt), storedHash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
