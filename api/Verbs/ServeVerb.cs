using Analytics.Api.Cli;
using Analytics.Api.Server;

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
        await app.StartAsync();
        context.Out.WriteLine($"Listening on {string.Join(", ", app.Urls)} (API reference at /scalar, jobs at /hangfire). Ctrl+C stops.");
        await app.WaitForShutdownAsync();
        return ExitCodes.Ok;
    }
}
