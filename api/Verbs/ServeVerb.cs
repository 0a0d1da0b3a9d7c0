using System.Net;
using System.Net.Sockets;
using Analytics.Api.Cli;
using Analytics.Api.Server;
using Analytics.Ingest;

namespace Analytics.Api.Verbs;

/// <summary><c>analytics serve</c>: the API server with the scheduled jobs, until Ctrl+C.</summary>
internal static class ServeVerb
{
    public static Verb Verb { get; } = new(
        "serve",
        "serve [--urls URL] [--db FILE] [--inbox DIR] [--out DIR] [--storage sqlite|postgres|memory] [--pg CONN] [--workers N]",
        "Run the HTTP API (default http://127.0.0.1:5080, reference at /scalar) and the scheduled jobs (dashboard at /hangfire).",
        Run);

    private static async Task<int> Run(CommandArgs args, CliContext context)
    {
        var urls = args.Option("urls");
        var db = args.Option("db");
        var inbox = args.Option("inbox");
        var outDir = args.Option("out");
        var storage = args.Option("storage");
        var pg = args.Option("pg");
        var workers = args.Number("workers");
        args.EnsureAllRead(0);
        // Before anything is created (warehouse, job store): a port already taken is the user's to fix, in one sentence.
        EnsurePortsFree(urls ?? new ServerOptions().Urls);

        await using var app = ApiServer.Build(context.Clock, o =>
        {
            o.Urls = urls ?? o.Urls;
            o.Db = db ?? o.Db;
            o.Inbox = inbox ?? o.Inbox;
            o.OutDir = outDir ?? o.OutDir;
            o.Jobs.Storage = storage ?? (pg is not null ? "postgres" : o.Jobs.Storage);
            o.Jobs.PostgresConnection = pg ?? o.Jobs.PostgresConnection;
            o.Jobs.Workers = workers is { } w ? (int)w : o.Jobs.Workers;
        });
        try
        {
            await app.StartAsync();
        }
        catch (IOException ex) when (ex.InnerException is SocketException or null)
        {
            // Another process took the port between the check and the start.
            throw new UserError($"Cannot listen on {app.Urls.FirstOrDefault() ?? urls}: {ex.Message.Split('\n')[0].Trim()}");
        }

        context.Out.WriteLine($"Listening on {string.Join(", ", app.Urls)} (API reference at /scalar, jobs at /hangfire). Ctrl+C stops.");
        await app.WaitForShutdownAsync();
        return ExitCodes.Ok;
    }

    /// <summary>Each http URL with an explicit port on a literal address or localhost: bind it once and let go.</summary>
    internal static void EnsurePortsFree(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port <= 0)
            {
                continue;
            }

            var address = uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var a) ? a : null;
            if (address is null)
            {
                continue;
            }

            try
            {
                using var probe = new TcpListener(address, uri.Port);
                probe.Start();
                probe.Stop();
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new UserError($"Port {uri.Port} on {uri.Host} is already in use by another process: stop it or choose another with --urls.");
            }
        }
    }
}
