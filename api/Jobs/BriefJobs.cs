using System.Globalization;
using Analytics.Api.Delivery;
using Analytics.Api.Documents;
using Analytics.Api.Server;
using Hangfire;

namespace Analytics.Api.Jobs;

/// <summary>
/// The scheduled documents: the weekly brief (Mondays) and the monthly brief with every merchant sheet (the 1st).
/// Safe to re-run: the week or month is derived from the run day in the mall's time zone (a retry on a later day
/// still writes the same, most recent complete week or month), and each document has one deterministic path that
/// is overwritten atomically. With a mail server configured, each then queues the <see cref="DeliveryJob"/> that mails
/// what it wrote (a job of its own, so a mail server that is down retries the mail, not the rendering).
/// </summary>
internal sealed class BriefJobs(
    WarehouseAccess warehouse, DocumentStore store, DocumentRenderer renderer, MallClock mallClock, ServerOptions options, ILogger<BriefJobs> log,
    SmtpSettings smtp, IBackgroundJobClient jobs)
{
    public void Weekly()
    {
        var week = LastCompleteWeek(mallClock.Today);
        WriteWeekly(week);
        if (smtp.Configured)
        {
            jobs.Enqueue<DeliveryJob>(options.Jobs.Queue, j => j.Weekly(week));
        }
    }

    public void Monthly()
    {
        var period = LastCompleteMonth(mallClock.Today);
        WriteMonthly(period);
        if (smtp.Configured)
        {
            jobs.Enqueue<DeliveryJob>(options.Jobs.Queue, j => j.Monthly(period));
        }
    }

    public IReadOnlyList<string> WriteWeekly(string week)
    {
        var written = new List<string>();
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
        using var connection = warehouse.Connect();
        foreach (var language in options.Jobs.Languages)
        {
            var path = store.PathFor(DocumentKind.Monthly, period, language);
            DocumentStore.WriteAtomically(path, renderer.Render(connection, DocumentKind.Monthly, period, language));
            written.Add(path);
            foreach (var (tenant, pdf) in renderer.AllMerchants(period, language))
            {
                var sheet = store.PathFor(DocumentKind.Merchant, period, language, tenant);
                DocumentStore.WriteAtomically(sheet, pdf);
                written.Add(sheet);
            }
        }

        log.LogInformation("Monthly brief {Period}: {Count} documents written.", period, written.Count);
        return written;
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
}
