using Analytics.Api.Delivery;
using Analytics.Api.Documents;
using Analytics.Api.Server;
using Analytics.Reports.Documents;
using Hangfire;

namespace Analytics.Api.Jobs;

/// <summary>
/// Mails the documents the brief jobs wrote (queued by <see cref="BriefJobs"/> when a mail server is configured): the
/// weekly brief, or the monthly brief and every merchant's sheet. It sends what the deliveries table does not record as
/// sent, so Hangfire may run it again at will. Messages still pending at the end (server deferring or unreachable)
/// fail the job, and Hangfire retries it with its growing delay; a refused one (5xx) is recorded and shown, not retried.
/// </summary>
internal sealed class DeliveryJob(
    WarehouseAccess warehouse, DocumentStore store, DocumentRenderer renderer, DeliverySettings settings, SmtpSettings smtp,
    TimeProvider clock, ILogger<DeliveryJob> log)
{
    [AutomaticRetry(Attempts = 10)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public void Weekly(string week) => Finish($"weekly {week}", [Deliver(IsoWeek.Parse(week))]);

    [AutomaticRetry(Attempts = 10)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public void Monthly(string period)
    {
        var month = Month.Parse(period);
        Finish($"monthly {period}", [Deliver(DocumentKind.Monthly, month), Deliver(DocumentKind.Merchant, month)]);
    }

    /// <summary>The weekly brief to its recipients.</summary>
    public DeliveryReport Deliver(IsoWeek week)
    {
        using var connection = warehouse.Connect();
        var mallId = ReportService.ResolveMall(connection, null);
        var documents = DocumentStore.Languages.Where(l => settings.BriefRecipientsOf(mallId, DocumentKind.Weekly, l).Count > 0)
            .Select(l => Written(DocumentKind.Weekly, week.ToString(), l, store.PathFor(week, l), () => renderer.Render(connection, week, l), null, null))
            .ToList();
        return new DeliveryService(settings, clock).Deliver(connection, mallId, documents, dryRun: false, () => smtp);
    }

    /// <summary>The monthly brief to its recipients, or every merchant's sheet to its merchant.</summary>
    public DeliveryReport Deliver(DocumentKind kind, Month month)
    {
        using var connection = warehouse.Connect();
        var mallId = ReportService.ResolveMall(connection, null);
        var documents = new List<DeliveryDocument>();
        DeliveryDocument Of(string language, string? tenant, string? name) =>
            Written(kind, month.ToString(), language, store.PathFor(kind, month, language, tenant), () => renderer.Render(kind, month, language, tenant), tenant, name);
        if (kind == DocumentKind.Merchant)
        {
            foreach (var (tenant, name) in renderer.Merchants(month).OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                documents.Add(Of(settings.MerchantLanguage, tenant, name));
            }
        }
        else
        {
            documents.AddRange(DocumentStore.Languages.Where(l => settings.BriefRecipientsOf(mallId, kind, l).Count > 0).Select(l => Of(l, null, null)));
        }

        return new DeliveryService(settings, clock).Deliver(connection, mallId, documents, dryRun: false, () => smtp);
    }

    /// <summary>
    /// The document as the brief job wrote it, read when it is to be sent; rendered and stored first when missing (a
    /// language the brief job does not write). A sheet renders from the cached month alone, so on any thread.
    /// </summary>
    private static DeliveryDocument Written(DocumentKind kind, string when, string language, string path, Func<byte[]> render, string? tenant, string? name) =>
        new(kind, when, language, Path.GetFileName(path), () =>
        {
            if (!File.Exists(path))
            {
                DocumentStore.WriteAtomically(path, render());
            }

            return File.ReadAllBytes(path);
        }, tenant, name);

    private void Finish(string what, IReadOnlyList<DeliveryReport> reports)
    {
        var report = new DeliveryReport(reports.SelectMany(r => r.Lines).ToList());
        log.LogInformation("Delivery of {What}: {Summary}.", what, report.Summary);
        foreach (var refused in report.Lines.Where(l => l.State == DeliveryState.Refused))
        {
            log.LogWarning("Delivery of {What}: {Attachment} to {Recipient} refused: {Error}", what, refused.Attachment, refused.Recipient, refused.Error);
        }

        var pending = report.Count(DeliveryState.Pending);
        if (pending > 0)
        {
            throw new DeliveryPendingException($"Delivery of {what}: {pending} messages are pending ({report.Lines.First(l => l.State == DeliveryState.Pending).Error}); the job is retried.");
        }
    }
}

/// <summary>Some messages could not be handed to the mail server yet: the job fails so that Hangfire retries it later.</summary>
internal sealed class DeliveryPendingException(string message) : Exception(message);
