using Analytics.Api.Auth;
using Analytics.Api.Tests.Support;
using Analytics.Ingest.Warehouse;

namespace Analytics.Api.Tests.Auth;

public sealed class ApiKeyTests
{
    [Fact]
    public void TryParse_CreatedKey_RoundTrips()
    {
        var key = ApiKey.Create();

        ApiKey.TryParse(key.ToString(), out var parsed).Should().BeTrue();
        parsed.Should().Be(key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("ta_")]
    [InlineData("ta_abc")]
    [InlineData("ta_abc_")]
    [InlineData("xx_abc_def")]
    public void TryParse_Malformed_False(string text) => ApiKey.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void Add_NewUser_StoresSaltedHashNotKey()
    {
        using var folder = new TempFolder();
        using var connection = new Warehouse(folder.File("w.duckdb"), new WarehouseSettings(256, 1)).Open(TimeProvider.System);

        var key1 = ApiUsers.Add(connection, "a", Role.Gm, null, TimeProvider.System);
        var key2 = ApiUsers.Add(connection, "b", Role.Gm, null, TimeProvider.System);

        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT string_agg(name || key_id || hex(key_salt) || hex(key_hash), '|') FROM api_users";
        var stored = (string)cmd.ExecuteScalar()!;
        stored.Should().NotContain(key1.Secret).And.NotContain(key2.Secret);
        cmd.CommandText = "SELECT count(DISTINCT key_salt) FROM api_users";
        Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(2);
        ApiUsers.Authenticate(connection, key1)!.Name.Should().Be("a");
        ApiUsers.Authenticate(connection, key2 with { Secret = key1.Secret }).Should().BeNull();
    }

    [Fact]
    public void Add_MerchantWithoutTenant_UserError()
    {
        using var folder = new TempFolder();
        using var connection = new Warehouse(folder.File("w.duckdb"), new WarehouseSettings(256, 1)).Open(TimeProvider.System);

        var act = () => ApiUsers.Add(connection, "m", Role.Merchant, null, TimeProvider.System);

        act.Should().Throw<Analytics.Ingest.UserError>().WithMessage("*--tenant*");
    }
}
