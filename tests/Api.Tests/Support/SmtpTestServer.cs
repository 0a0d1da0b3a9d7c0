using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Analytics.Api.Tests.Support;

/// <summary>
/// A real SMTP server process on 127.0.0.1 (Debian's python3-aiosmtpd, run by /usr/bin/python3: a pyenv python on
/// PATH lacks the module) that writes each accepted message to a Maildir. Either the stock Mailbox handler, or
/// Delivery/smtp_test_server.py when a test needs a recipient refused with 550 or a login required.
/// </summary>
internal sealed class SmtpTestServer : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;

    private SmtpTestServer(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }
    public string Maildir { get; }

    /// <summary>A port nobody listens on now (bound to port 0, then released).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The stock handler: <c>python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c aiosmtpd.handlers.Mailbox DIR</c>.</summary>
    public static SmtpTestServer Mailbox(string maildir, int? port = null)
    {
        var p = port ?? FreePort();
        return Start(p, maildir, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{p}", "-c", "aiosmtpd.handlers.Mailbox", maildir]);
    }

    /// <summary>The test script: <c>--refuse ADDRESS</c> answers 550 for that recipient, <c>--login USER PASSWORD</c> requires AUTH.</summary>
    public static SmtpTestServer Scripted(string maildir, params string[] options)
    {
        var p = FreePort();
        var script = Path.Combine(AppContext.BaseDirectory, "Delivery", "smtp_test_server.py");
        return Start(p, maildir, [script, p.ToString(System.Globalization.CultureInfo.InvariantCulture), maildir, .. options]);
    }

    private static SmtpTestServer Start(int port, string maildir, IReadOnlyList<string> arguments)
    {
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        }

        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true, // the script stops when its stdin closes
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + Python);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new SmtpTestServer(process, port, maildir);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                Thread.Sleep(100);
            }
            catch (SocketException)
            {
                server.Dispose();
                throw new InvalidOperationException($"The SMTP test server did not listen on 127.0.0.1:{port} (is python3-aiosmtpd installed? scripts/test.sh installs it).");
            }
        }
    }

    /// <summary>Every message the server accepted, parsed with MimeKit.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(Path.Combine(Maildir, "new")).Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    public int Count => Directory.GetFiles(Path.Combine(Maildir, "new")).Length;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
