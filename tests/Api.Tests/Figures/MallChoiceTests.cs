using System.Net;
using System.Text.Json;
using Analytics.Api.Cli;
using Analytics.Api.Tests.Support;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Analysis;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Api.Tests.Figures;

// ?mall= and --mall on a warehouse with one mall (the default) and with two (named, or a 400 / usage error naming
// both); the 'analyse' verb storing the month's analysis that the readers then read.
public sealed class MallChoiceTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Api_OneMall_MallOptionalAndNamedGiveTheSameScore()
    {
        await using var server = await RunningServer.StartAsync(clock: Clock);
        var client = server.Client("gm");

        using var none = JsonDocument.Parse(await client.GetStringAsync("/api/tenants/T001/score?period=2026-10"));
        using var named = JsonDocument.Parse(await client.GetStringAsync("/api/tenants/T001/score?period=2026-10&mall=main"));
        using var unknown = await client.GetAsync("/api/tenants/T001/score?period=2026-10&mall=nowhere");

        named.RootElement.GetProperty("total").GetRawText().Should().Be(none.RootElement.GetProperty("total").GetRawText());
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("nowhere").And.Contain("main");
    }

    [Fact]
    public async Task Api_TwoMalls_NoMallIs400NamingBoth_NamedMallAnswersForItsTenantsOnly()
    {
        using var folder = new TempFolder();
        var db = TwoMalls(folder);
        await using var server = await RunningServer.StartAsync(clock: Clock, warehouse: db);
        var client = server.Client("gm");

        foreach (var path in new[] { "/api/tenants/T001/score?period=2026-10", "/api/flags?period=2026-10", "/api/credit?period=2026-10", "/api/budget?period=2026-10" })
        {
            using var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, path);
            (await response.Content.ReadAsStringAsync()).Should().Contain("2 malls").And.Contain("main, north").And.Contain("?mall=", path);
        }

        using var main = await client.GetAsync("/api/tenants/T001/score?period=2026-10&mall=main");
        using var north = JsonDocument.Parse(await client.GetStringAsync("/api/tenants/N001/score?period=2026-10&mall=north"));
        using var elsewhere = await client.GetAsync("/api/tenants/N001/score?period=2026-10&mall=main");
        using var flags = await client.GetAsync("/api/flags?period=2026-10&mall=north");

        main.StatusCode.Should().Be(HttpStatusCode.OK);
        north.RootElement.GetProperty("tenantId").GetString().Should().Be("N001");
        elsewhere.StatusCode.Should().Be(HttpStatusCode.NotFound, "N001 is not a tenant of mall main");
        flags.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cli_TwoMalls_NoMallIsAUsageErrorNamingBoth_MallNamedWorks()
    {
        using var folder = new TempFolder();
        var db = TwoMalls(folder);

        foreach (var verb in new[] { "metrics", "score", "flags", "audit", "credit", "analyse" })
        {
            var (code, _, error) = await Run(verb, "--period", "2026-10", "--db", db);
            code.Should().Be(ExitCodes.Usage, verb);
            error.Split('\n')[0].Should().Be("The warehouse holds 2 malls: name one with --mall (main, north).", verb);
        }

        var (ok, output, err) = await Run("score", "--period", "2026-10", "--mall", "north", "--format", "csv", "--db", db);
        ok.Should().Be(ExitCodes.Ok, err);
        output.Should().Contain("north,N001").And.NotContain("main,T001");
    }

    [Fact]
    public async Task Analyse_StoresTheMonth_ScoreReadsItWithoutComputingAgain()
    {
        using var folder = new TempFolder();
        var db = folder.File("w.duckdb");
        using (var connection = new Warehouse(db, new WarehouseSettings(256, 1)).Open(Clock))
        {
            Seed.Tenants(connection);
        }

        var (code, output, error) = await Run("analyse", "--period", "2026-10", "--db", db);
        code.Should().Be(ExitCodes.Ok, error);
        output.Trim().Should().Be("Stored the analysis of 2026-10: 3 tenants scored, 0 flags.");
        var stamp = Stamp(db);
        stamp.Should().NotBeNull();

        Clock.Advance(TimeSpan.FromMinutes(5));
        var (scored, scores, _) = await Run("score", "--period", "2026-10", "--format", "csv", "--db", db);
        scored.Should().Be(ExitCodes.Ok);
        scores.Should().Contain("T001").And.Contain("T003");
        Stamp(db).Should().Be(stamp, "score read the stored month");

        var (again, _, _) = await Run("analyse", "--period", "2026-10", "--db", db);
        again.Should().Be(ExitCodes.Ok);
        Stamp(db)!.Value.ComputedAt.Should().BeAfter(stamp!.Value.ComputedAt, "analyse runs the month again on demand");
    }

    private static (string Fingerprint, DateTime ComputedAt)? Stamp(string db)
    {
        using var connection = new Warehouse(db, new WarehouseSettings(256, 1)).Open(Clock);
        return AnalysisStore.Stamp(connection, null, new Month(2026, 10));
    }

    /// <summary>The seed's three tenants of mall main, and one tenant of mall north (same category, its own sales).</summary>
    private static string TwoMalls(TempFolder folder)
    {
        var db = folder.File("two-malls.duckdb");
        using var connection = new Warehouse(db, new WarehouseSettings(256, 1)).Open(Clock);
        Seed.Tenants(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO tenants (mall_id, tenant_id, tenant_name, brand, category, unit_id, floor, area_sqm,
                lease_start, lease_end, base_rent, turnover_rate_pct, service_charge, load_id)
            VALUES ('north', 'N001', '北区商户', NULL, 'fashion', 'U-N001', '1F', 120, DATE '2024-01-01', DATE '2027-12-31', 18000, 0, 1000, 0);
            INSERT INTO sales SELECT 'north', 'N001', d::DATE, 900, 45, 0
            FROM range(DATE '2026-10-01', DATE '2026-11-01', INTERVAL 1 DAY) t(d);
            """;
        cmd.ExecuteNonQuery();
        return db;
    }

    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliContext(Clock, output, error));
        return (code, output.ToString(), error.ToString());
    }
}
