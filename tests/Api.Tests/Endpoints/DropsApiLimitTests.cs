using System.Net;
using System.Text;
using Analytics.Api.Tests.Support;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Its own class: it starts its own server, and two servers alive at once in one test process would share
/// Hangfire's static storage (see AssemblySettings).
/// </summary>
public sealed class DropsApiLimitTests
{
    [Fact]
    public async Task Upload_AdminAboveDefaultBodyLimit_Accepted()
    {
        // The server's body limit is 1 MB everywhere except an admin's upload, which gets the upload limits.
        await using var server = await RunningServer.StartAsync(o => o.Uploads.MaxFileBytes = 8 * 1024 * 1024);
        var big = "tenant_id,date,net_sales\n" + string.Concat(Enumerable.Repeat("T001,2026-10-01,1.00\n", 150_000));
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(big)), "files", "sales.csv" } };

        using var response = await server.Client("admin").PostAsync("/api/drops", content);

        big.Length.Should().BeGreaterThan((int)Analytics.Api.Server.RequestLimits.DefaultBodyLimit * 2);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }
}
