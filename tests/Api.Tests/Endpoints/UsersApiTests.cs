using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Support;

namespace Analytics.Api.Tests.Endpoints;

public sealed class UsersApiTests
{
    [Fact]
    public async Task AddThenRevoke_WhileServing_NewKeyWorksThenStops()
    {
        await using var server = await RunningServer.StartAsync();
        using var admin = server.Client("admin");

        using var created = await admin.PostAsJsonAsync("/api/users", new { name = "shop3", role = "merchant", tenantId = "T003" });
        var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
        using var own = await server.Client(key).GetAsync("/api/tenants/T003/metrics?period=2026-10");
        using var other = await server.Client(key).GetAsync("/api/tenants/T001/metrics?period=2026-10");
        var listed = await admin.GetStringAsync("/api/users");
        using var revoked = await admin.DeleteAsync("/api/users/shop3");
        using var after = await server.Client(key).GetAsync("/api/tenants/T003/metrics?period=2026-10");

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        other.StatusCode.Should().Be(HttpStatusCode.NotFound);
        listed.Should().Contain("shop3").And.NotContain(key).And.NotContain("keyHash");
        revoked.StatusCode.Should().Be(HttpStatusCode.NoContent);
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("leasing", 403)]
    [InlineData("gm", 403)]
    [InlineData("merchant", 403)]
    [InlineData(null, 401)]
    public async Task Add_NotAdmin_Refused(string? identity, int expected)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client(identity).PostAsJsonAsync("/api/users", new { name = "x", role = "admin" });

        ((int)response.StatusCode).Should().Be(expected);
    }

    [Fact]
    public async Task Add_MerchantWithoutTenant_BadRequest()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client("admin").PostAsJsonAsync("/api/users", new { name = "x", role = "merchant" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("--tenant");
    }
}
