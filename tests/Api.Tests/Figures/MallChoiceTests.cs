using System.Net;
using System.Net.Http.Json;
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
            await ShouldNameBothMalls(response, path);
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

        // The metrics export reads the mall's stored analysis (the one score just stored): its tenant, its mall row.
        var (m, metrics, merr) = await Run("metrics", "--period", "2026-10", "--mall", "north", "--format", "csv", "--db", db);
        var (_, mallMetrics, _) = await Run("metrics", "--period", "2026-10", "--mall", "north", "--level", "mall", "--format", "csv", "--db", db);
        m.Should().Be(ExitCodes.Ok, merr);
        metrics.Should().Contain("north,N001,北区商户,fashion,1F,U-N001,27900.00,").And.NotContain("T001");
        mallMetrics.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Should().ContainSingle().Which.Should().StartWith("north,2026-10,");
    }

    [Fact]
    public async Task Api_TwoMalls_Documents_NoMallIs400NamingBoth_NamedMallServesItsOwnKeptInItsFolder()
    {
        using var folder = new TempFolder();
        var db = TwoMalls(folder);
        await using var server = await RunningServer.StartAsync(clock: Clock, warehouse: db);
        var gm = server.Client("gm");

        foreach (var path in new[] { "/api/reports/monthly/2026-10", "/api/reports/weekly/2026-W43", "/api/reports/merchant/N001/2026-10" })
        {
            using var response = await gm.GetAsync(path);
            await ShouldNameBothMalls(response, path);
        }

        var north = PdfText(await gm.GetByteArrayAsync("/api/reports/monthly/2026-10?mall=north"));
        var main = PdfText(await gm.GetByteArrayAsync("/api/reports/monthly/2026-10?mall=main"));
        var sheet = PdfText(await gm.GetByteArrayAsync("/api/reports/merchant/N001/2026-10?mall=north"));
        using var weekly = await gm.GetAsync("/api/reports/weekly/2026-W43?mall=north");
        using var otherMall = await gm.GetAsync("/api/reports/merchant/N001/2026-10?mall=main");

        north.Should().Contain("2026年10月north").And.Contain("销售额¥27,900").And.NotContain("商户T00");
        main.Should().Contain("2026年10月main").And.Contain("销售额¥93,000").And.NotContain("北区商户").And.NotContain("27,900");
        sheet.Should().Contain("北区商户").And.NotContain("商户T00");
        weekly.StatusCode.Should().Be(HttpStatusCode.OK);
        otherMall.StatusCode.Should().Be(HttpStatusCode.NotFound, "N001 has no lease in mall main");
        var root = server.Options.OutDir;
        File.Exists(Path.Combine(root, "monthly", "2026-10", "north", "monthly-2026-10-zh.pdf")).Should().BeTrue();
        File.Exists(Path.Combine(root, "monthly", "2026-10", "main", "monthly-2026-10-zh.pdf")).Should().BeTrue();
        File.Exists(Path.Combine(root, "merchant", "2026-10", "north", "merchant-N001-2026-10-zh.pdf")).Should().BeTrue();
        File.Exists(Path.Combine(root, "monthly", "2026-10", "monthly-2026-10-zh.pdf")).Should().BeFalse("a portfolio has no document of no mall");
    }

    [Fact]
    public async Task Api_TwoMalls_Decisions_NoMallIs400NamingBoth_NamedMallLooksInItsOwnAnalysis()
    {
        using var folder = new TempFolder();
        var db = TwoMalls(folder);
        await using var server = await RunningServer.StartAsync(clock: Clock, warehouse: db);
        var leasing = server.Client("leasing");
        var body = new { tenantId = "N001", flag = "replace", period = "2026-10", action = "accept" };

        using var none = await leasing.PostAsJsonAsync("/api/decisions", body);
        using var north = await leasing.PostAsJsonAsync("/api/decisions?mall=north", body);
        using var unknown = await leasing.PostAsJsonAsync("/api/decisions?mall=nowhere", body);

        await ShouldNameBothMalls(none, "a decision without ?mall=");
        north.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await north.Content.ReadAsStringAsync()).Should().Contain("Tenant N001 has no 'replace' flag in 2026-10", "north's analysis was asked (it raised no flag)");
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("no mall 'nowhere'").And.Contain("main, north");
        using var connection = server.Warehouse();
        AnalysisStore.Stamp(connection, "north", new Month(2026, 10)).Should().NotBeNull("the decision read north's month");
        AnalysisStore.Stamp(connection, null, new Month(2026, 10)).Should().BeNull("the whole portfolio was never analysed");
    }

    [Fact]
    public async Task Api_TwoMallsSharingATenantId_TheMerchantKeyReadsNeither_StaffReadEachMallsOwn()
    {
        using var folder = new TempFolder();
        var db = TwoMalls(folder, sharedId: "T001");
        await using var server = await RunningServer.StartAsync(clock: Clock, warehouse: db);
        var merchant = server.Client("merchant"); // bound to T001, which names a tenant of each mall
        var gm = server.Client("gm");

        foreach (var path in new[]
                 {
                     "/api/tenants/T001/metrics?period=2026-10&mall=main", "/api/tenants/T001/metrics?period=2026-10&mall=north",
                     "/api/tenants/T001/score?period=2026-10&mall=north", "/api/tenants/T001/requests?period=2026-10&mall=north",
                     "/api/reports/merchant/T001/2026-10?mall=north", "/api/reports/merchant/T001/2026-10?mall=main",
                     "/merchant?period=2026-10", "/tenants/T001?period=2026-10",
                 })
        {
            using var response = await merchant.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, path);
            (await response.Content.ReadAsStringAsync()).Should().NotContain("北区").And.NotContain("商户T001", path);
        }

        // The workspace reads the whole warehouse: both malls' rows are listed, and the shared id, which it cannot
        // tell apart, opens no diagnosis (404) instead of failing or mixing the two tenants.
        foreach (var (page, status) in new[]
                 {
                     ("/?period=2026-10", HttpStatusCode.OK), ("/candidates?period=2026-10&ids=T001", HttpStatusCode.OK),
                     ("/tenants/T001?period=2026-10", HttpStatusCode.NotFound), ("/tenants/N001?period=2026-10", HttpStatusCode.OK),
                 })
        {
            using var response = await gm.GetAsync(page);
            response.StatusCode.Should().Be(status, page);
        }

        using var north = JsonDocument.Parse(await gm.GetStringAsync("/api/tenants/T001/metrics?period=2026-10&mall=north"));
        using var main = JsonDocument.Parse(await gm.GetStringAsync("/api/tenants/T001/metrics?period=2026-10&mall=main"));
        north.RootElement.GetProperty("tenantName").GetString().Should().Be("北区同号商户");
        north.RootElement.GetProperty("netSales").GetDecimal().Should().Be(900m * 31);
        main.RootElement.GetProperty("tenantName").GetString().Should().Be("商户T001");
        main.RootElement.GetProperty("netSales").GetDecimal().Should().Be(1000m * 31);
    }

    [Fact]
    public async Task Api_OneMall_DocumentWithOrWithoutTheMallNamed_IsTheOneFileItAlwaysWas()
    {
        await using var server = await RunningServer.StartAsync(clock: Clock);
        var gm = server.Client("gm");

        var none = await gm.GetByteArrayAsync("/api/reports/monthly/2026-10");
        var named = await gm.GetByteArrayAsync("/api/reports/monthly/2026-10?mall=main");
        using var unknown = await gm.GetAsync("/api/reports/monthly/2026-10?mall=nowhere");

        named.Should().Equal(none);
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var month = Path.Combine(server.Options.OutDir, "monthly", "2026-10");
        Directory.GetFileSystemEntries(month).Select(Path.GetFileName).Should().Equal("monthly-2026-10-zh.pdf");
    }

    private static async Task ShouldNameBothMalls(HttpResponseMessage response, string because)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, because);
        (await response.Content.ReadAsStringAsync()).Should().Contain("2 malls").And.Contain("main, north").And.Contain("?mall=", because);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text));
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

    /// <summary>
    /// The seed's three tenants of mall main, and one tenant of mall north (same category, its own sales);
    /// <paramref name="sharedId"/>: a second tenant of north with an id that also names a tenant of main.
    /// </summary>
    private static string TwoMalls(TempFolder folder, string? sharedId = null)
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
        if (sharedId is not null)
        {
            cmd.CommandText = $"""
                INSERT INTO tenants (mall_id, tenant_id, tenant_name, brand, category, unit_id, floor, area_sqm,
                    lease_start, lease_end, base_rent, turnover_rate_pct, service_charge, load_id)
                VALUES ('north', '{sharedId}', '北区同号商户', NULL, 'fashion', 'U-N002', '1F', 80, DATE '2024-01-01', DATE '2027-12-31', 15000, 0, 1000, 0);
                INSERT INTO sales SELECT 'north', '{sharedId}', d::DATE, 900, 40, 0
                FROM range(DATE '2026-10-01', DATE '2026-11-01', INTERVAL 1 DAY) t(d);
                """;
            cmd.ExecuteNonQuery();
        }

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
