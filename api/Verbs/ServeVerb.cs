using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Analytics.Api.Cli;
using Analytics.Api.Server;
using Analytics.Ingest;

namespace Analytics.Api.Verbs;

/// <summary><c>analytics serve</c>: the API server with the scheduled jobs, until Ctrl+C.</summary>
internal static class ServeVerb
{
    public static Command Command(CliContext context)
    {
        var urls = CliOptions.Text("--urls", "URL", "Where to listen (default http://127.0.0.1:5080; several separated by ';').");
        var db = CliOptions.Db();
        var inbox = CliOptions.Text("--inbox", "DIR", "The folder watched for new drops.");
        var outDir = CliOptions.Text("--out", "DIR", "Where the documents are written.");
        var storage = CliOptions.Text("--storage", "sqlite|postgres|memory", "Where the jobs are kept (default sqlite).");
        var pg = CliOptions.Text("--pg", "CONN", "PostgreSQL connection string of the job store (implies --storage postgres).");
        var workers = CliOptions.Count("--workers", "Job workers (0: this server runs no jobs, e.g. beside another that does).", minimum: 0);
        var command = new Command("serve",
            "Run the HTTP API (default http://127.0.0.1:5080, reference at /scalar) and the scheduled jobs (dashboard at /hangfire).")
        {
            urls, db, inbox, outDir, storage, pg, workers,
        };
        command.SetAction(parse => Run(context, parse.GetValue(urls), parse.GetValue(db), parse.GetValue(inbox), parse.GetValue(outDir), parse.GetValue(storage),
            parse.GetValue(pg), parse.GetValue(workers)));
        return command;
    }

    private static async Task<int> Run(CliContext context, string? urls, string? db, string? inbox, string? outDir, string? storage, string? pg, int? workers)
    {
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
            o.Jobs.Workers = workers ?? o.Jobs.Workers;
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
