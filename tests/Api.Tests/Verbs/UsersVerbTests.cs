using Analytics.Api.Auth;
using Analytics.Api.Cli;
using Analytics.Api.Tests.Support;
using Analytics.Ingest.Warehouse;

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

    [Fact]
    public async Task Passwords_ReadFromStandardInput_StoredAsAHash_CheckedWithLockout()
    {
        using var folder = new TempFolder();
        var db = folder.File("w.duckdb");

        var (addCode, _, _) = await RunWithInput("first-password-1\n", "users", "add", "--name", "lea", "--role", "leasing", "--password-stdin", "--db", db);
        var (passwdCode, _, _) = await RunWithInput("second-password-2\n", "users", "passwd", "--name", "lea", "--db", db);
        var (shortCode, _, shortError) = await RunWithInput("short\n", "users", "passwd", "--name", "lea", "--db", db);
        var (emptyCode, _, emptyError) = await RunWithInput("", "users", "passwd", "--name", "lea", "--db", db);

        addCode.Should().Be(ExitCodes.Ok);
        passwdCode.Should().Be(ExitCodes.Ok);
        shortCode.Should().Be(ExitCodes.Failed);
        shortError.Should().Contain("10 to 200 characters");
        emptyCode.Should().Be(ExitCodes.Usage);
        emptyError.Should().Contain("standard input");
        using var connection = new Warehouse(db, new WarehouseSettings()).Open(TimeProvider.System);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT password_hash FROM user_passwords WHERE name = 'lea'";
            cmd.ExecuteScalar()!.ToString().Should().NotContain("password", "only the PBKDF2 hash is stored");
        }

        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
        UserPasswords.Verify(connection, "lea", "first-password-1", clock).Status.Should().Be(UserPasswords.SignInStatus.Wrong, "the password was changed");
        UserPasswords.Verify(connection, "lea", "second-password-2", clock).User!.Role.Should().Be("leasing");
        UserPasswords.Verify(connection, "nobody", "second-password-2", clock).Status.Should().Be(UserPasswords.SignInStatus.Wrong);
        for (var i = 1; i < UserPasswords.MaxFailures; i++)
        {
            UserPasswords.Verify(connection, "lea", "guess", clock).Status.Should().Be(UserPasswords.SignInStatus.Wrong);
        }

        UserPasswords.Verify(connection, "lea", "guess", clock).Status.Should().Be(UserPasswords.SignInStatus.LockedOut);
        UserPasswords.Verify(connection, "lea", "second-password-2", clock).Status.Should().Be(UserPasswords.SignInStatus.LockedOut);
        clock.Advance(UserPasswords.LockoutTime);
        UserPasswords.Verify(connection, "lea", "second-password-2", clock).Status.Should().Be(UserPasswords.SignInStatus.Ok);
    }

    private static Task<(int Code, string Out, string Error)> Run(params string[] args) => RunWithInput(null, args);

    private static async Task<(int Code, string Out, string Error)> RunWithInput(string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliContext(TimeProvider.System, output, error, In: input is null ? null : new StringReader(input)));
        return (code, output.ToString(), error.ToString());
    }
}
