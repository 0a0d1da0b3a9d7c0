using System.Net;
using System.Text.Json;
using Analytics.Api.Documents;
using Analytics.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Every endpoint × every identity, over a real socket: who gets 401, 403, 404 and who gets the resource. The merchant
/// key is bound to T001; every path naming another tenant (existing or not, or an id shaped like a path) must answer
/// 404, exactly like a missing tenant, so the key cannot probe ids.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.Fixture fixture) : IClassFixture<AccessMatrixTests.Fixture>
{
    private readonly RunningServer _server = fixture.Server;

    // Identities: "none" (no header), "wrong" (a well-formed key nobody holds), the roles, and merchant = T001.
    public static readonly string[] Identities = ["none", "wrong", "admin", "leasing", "gm", "merchant"];

    public static TheoryData<string, string, string, int> Matrix()
    {
        var rows = new TheoryData<string, string, string, int>();
        void Row(string method, string path, int admin, int leasing, int gm, int merchant)
        {
            rows.Add(method, path, "none", 401);
            rows.Add(method, path, "wrong", 401);
            rows.Add(method, path, "admin", admin);
            rows.Add(method, path, "leasing", leasing);
            rows.Add(method, path, "gm", gm);
            rows.Add(method, path, "merchant", merchant);
        }

        Row("GET", "/api/tenants", 200, 200, 200, 403);
        Row("GET", "/api/tenants/T001/metrics?period=2026-10", 200, 200, 200, 200);
        Row("GET", "/api/tenants/T001/score?period=2026-10", 200, 200, 200, 200);
        Row("GET", "/api/flags?period=2026-10", 200, 200, 200, 403);
        Row("GET", "/api/flags?period=2026-10&flag=replace", 200, 200, 200, 403);
        Row("GET", "/api/reports/monthly/2026-10", 200, 200, 200, 403);
        Row("GET", "/api/reports/monthly/2026-10?lang=en", 200, 200, 200, 403);
        Row("GET", "/api/reports/weekly/2026-W44", 200, 200, 200, 403);
        Row("GET", "/api/reports/weekly/2025-W53", 400, 400, 400, 403); // 2025 has 52 ISO weeks
        Row("GET", "/api/reports/monthly/2026-13", 400, 400, 400, 403);
        Row("GET", "/api/reports/monthly/2026-10?lang=fr", 400, 400, 400, 403);
        Row("GET", "/api/reports/merchant/T001/2026-10", 200, 200, 200, 200);
        Row("GET", "/api/reports/merchant/T001/2026-10?lang=en", 200, 200, 200, 200);
        Row("POST", "/api/drops", 400, 403, 403, 403); // admin passes authorization; an empty form is a 400
        Row("GET", "/api/drops/12345", 404, 403, 403, 403);
        Row("GET", "/api/users", 200, 403, 403, 403);
        Row("GET", "/api/audit/turnover-rent?period=2026-10", 200, 200, 403, 403);
        Row("GET", "/api/audit/turnover-rent?period=2026-13", 400, 400, 403, 403);
        Row("GET", "/api/budget?period=2026-10", 200, 200, 200, 403);
        Row("GET", "/api/requests?period=2026-10", 200, 200, 200, 403);
        Row("GET", "/api/tenants/T001/requests?period=2026-10", 200, 200, 200, 200);
        Row("GET", "/api/tenants/T002/requests?period=2026-10", 200, 200, 200, 404);
        Row("GET", "/api/tenants/NOPE/requests?period=2026-10", 404, 404, 404, 404);
        Row("GET", "/api/credit?period=2026-10", 200, 200, 200, 403);
        Row("GET", "/api/tenants/T001/credit?period=2026-10", 200, 200, 200, 200);
        Row("GET", "/api/tenants/T002/credit?period=2026-10", 200, 200, 200, 404);
        Row("DELETE", "/api/users/nobody", 404, 403, 403, 403);
        Row("GET", "/api/deliveries?period=2026-10", 200, 403, 200, 403);
        Row("GET", "/api/deliveries?period=2026-W44", 200, 403, 200, 403);
        Row("GET", "/api/deliveries?period=garbage", 400, 403, 400, 403);
        Row("GET", "/api/deliveries", 400, 403, 400, 403);
        // Other tenants as seen by the merchant of T001: all 404, staff see the existing one (or 404 when missing).
        Row("GET", "/api/tenants/T002/metrics?period=2026-10", 200, 200, 200, 404);
        Row("GET", "/api/tenants/T002/score?period=2026-10", 200, 200, 200, 404);
        Row("GET", "/api/tenants/T002/score?period=garbage", 400, 400, 400, 404);
        Row("GET", "/api/reports/merchant/T002/2026-10", 200, 200, 200, 404);
        Row("GET", "/api/tenants/NOPE/metrics?period=2026-10", 404, 404, 404, 404);
        Row("GET", "/api/tenants/NOPE/score?period=2026-10", 404, 404, 404, 404);
        Row("GET", "/api/reports/merchant/NOPE/2026-10", 404, 404, 404, 404);
        Row("GET", "/api/reports/merchant/..%2F..%2Fetc/2026-10", 404, 404, 404, 404);
        Row("GET", "/api/tenants/T001%27%20OR%201=1--/score?period=2026-10", 404, 404, 404, 404);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_Identity_ExpectedStatus(string method, string path, string identity, int expected)
    {
        using var client = identity switch
        {
            "none" => _server.Client(),
            "wrong" => _server.Client("ta_000000000000_notAKeyAnyoneHolds"),
            _ => _server.Client(identity),
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new MultipartFormDataContent();
        }

        using var response = await client.SendAsync(request);

        var want = expected;
        ((int)response.StatusCode).Should().Be(want, $"{identity} {method} {path} answered {await response.Content.ReadAsStringAsync()}");
        if (want == 200 && path.StartsWith("/api/reports/", StringComparison.Ordinal))
        {
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        }
    }

    [Fact]
    public async Task Health_NoKey_Ok()
    {
        using var response = await _server.Client().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"status\":\"ok\"");
    }

    [Fact]
    public async Task OpenApiAndReference_NoKey_Served()
    {
        using var client = _server.Client();

        var document = await client.GetStringAsync("/openapi/v1.json");
        using var reference = await client.GetAsync("/scalar");

        document.Should().Contain("/api/tenants/{id}/score").And.Contain("/api/drops").And.Contain("\"scheme\": \"bearer\"");
        reference.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Downloads_ServedDeniedMissing_AllWrittenToAuditLog()
    {
        using var response = await _server.Client("merchant").GetAsync("/api/reports/merchant/T001/2026-10?lang=en");
        using var denied = await _server.Client("merchant").GetAsync("/api/reports/merchant/T002/2026-10");
        using var forbidden = await _server.Client("merchant").GetAsync("/api/reports/monthly/2026-10");
        using var anonymous = await _server.Client().GetAsync("/api/reports/weekly/2026-W44?lang=en");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        denied.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var connection = _server.Warehouse();
        var entries = Analytics.Api.Auth.AuditLog.Recent(connection, 10);
        entries.Should().Contain(e => e.UserName == "merchant" && e.Action == "download"
            && e.Resource == "/api/reports/merchant/T001/2026-10?lang=en" && e.Status == 200 && e.ClientIp != null);
        entries.Should().Contain(e => e.UserName == "merchant" && e.Resource == "/api/reports/merchant/T002/2026-10" && e.Status == 404);
        entries.Should().Contain(e => e.UserName == "merchant" && e.Role == "merchant" && e.Resource == "/api/reports/monthly/2026-10" && e.Status == 403);
        entries.Should().Contain(e => e.UserName == null && e.Resource == "/api/reports/weekly/2026-W44?lang=en" && e.Status == 401);
    }

    [Fact]
    public async Task Requests_Merchant_SeesOnlyItsOwnAndStaffSeeAll()
    {
        var own = await _server.Client("merchant").GetStringAsync("/api/tenants/T001/requests?period=2026-10");
        var all = await _server.Client("gm").GetStringAsync("/api/requests?period=2026-10");

        own.Should().Contain("\"requestId\":\"RQ-T001\"").And.Contain("\"overdue\":true").And.NotContain("T002").And.NotContain("T003");
        all.Should().Contain("RQ-T001").And.Contain("RQ-T002").And.Contain("RQ-T003");
        var credit = await _server.Client("merchant").GetStringAsync("/api/tenants/T001/credit?period=2026-10");
        credit.Should().Contain("\"grade\":\"A\"").And.Contain("\"points\":100").And.NotContain("T002");
    }

    [Fact]
    public async Task Metrics_OwnTenant_FiguresOfMetricsDefinitions()
    {
        var json = await _server.Client("merchant").GetStringAsync("/api/tenants/T001/metrics?period=2026-10");

        // Seeded: 31 days × 1,000 net sales and 50 receipts on 100 m².
        json.Should().Contain("\"tenantId\":\"T001\"").And.Contain("\"netSales\":31000").And.Contain("\"transactions\":1550")
            .And.Contain("\"salesDensity\":310");
    }

    [Fact]
    public async Task Score_MerchantAndStaff_PillarsForBothModelOutputsForStaffOnly()
    {
        using var merchant = JsonDocument.Parse(await _server.Client("merchant").GetStringAsync("/api/tenants/T001/score?period=2026-10"));
        using var staff = JsonDocument.Parse(await _server.Client("gm").GetStringAsync("/api/tenants/T001/score?period=2026-10"));

        merchant.RootElement.GetProperty("tenantId").GetString().Should().Be("T001");
        merchant.RootElement.GetProperty("pillars").GetArrayLength().Should().Be(6);
        merchant.RootElement.GetProperty("risk").ValueKind.Should().Be(JsonValueKind.Null);
        merchant.RootElement.GetProperty("expectedRatio").ValueKind.Should().Be(JsonValueKind.Null);
        staff.RootElement.GetProperty("pillars").GetRawText().Should().Be(merchant.RootElement.GetProperty("pillars").GetRawText());
        staff.RootElement.GetProperty("total").GetRawText().Should().Be(merchant.RootElement.GetProperty("total").GetRawText());
    }

    [Fact]
    public async Task Flags_UnknownCode_BadRequest()
    {
        using var response = await _server.Client("gm").GetAsync("/api/flags?period=2026-10&flag=evict");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("replace");
    }

    [Fact]
    public async Task Tenants_Staff_ListsSeededTenants()
    {
        var json = await _server.Client("leasing").GetStringAsync("/api/tenants");

        json.Should().Contain("\"tenantId\":\"T001\"").And.Contain("\"tenantId\":\"T003\"").And.Contain("商户T002");
    }

    /// <summary>One server for the whole matrix, with documents as the scheduled jobs would have written them.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        internal RunningServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await RunningServer.StartAsync();
            // Documents as the scheduled jobs would have written them.
            var store = Server.Services.GetRequiredService<DocumentStore>();
            foreach (var lang in DocumentStore.Languages)
            {
                DocumentStore.WriteAtomically(store.PathFor(DocumentKind.Monthly, new Month(2026, 10), lang), "%PDF-1.7 monthly"u8);
                DocumentStore.WriteAtomically(store.PathFor(new IsoWeek(2026, 44), lang), "%PDF-1.7 weekly"u8);
                foreach (var tenant in Seed.TenantIds)
                {
                    DocumentStore.WriteAtomically(store.PathFor(DocumentKind.Merchant, new Month(2026, 10), lang, tenant), "%PDF-1.7 sheet"u8);
                }
            }
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}
