using System.Net.Sockets;
using Analytics.Ingest;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Analytics.Api.Delivery;

/// <summary>What became of one try: accepted, refused for good (5xx), deferred (4xx), or no server to talk to.</summary>
internal enum SendOutcome
{
    Sent,
    Refused,
    Deferred,
    Unreachable,
}

/// <summary>
/// One SMTP connection (MailKit) reused for a batch, opened on first use and again after it broke. Sorts failures:
/// a 5xx reply refuses this message for good; a 4xx reply or a lost or refused connection may pass later. A refused
/// login is neither: no message could be sent, so it stops the run with one sentence (that names no password).
/// </summary>
internal sealed class MailSender(SmtpSettings smtp, TimeSpan timeout) : IDisposable
{
    private SmtpClient? _client;

    public (SendOutcome Outcome, string? Error) Send(MimeMessage message)
    {
        try
        {
            Connected().Send(message);
            return (SendOutcome.Sent, null);
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            var error = $"{code} {ex.Message.Trim()}";
            if (!(_client?.IsConnected ?? false))
            {
                Drop();
            }

            return code >= 500 ? (SendOutcome.Refused, error) : (SendOutcome.Deferred, error);
        }
        catch (AuthenticationException)
        {
            Drop();
            throw new UserError($"The mail server {smtp} refused the user name or password: nothing was sent.");
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException
                                       or TimeoutException or OperationCanceledException or SslHandshakeException)
        {
            Drop();
            return (SendOutcome.Unreachable, $"{smtp}: {ex.Message.Split('\n')[0].Trim()}");
        }
    }

    private SmtpClient Connected()
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }

        Drop();
        var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            var options = smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.SslOnConnect,
            };
            client.Connect(smtp.Host!, smtp.Port, options);
            if (smtp.User is not null)
            {
                client.Authenticate(smtp.User, smtp.Password ?? "");
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _client = client;
        return client;
    }

    private void Drop()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                _client.Disconnect(quit: true);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException)
        {
            // The connection is being given up anyway.
        }

        _client.Dispose();
        _client = null;
    }

    public void Dispose() => Drop();
}
