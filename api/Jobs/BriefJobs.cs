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
            var text = week.ToString(); // a job's argument is stored as text
            jobs.Enqueue<DeliveryJob>(options.Jobs.Queue, j => j.Weekly(text));
        }
    }

    public void Monthly()
    {
        var period = LastCompleteMonth(mallClock.Today);
        WriteMonthly(period);
        if (smtp.Configured)
        {
            var text = period.ToString(); // a job's argument is stored as text
            jobs.Enqueue<DeliveryJob>(options.Jobs.Queue, j => j.Monthly(text));
        }
    }

    public IReadOnlyList<string> WriteWeekly(IsoWeek week)
    {
        var written = new List<string>();
        using var connection = warehouse.Connect();
        foreach (var language in options.Jobs.Languages)
        {
            var path = store.PathFor(week, language);
            DocumentStore.WriteAtomically(path, renderer.Render(connection, week, language));
            written.Add(path);
        }

        log.LogInformation("Weekly brief {Week}: {Count} documents written.", week, written.Count);
        return written;
    }

    public IReadOnlyList<string> WriteMonthly(Month period)
    {
        var written = new List<string>();
        foreach (var language in options.Jobs.Languages)
        {
            var path = store.PathFor(DocumentKind.Monthly, period, language);
            DocumentStore.WriteAtomically(path, renderer.Render(DocumentKind.Monthly, period, language));
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
    public static IsoWeek LastCompleteWeek(DateOnly today) => IsoWeek.Of(today).Previous;

    /// <summary>The month before the one containing <paramref name="today"/>.</summary>
    public static Month LastCompleteMonth(DateOnly today) => Month.Of(today).AddMonths(-1);
}
