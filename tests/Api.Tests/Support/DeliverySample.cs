using System.Text.RegularExpressions;
using Analytics.Api.Cli;
using Analytics.Ingest.Warehouse;
using Analytics.Reports.Documents;
using Analytics.Reports.Language;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace Analytics.Api.Tests.Support;

/// <summary>
/// The committed sample drop loaded once into a warehouse of its own, with every merchant sheet of 2026-10 rendered once
/// in Chinese (the default language of the merchants' mail) and its text read back with PdfPig. Shared by the delivery
/// test classes, so the sheets render once for all of them.
/// </summary>
public sealed class DeliverySample : IDisposable
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.Zero));
    public static readonly Month Period = new(2026, 10);

    public DeliverySample()
    {
        Folder = new TempFolder();
        Db = Folder.File("sample.duckdb");
        var output = new StringWriter();
        var code = CommandLine.RunAsync(["ingest", RepositoryRoot.Combine("data-samples", "drop"), "--db", Db], new CliContext(Clock, output, output))
            .GetAwaiter().GetResult();
        if (code != ExitCodes.Ok)
            throw new InvalidOperationException("The sample drop did not load: " + output);

        using var connection = new Warehouse(Db, new WarehouseSettings(1024, 2)).Open(Clock);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT tenant_id, any_value(tenant_name), arg_max(contact_email, lease_start) FROM tenants GROUP BY 1";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                Names[r.GetString(0)] = r.GetString(1);
                Addresses[r.GetString(0)] = r.GetString(2);
            }
        }

        // Independently of the report service: the tenants with a lease in force on the month's last day (metrics.md).
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT DISTINCT tenant_id FROM tenants
                WHERE lease_start <= DATE '2026-10-31' AND DATE '2026-10-31' <= coalesce(exit_date, lease_end) ORDER BY 1
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
                InForce.Add(r.GetString(0));
        }

        var service = new ReportService(Clock);
        var data = service.Load(connection, null, Period);
        foreach (var file in service.AllMerchants(data, ReportLanguage.Chinese))
        {
            Sheets[file.TenantId!] = file.Pdf;
            using var pdf = PdfDocument.Open(file.Pdf);
            SheetTexts[file.TenantId!] = Flat(string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))));
        }
    }

    internal TempFolder Folder { get; }
    public string Db { get; }

    /// <summary>Every tenant of the warehouse: id to name, and id to the contact_email of its latest lease.</summary>
    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Addresses { get; } = new(StringComparer.Ordinal);

    public List<string> InForce { get; } = [];

    /// <summary>The Chinese sheet of each merchant of 2026-10, and its text without white space.</summary>
    public Dictionary<string, byte[]> Sheets { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> SheetTexts { get; } = new(StringComparer.Ordinal);

    /// <summary>Text without white space: extraction breaks Chinese lines anywhere.</summary>
    public static string Flat(string text) => Regex.Replace(text, @"\s+", "");

    public void Dispose() => Folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class DeliverySampleCollection : ICollectionFixture<DeliverySample>
{
    public const string Name = "delivery sample";
}
