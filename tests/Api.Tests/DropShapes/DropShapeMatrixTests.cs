using System.Net;
using System.Text.Json;
using Analytics.Api.Cli;
using Analytics.Api.Tests.Support;
using Analytics.Model.Flags;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Analytics.Api.Tests.DropShapes;

// Every valid drop gets an analysis: for each shape made from the sample (an optional dataset or column left out, a
// degenerate mall), the verbs run in-process on a real warehouse and the tenant endpoints on the real server finish
// without an exception, the model card names what was not available, and no flag the shape's inputs rule out is raised.
public sealed class DropShapeMatrixTests(ITestOutputHelper output)
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.Zero));

    private const string KeepLongLease =
        "DELETE FROM keep WHERE tenant_id <> (SELECT min(tenant_id) FROM tenants WHERE tenant_id IN (SELECT tenant_id FROM keep) " +
        "AND tenant_id IN (SELECT tenant_id FROM tenants WHERE lease_start <= '2025-10-01') " +
        "AND tenant_id IN (SELECT tenant_id FROM tenants WHERE lease_end >= '2026-12-31' AND exit_date IS NULL))";

    private static readonly DropShape[] All =
    [
        new("sample-cut"),
        DropShape.WithoutDataset("units") with { Missing = ["units", "zone"] },
        DropShape.WithoutDataset("rent", FlagCodes.RentRelief),
        DropShape.WithoutDataset("complaints"),
        DropShape.WithoutDataset("inspections"),
        DropShape.WithoutDataset("footfall"),
        new("no-optional-datasets")
        {
            Then = ["DROP TABLE units", "DROP TABLE rent", "DROP TABLE complaints", "DROP TABLE inspections", "DROP TABLE footfall"],
            Missing = ["units", "zone", "rent", "complaints", "inspections", "footfall"],
            CannotRaise = [FlagCodes.Replace, FlagCodes.RentRelief, FlagCodes.ImprovementPlan],
        },
        new("no-floor") { Then = ["DROP TABLE units", "ALTER TABLE tenants DROP COLUMN floor"], Missing = ["units", "floor", "zone"] },
        DropShape.WithoutColumn("units", "zone"),
        DropShape.WithoutColumn("sales", "transactions") with { CannotRaise = [FlagCodes.SalesAudit] },
        DropShape.WithoutColumn("tenants", "turnover_rate_pct"),
        DropShape.WithoutColumn("tenants", "service_charge"),
        new("no-exit_date") { Then = ["ALTER TABLE tenants DROP COLUMN exit_date", "ALTER TABLE tenants DROP COLUMN exit_reason"], Missing = ["exit_date"] },
        new("one-tenant")
        {
            Keep = [KeepLongLease],
            Limits = ["1 tenants in force"],
            CannotRaise = [FlagCodes.Replace, FlagCodes.RentRelief, FlagCodes.RentReviewUp, FlagCodes.ImprovementPlan, FlagCodes.SalesAudit],
        },
        new("one-category")
        {
            Keep = ["DELETE FROM keep WHERE tenant_id NOT IN (SELECT tenant_id FROM tenants WHERE category = (SELECT category FROM tenants " +
                    "WHERE tenant_id IN (SELECT tenant_id FROM keep) GROUP BY category ORDER BY count(*) DESC, category LIMIT 1))"],
            Limits = ["one category"],
        },
        new("one-category-but-one") { Then = ["UPDATE tenants SET category = 'fashion' WHERE tenant_id <> (SELECT min(tenant_id) FROM tenants)"] },
        new("three-months")
        {
            From = new DateOnly(2026, 8, 1),
            Limits = ["3 months of sales"],
            CannotRaise = [FlagCodes.Replace, FlagCodes.ImprovementPlan, FlagCodes.SalesAudit],
        },
        new("month-without-sales")
        {
            Then = ["DELETE FROM sales WHERE date LIKE '2026-09%'"],
            Period = new DateOnly(2026, 9, 1),
            Limits = ["no sales rows in this month"],
            CannotRaise = [FlagCodes.SalesAudit],
        },
        new("all-sales-zero")
        {
            Then = ["UPDATE sales SET net_sales = '0.00', transactions = '0'"],
            Limits = ["every sale is zero"],
            CannotRaise = [FlagCodes.Replace, FlagCodes.RentRelief, FlagCodes.RentReviewUp, FlagCodes.ImprovementPlan, FlagCodes.SalesAudit],
        },
        new("weekly-sales")
        {
            Then =
            [
                "CREATE TABLE weekly AS SELECT tenant_id, min(date) AS date, CAST(sum(CAST(net_sales AS DECIMAL(18,2))) AS VARCHAR) AS net_sales, " +
                "CAST(sum(CAST(transactions AS BIGINT)) AS VARCHAR) AS transactions FROM sales GROUP BY tenant_id, date_trunc('week', CAST(date AS DATE))",
                "DROP TABLE sales", "ALTER TABLE weekly RENAME TO sales",
            ],
        },
    ];

    public static TheoryData<string> Shapes => new(All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Shape_EveryVerbAndTenantEndpointFinishes_CardNamesWhatIsMissing(string name)
    {
        var shape = All.Single(s => s.Name == name);
        using var folder = new TempFolder();
        var drop = folder.File("drop");
        shape.Write(drop);
        var db = folder.File("w.duckdb");
        var models = folder.File("models");
        var outDir = folder.File("out");
        var period = shape.Period.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        await Ok("ingest", drop, "--db", db);
        var metrics = await Ok("metrics", "--period", period, "--db", db, "--format", "csv");
        await Ok("score", "--period", period, "--db", db, "--models", models, "--format", "csv");
        var flags = JsonDocument.Parse(await Ok("flags", "--period", period, "--db", db, "--models", models, "--format", "json"))
            .RootElement.EnumerateArray().Select(f => f.GetProperty("flag").GetString()!).ToList();
        var tenant = metrics.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(',')[1];
        await Ok("report", "weekly", "--db", db, "--out", outDir, "--lang", "en");
        var monthly = (await Ok("report", "monthly", "--period", period, "--db", db, "--out", outDir, "--lang", "en")).Trim();
        await Ok("report", "merchant", "--period", period, "--tenant", tenant, "--db", db, "--out", outDir, "--lang", "zh");

        var card = await File.ReadAllTextAsync(Path.Combine(models, "model-card.md"));
        var named = card.Split('\n').Where(l => l.StartsWith("- not available: ", StringComparison.Ordinal))
            .Select(l => l["- not available: ".Length..].Split(' ')[0]).ToList();
        if (shape.Keep.Count == 0)
            named.Should().BeEquivalentTo(shape.Missing, "the card names exactly the inputs the drop did not give");
        else
            foreach (var input in shape.Missing)
                named.Should().Contain(input);
        foreach (var limit in shape.Limits)
            card.Should().Contain("- limit: ").And.Contain(limit);
        flags.Intersect(shape.CannotRaise).Should().BeEmpty("the shape's inputs rule these flags out");
        var brief = PdfText(monthly);
        foreach (var (input, line) in new[] { ("rent", "No rent data"), ("complaints", "No complaints data"), ("floor", "No floor data") })
            (brief.Contains(line, StringComparison.Ordinal)).Should().Be(shape.Missing.Contains(input), $"the monthly brief says in one line when {input} is missing");

        await using (var server = await RunningServer.StartAsync(o => o.WarmUp = false, Clock, db))
        {
            using var client = server.Client("gm");
            foreach (var path in new[]
                     {
                         "/api/tenants", $"/api/tenants/{tenant}/metrics?period={period}", $"/api/tenants/{tenant}/score?period={period}",
                         $"/api/flags?period={period}",
                     })
            {
                var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                response.StatusCode.Should().Be(HttpStatusCode.OK, $"{path} answers: {await response.Content.ReadAsStringAsync()}");
            }
        }

        output.WriteLine($"{shape.Name}: flags {string.Join(", ", FlagCodes.All.Select(c => $"{c}={flags.Count(f => f == c)}"))}");
    }

    [Fact]
    public async Task MonthBeforeTheFirstSale_OneSentenceAndExitOne()
    {
        using var folder = new TempFolder();
        new DropShape("three-months") { From = new DateOnly(2026, 8, 1) }.Write(folder.File("drop"));
        var db = folder.File("w.duckdb");
        await Ok("ingest", folder.File("drop"), "--db", db);

        foreach (var args in new[]
                 {
                     new[] { "score", "--period", "2026-05", "--db", db, "--models", folder.File("models") },
                     ["flags", "--period", "2026-05", "--db", db, "--models", folder.File("models")],
                     ["report", "monthly", "--period", "2026-05", "--db", db, "--out", folder.File("out")],
                 })
        {
            var (code, _, error) = await Run(args);
            code.Should().Be(ExitCodes.Failed);
            error.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("before the first sale");
        }
    }

    private async Task<string> Ok(params string[] args)
    {
        var (code, stdout, error) = await Run(args);
        code.Should().Be(ExitCodes.Ok, $"'{string.Join(' ', args.Take(2))}' succeeds: {error}");
        error.Should().NotContain("   at ", "no stack trace");
        return stdout;
    }

    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliContext(Clock, stdout, error));
        return (code, stdout.ToString(), error.ToString());
    }

    private static string PdfText(string path)
    {
        using var document = PdfDocument.Open(path);
        return string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
