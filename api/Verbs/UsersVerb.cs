using System.Globalization;
using Analytics.Api.Auth;
using Analytics.Api.Cli;
using Analytics.Ingest.Warehouse;

namespace Analytics.Api.Verbs;

/// <summary>
/// <c>analytics users add|list|revoke|passwd</c>: API keys and the workspace passwords. Needs the warehouse to itself, so run it while 'serve' is
/// stopped (DuckDB allows one owner process).
/// </summary>
internal static class UsersVerb
{
    public static Verb Verb { get; } = new(
        "users",
        "users add --name N --role admin|leasing|gm|merchant [--tenant ID] [--password-stdin] | users list | users revoke --name N | users passwd --name N [--db FILE]",
        "Manage users: add prints the new API key once (only its salted hash is stored); --password-stdin and passwd read a "
        + "password for the browser workspace from standard input (one line); list; revoke.",
        Run,
        new HashSet<string>(StringComparer.Ordinal) { "password-stdin" });

    private static Task<int> Run(CommandArgs args, CliContext context)
    {
        var action = args.Positional(0, "action (add, list or revoke)");
        var db = Warehouse.ResolvePath(args.Option("db"));
        return Task.FromResult(action switch
        {
            "add" => Add(args, db, context),
            "list" => List(args, db, context),
            "revoke" => Revoke(args, db, context),
            "passwd" => Passwd(args, db, context),
            _ => throw new UsageError($"Unknown action '{action}'; use add, list, revoke or passwd."),
        });
    }

    private static int Add(CommandArgs args, string db, CliContext context)
    {
        var name = args.Required("name");
        var role = args.Required("role");
        var tenant = args.Option("tenant");
        var password = args.Flag("password-stdin") ? ReadPassword(context) : null;
        args.EnsureAllRead(1);
        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        var key = ApiUsers.Add(connection, name, role, tenant, context.Clock);
        if (password is not null)
        {
            UserPasswords.Set(connection, name, password, context.Clock);
        }

        AuditLog.Write(connection, new AuditEntry(context.Clock.GetUtcNow().UtcDateTime, name, role, "users.add", $"user:{name}", 0, null));
        context.Out.WriteLine(key.ToString());
        context.Error.WriteLine($"Key for '{name}' ({role}). It is shown only now: store it safely.");
        return ExitCodes.Ok;
    }

    private static int List(CommandArgs args, string db, CliContext context)
    {
        args.EnsureAllRead(1);
        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        context.Out.WriteLine("name\trole\ttenant_id\tcreated_at\tstatus");
        foreach (var u in ApiUsers.List(connection))
        {
            var status = u.RevokedAt is { } r ? "revoked " + r.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "active";
            context.Out.WriteLine(string.Join('\t', u.Name, u.Role, u.TenantId ?? "",
                u.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), status));
        }

        return ExitCodes.Ok;
    }

    private static int Revoke(CommandArgs args, string db, CliContext context)
    {
        var name = args.Required("name");
        args.EnsureAllRead(1);
        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        if (!ApiUsers.Revoke(connection, name, context.Clock))
        {
            throw new Analytics.Ingest.UserError($"There is no active user named '{name}'.");
        }

        AuditLog.Write(connection, new AuditEntry(context.Clock.GetUtcNow().UtcDateTime, name, null, "users.revoke", $"user:{name}", 0, null));
        context.Out.WriteLine($"Revoked the key of '{name}'.");
        return ExitCodes.Ok;
    }

    private static int Passwd(CommandArgs args, string db, CliContext context)
    {
        var name = args.Required("name");
        args.EnsureAllRead(1);
        var password = ReadPassword(context);
        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        UserPasswords.Set(connection, name, password, context.Clock);
        AuditLog.Write(connection, new AuditEntry(context.Clock.GetUtcNow().UtcDateTime, name, null, "users.passwd", $"user:{name}", 0, null));
        context.Error.WriteLine($"Password of '{name}' set: sign in at /login of 'analytics serve'.");
        return ExitCodes.Ok;
    }

    /// <summary>The first line of standard input, like 'docker login --password-stdin': a password never goes on a command line.</summary>
    private static string ReadPassword(CliContext context) =>
        (context.In ?? throw new UsageError("No standard input to read the password from.")).ReadLine()?.TrimEnd('\r')
        is { Length: > 0 } line ? line : throw new UsageError("Give the password on standard input (one line).");
}
