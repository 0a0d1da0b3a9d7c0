using System.Globalization;
using Analytics.Api.Auth;
using Analytics.Api.Cli;
using Analytics.Ingest.Warehouse;

namespace Analytics.Api.Verbs;

/// <summary>
/// <c>analytics users add|list|revoke</c>: API keys. Needs the warehouse to itself, so run it while 'serve' is
/// stopped (DuckDB allows one owner process).
/// </summary>
internal static class UsersVerb
{
    public static Verb Verb { get; } = new(
        "users",
        "users add --name N --role admin|leasing|gm|merchant [--tenant ID] | users list | users revoke --name N [--db FILE]",
        "Manage API keys: add prints the new key once (only its salted hash is stored); list; revoke.",
        Run);

    private static Task<int> Run(CommandArgs args, CliContext context)
    {
        var action = args.Positional(0, "action (add, list or revoke)");
        var db = Warehouse.ResolvePath(args.Option("db"));
        return Task.FromResult(action switch
        {
            "add" => Add(args, db, context),
            "list" => List(args, db, context),
            "revoke" => Revoke(args, db, context),
            _ => throw new UsageError($"Unknown action '{action}'; use add, list or revoke."),
        });
    }

    private static int Add(CommandArgs args, string db, CliContext context)
    {
        var name = args.Required("name");
        var role = args.Required("role");
        var tenant = args.Option("tenant");
        args.EnsureAllRead(1);
        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        var key = ApiUsers.Add(connection, name, role, tenant, context.Clock);
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
}
