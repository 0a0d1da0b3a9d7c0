using System.Net;
using System.Net.Sockets;
using Analytics.Api.Cli;
using Analytics.Api.Tests.Support;

namespace Analytics.Api.Tests.Verbs;

public sealed class ServeVerbTests
{
    [Theory]
    [InlineData]
    [InlineData("--workers", "0")] // a server that runs no jobs (the benchmarks start one): parsed, then the port check
    public async Task Serve_PortInUse_OneSentenceExit1AndNothingCreated(params string[] extra)
    {
        // Issue 9: 'serve' on a taken port used to die with an unhandled exception (exit 134) after creating the
        // warehouse and the job store.
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var folder = new TempFolder();
        var db = folder.File("w.duckdb");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CommandLine.RunAsync(
            ["serve", "--urls", $"http://127.0.0.1:{port}", "--db", db, "--storage", "memory", .. extra],
            new CliContext(TimeProvider.System, output, error));

        code.Should().Be(ExitCodes.Failed);
        var message = error.ToString().Trim();
        message.Should().Contain($"Port {port}").And.Contain("already in use").And.NotContain(" at ");
        message.Split('\n').Should().HaveCount(1);
        File.Exists(db).Should().BeFalse("nothing is created before the port is known to be free");
        Directory.GetFiles(folder.Path).Should().BeEmpty();
    }
}
