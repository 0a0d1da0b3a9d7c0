using System.Globalization;
using Analytics.Ingest;
using Analytics.Ingest.Contract;

namespace Analytics.Api.Delivery;

/// <summary>How the mail server is reached: plain, STARTTLS on a plain connection, or TLS from the first byte.</summary>
internal enum SmtpSecurity
{
    None,
    StartTls,
    Tls,
}

/// <summary>
/// The mail server and its credentials. Read from the environment (ANALYTICS_SMTP_*), over the "smtp" block of the
/// delivery settings file; never from the command line, where any user of the machine could read them in the process
/// list. A class, not a record: a record's generated ToString would print the password into any log that formats it.
/// </summary>
internal sealed class SmtpSettings
{
    public const string HostVariable = "ANALYTICS_SMTP_HOST";
    public const string PortVariable = "ANALYTICS_SMTP_PORT";
    public const string SecurityVariable = "ANALYTICS_SMTP_SECURITY";
    public const string UserVariable = "ANALYTICS_SMTP_USER";
    public const string PasswordVariable = "ANALYTICS_SMTP_PASSWORD";
    public const string FromVariable = "ANALYTICS_SMTP_FROM";

    public string? Host { get; init; }

    /// <summary>Default by security: 25 (none), 587 (starttls), 465 (tls).</summary>
    public int Port { get; init; }

    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;
    public string? User { get; init; }
    public string? Password { get; init; }
    public string? From { get; init; }

    /// <summary>A server is configured: the delivery job runs after the documents are written.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The file's block (may be null) with each variable that is set taking precedence.</summary>
    public static SmtpSettings Resolve(SmtpFileBlock? file, Func<string, string?> environment)
    {
        string? Read(string variable, string? fallback) =>
            environment(variable) is { Length: > 0 } v ? v.Trim() : fallback;

        var securityText = Read(SecurityVariable, file?.Security) ?? "starttls";
        var security = securityText.Trim().ToLowerInvariant() switch
        {
            "none" => SmtpSecurity.None,
            "starttls" => SmtpSecurity.StartTls,
            "tls" or "ssl" => SmtpSecurity.Tls,
            _ => throw new UserError($"{SecurityVariable} is '{securityText}': use none, starttls or tls."),
        };
        var portText = Read(PortVariable, file?.Port?.ToString(CultureInfo.InvariantCulture));
        var port = security switch { SmtpSecurity.None => 25, SmtpSecurity.StartTls => 587, _ => 465 };
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new UserError($"{PortVariable} is '{portText}': give a port number from 1 to 65535.");
        }

        var from = Read(FromVariable, file?.From);
        if (from is not null && !DataContract.IsEmail(from))
        {
            throw new UserError($"{FromVariable} is '{from}', which is not a mail address.");
        }

        return new SmtpSettings
        {
            Host = Read(HostVariable, file?.Host),
            Port = port,
            Security = security,
            User = Read(UserVariable, file?.User),
            // Not trimmed: a password may end in a space.
            Password = environment(PasswordVariable) is { Length: > 0 } p ? p : file?.Password,
            From = from,
        };
    }

    /// <summary>Says what is missing before anything is sent.</summary>
    public void EnsureUsable()
    {
        if (!Configured)
        {
            throw new UserError($"No mail server: set {HostVariable} (and {PortVariable}, {SecurityVariable}, {UserVariable}, {PasswordVariable}, {FromVariable}) or the \"smtp\" block of the delivery settings.");
        }

        if (From is null)
        {
            throw new UserError($"No sender address: set {FromVariable} (or \"from\" in the \"smtp\" block of the delivery settings).");
        }

        if (User is not null && Password is null)
        {
            throw new UserError($"{UserVariable} is set but no password: set {PasswordVariable} (or \"password\" in the delivery settings file).");
        }
    }

    /// <summary>For logs and messages: the server and the user, never the password.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port} ({Security.ToString().ToLowerInvariant()}{(User is null ? "" : ", user " + User)})");
}

/// <summary>The "smtp" block of the delivery settings file (environment variables override each value).</summary>
internal sealed class SmtpFileBlock
{
    public string? Host { get; init; }
    public int? Port { get; init; }
    public string? Security { get; init; }
    public string? User { get; init; }
    public string? Password { get; init; }
    public string? From { get; init; }

    public override string ToString() => "smtp settings";
}
