using System.Net;
using System.Text.Json;
using Analytics.Api.Jobs;
using Analytics.Api.Tests.Support;
using Analytics.Ingest.Warehouse;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// The sales contest and the malls dataset over a real socket: staff see every winner, a merchant only
/// its own win without anything drawn from other contestants; staff read the mall's name; the jobs run in the mall's
/// time zone.
/// </summary>
public sealed class ContestAndMallsApiTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        // The seed's three tenants plus a fourth fashion shop: T001 (3,000 a day on 100 m²) wins fashion against T002
        // (1,000) and T004 (500). The malls row names the mall and puts it in London.
        var db = _folder.File("analytics.duckdb");
        using (var connection = new Warehouse(db, new WarehouseSettings(256, 1)).Open(TimeProvider.System))
        {
            Seed.Tenants(connection);
            foreach (var sql in new[]
                     {
                         """
                         INSERT INTO tenants (mall_id, tenant_id, tenant_name, brand, category, unit_id, floor, area_sqm,
                             lease_start, lease_end, base_rent, turnover_rate_pct, service_charge, load_id)
                         VALUES ('main', 'T004', '商户T004', NULL, 'fashion', 'U-T004', '1F', 100, DATE '2024-01-01', DATE '2027-12-31', 20000, 0, 1000, 0)
                         """,
                         "INSERT INTO sales SELECT 'main', 'T004', d::DATE, 500, 20, 0 FROM range(DATE '2026-10-01', DATE '2026-11-01', INTERVAL 1 DAY) t(d)",
                         "UPDATE sales SET net_sales = 3000 WHERE tenant_id = 'T001'",
                         "INSERT INTO malls VALUES ('main', '星河汇购物中心', 'Galaxy Place', '成都', 'Europe/London', 'CNY', 0)",
                     })
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = sql;
                cmd.ExecuteNonQuery();
            }
        }

        _server = await RunningServer.StartAsync(warehouse: db);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Contest_Leasing_EveryWinnerWithItsBenchmark()
    {
        using var json = JsonDocument.Parse(await _server.Client("leasing").GetStringAsync("/api/contest?period=2026-10"));

        var wins = json.RootElement.EnumerateArray().Select(w => (Scope: w.GetProperty("scope").GetString(), Award: w.GetProperty("award").GetString(),
            Tenant: w.GetProperty("tenantId").GetString(), Score: w.GetProperty("score").GetDouble())).ToList();
        wins.Should().BeEquivalentTo(new[] { ("category", "best_density", "T001", 3000.0 / 750), ("mall", "best_density", "T001", 3000.0 / 750) },
            because: "T001's 930 per m² against the median of T002 (310) and T004 (155); f&b has one tenant, and nobody has last year's sales");
        (await _server.Client("gm").GetAsync("/api/contest?period=2026-10")).StatusCode.Should().Be(HttpStatusCode.OK,
            "the GM reads the same winners in the monthly brief");
        (await _server.Client("merchant").GetAsync("/api/contest?period=2026-10")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _server.Client("admin").GetAsync("/api/contest?period=2026-13")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TenantContest_Merchant_OnlyItsOwnWinWithoutOtherContestantsFigures()
    {
        var own = await _server.Client("merchant").GetStringAsync("/api/tenants/T001/contest?period=2026-10");
        var none = await _server.Client("merchant2").GetStringAsync("/api/tenants/T002/contest?period=2026-10");
        using var other = await _server.Client("merchant").GetAsync("/api/tenants/T002/contest?period=2026-10");

        own.Should().Contain("\"award\":\"best_density\"").And.Contain("\"value\":930").And.NotContain("benchmark").And.NotContain("lead")
            .And.NotContain("T002").And.NotContain("T004");
        none.Should().Be("[]");
        other.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Malls_Staff_NameAndEnglishName()
    {
        var json = await _server.Client("gm").GetStringAsync("/api/malls");

        json.Should().Contain("\"name\":\"星河汇购物中心\"").And.Contain("\"nameEn\":\"Galaxy Place\"").And.Contain("\"timeZone\":\"Europe/London\"");
        (await _server.Client("merchant").GetAsync("/api/malls")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void Jobs_MallGivesATimeZone_SchedulesInIt()
    {
        using var connection = _server.Services.GetRequiredService<JobStorage>().GetConnection();

        _server.Options.Jobs.TimeZone.Should().Be("Asia/Shanghai", because: "the configured zone is the default");
        _server.Services.GetRequiredService<MallClock>().Zone.Id.Should().Be("Europe/London");
        connection.GetRecurringJobs().Should().HaveCount(3).And.OnlyContain(j => j.TimeZoneId == "Europe/London");
    }
}
