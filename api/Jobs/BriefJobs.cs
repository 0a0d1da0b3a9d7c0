using System.Globalization;
using Analytics.Api.Documents;
using Analytics.Api.Server;
using DuckDB.NET.Data;

namespace Analytics.Api.Jobs;

/// <summary>
/// The scheduled documents: the weekly brief (Mondays) and the monthly brief with every merchant sheet (the 1st).
/// Safe to re-run: the week or month is derived from the run day in the mall's time zone (a retry on a later day
/// still writes the same, most recent complete week or month), and each document has one deterministic path that
/// is overwritten atomically.
/// </summary>
internal sealed class BriefJobs(
    WarehouseAccess warehouse, DocumentStore store, DocumentRenderer renderer, MallClock mallClock, ServerOptions options, ILogger<BriefJobs> log)
{
    public void Weekly() => WriteWeekly(LastCompleteWeek(mallClock.Today));

    public void Monthly() => WriteMonthly(LastCompleteMonth(mallClock.Today));

    public IReadOnlyList<string> WriteWeekly(string week)
    {
        var written = new List<string>();
        if (!Renderable(week))
        {
            return written;
        }

        using var connection = warehouse.Connect();
        foreach (var language in options.Jobs.Languages)
        {
            var path = store.PathFor(DocumentKind.Weekly, week, language);
            DocumentStore.WriteAtomically(path, renderer.Render(connection, DocumentKind.Weekly, week, language));
            written.Add(path);
        }

        log.LogInformation("Weekly brief {Week}: {Count} documents written.", week, written.Count);
        return written;
    }

    public IReadOnlyList<string> WriteMonthly(string period)
    {
        var written = new List<string>();
        if (!Renderable(period))
        {
            return written;
        }

        using var connection = warehouse.Connect();
        foreach (var language in options.Jobs.Languages)
        {
            var path = store.PathFor(DocumentKind.Monthly, period, language);
            DocumentStore.WriteAtomically(path, renderer.Render(connection, DocumentKind.Monthly, period, language));
            written.Add(path);
            foreach (var tenant in TenantsInForce(connection, period))
            {
                var sheet = store.PathFor(DocumentKind.Merchant, period, language, tenant);
                DocumentStore.WriteAtomically(sheet, renderer.Render(connection, DocumentKind.Merchant, period, language, tenant));
                written.Add(sheet);
            }
        }

        log.LogInformation("Monthly brief {Period}: {Count} documents written.", period, written.Count);
        return written;
    }

    /// <summary>Without the report service in this build the job succeeds with a warning instead of failing and retrying.</summary>
    private bool Renderable(string when)
    {
        if (!renderer.IsAvailable)
        {
            log.LogWarning("Documents for {When} not written: the report service is not part of this build.", when);
        }

        return renderer.IsAvailable;
    }

    /// <summary>The ISO week that ended before the week containing <paramref name="today"/>.</summary>
    public static string LastCompleteWeek(DateOnly today)
    {
        var mondayThisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var sunday = mondayThisWeek.AddDays(-1).ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(sunday):D4}-W{ISOWeek.GetWeekOfYear(sunday):D2}");
    }

    /// <summary>The month before the one containing <paramref name="today"/>.</summary>
    public static string LastCompleteMonth(DateOnly today) =>
        new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Tenants with a lease in force on the last day of the period: they get a merchant sheet.</summary>
    private static List<string> TenantsInForce(DuckDBConnection connection, string period)
    {
        var first = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT DISTINCT tenant_id FROM tenants
            WHERE lease_start <= $d AND coalesce(exit_date, lease_end) >= $d
            ORDER BY tenant_id
            """;
        cmd.Parameters.Add(new DuckDBParameter("d", first.AddMonths(1).AddDays(-1)));
        var ids = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            ids.Add(r.GetString(0));
        }

        return ids;
    }
}
