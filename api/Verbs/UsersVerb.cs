using System.CommandLine;
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
    public static Command Command(CliContext context)
    {
        var command = new Command("users",
            "Manage users: add prints the new API key once (only its salted hash is stored); --password-stdin and passwd read a "
            + "password for the browser workspace from standard input (one line); list; revoke.");

        var name = CliOptions.Text("--name", "N", "The user's name.");
        name.Required = true;
        var role = CliOptions.Text("--role", "admin|leasing|gm|merchant", "The user's role.");
        role.Required = true;
        var tenant = CliOptions.Text("--tenant", "ID", "The merchant's tenant (role merchant).");
        var passwordStdin = CliOptions.Flag("--password-stdin", "Also set a workspace password, read from standard input (one line).");
        var db = CliOptions.Db();
        var add = new Command("add", "Adds a user and prints the new API key once.") { name, role, tenant, passwordStdin, db };
        add.SetAction(parse => Add(parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(tenant), parse.GetValue(passwordStdin), Db(parse, db), context));
        command.Subcommands.Add(add);

        var listDb = CliOptions.Db();
        var list = new Command("list", "Lists the users and whether their key is active.") { listDb };
        list.SetAction(parse => List(Db(parse, listDb), context));
        command.Subcommands.Add(list);

        foreach (var (verb, description, action) in new (string, string, Func<string, string, CliContext, int>)[]
        {
            ("revoke", "Revokes the user's key.", Revoke),
            ("passwd", "Sets the user's workspace password, read from standard input (one line).", Passwd),
        })
        {
            var who = CliOptions.Text("--name", "N", "The user's name.");
            who.Required = true;
            var store = CliOptions.Db();
            var sub = new Command(verb, description) { who, store };
            sub.SetAction(parse => action(parse.GetValue(who)!, Db(parse, store), context));
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static string Db(ParseResult parse, Option<string?> db) => Warehouse.ResolvePath(parse.GetValue(db));

    private static int Add(string name, string role, string? tenant, bool passwordStdin, string db, CliContext context)
    {
        var password = passwordStdin ? ReadPassword(context) : null;
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

    private static int List(string db, CliContext context)
    {
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

    private static int Revoke(string name, string db, CliContext context)
    {
        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        if (!ApiUsers.Revoke(connection, name, context.Clock))
        {
            throw new Analytics.Ingest.UserError($"There is no active user named '{name}'.");
        }

        AuditLog.Write(connection, new AuditEntry(context.Clock.GetUtcNow().UtcDateTime, name, null, "users.revoke", $"user:{name}", 0, null));
        context.Out.WriteLine($"Revoked the key of '{name}'.");
        return ExitCodes.Ok;
    }

    private static int Passwd(string name, string db, CliContext context)
    {
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
