using Analytics.Api.Cli;
using Analytics.Api.Tests.Support;

namespace Analytics.Api.Tests.Verbs;

public sealed class UsersVerbTests
{
    [Fact]
    public async Task AddListRevoke_Merchant_KeyPrintedOnceThenRevoked()
    {
        using var folder = new TempFolder();
        var db = folder.File("w.duckdb");
        using (var connection = new Analytics.Ingest.Warehouse.Warehouse(db, new Analytics.Ingest.Warehouse.WarehouseSettings(256, 1)).Open(TimeProvider.System))
        {
            Seed.Tenants(connection);   // a merchant key is bound to a tenant the warehouse holds
        }

        var (addCode, key, _) = await Run("users", "add", "--name", "shop1", "--role", "merchant", "--tenant", "T001", "--db", db);
        var (_, listed, _) = await Run("users", "list", "--db", db);
        var (revokeCode, _, _) = await Run("users", "revoke", "--name", "shop1", "--db", db);
        var (_, after, _) = await Run("users", "list", "--db", db);
        var (againCode, _, againError) = await Run("users", "revoke", "--name", "shop1", "--db", db);

        addCode.Should().Be(ExitCodes.Ok);
        key.Trim().Should().MatchRegex("^ta_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$");
        listed.Should().Contain("shop1\tmerchant\tT001").And.Contain("active").And.NotContain(key.Trim());
        revokeCode.Should().Be(ExitCodes.Ok);
        after.Should().Contain("revoked");
        againCode.Should().Be(ExitCodes.Failed);
        againError.Should().Contain("no active user");
    }

    [Fact]
    public async Task Add_UnknownRole_FailsWithSentence()
    {
        using var folder = new TempFolder();

        var (code, _, error) = await Run("users", "add", "--name", "x", "--role", "owner", "--db", folder.File("w.duckdb"));

        code.Should().Be(ExitCodes.Failed);
        error.Should().Contain("Unknown role 'owner'");
    }

    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliContext(TimeProvider.System, output, error));
        return (code, output.ToString(), error.ToString());
    }
}
