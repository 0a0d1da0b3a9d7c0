using System.CommandLine;
using Analytics.Api.Cli;
using Analytics.Api.Delivery;
using Analytics.Api.Documents;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Analysis;
using Analytics.Model.Metrics;
using Analytics.Reports.Documents;
using Analytics.Reports.Fonts;
using Analytics.Reports.Language;

namespace Analytics.Api.Verbs;

/// <summary>
/// <c>deliver weekly|monthly|merchant</c>: renders the documents as <c>report</c> does and mails them (README
/// "Delivery"): each merchant its own sheet, the briefs to the recipients of the delivery settings. The mail server
/// comes from the environment or the settings file, never from the command line. A message the deliveries table
/// records as sent is not sent again; <c>--dry-run</c> lists what would be sent and sends and records nothing.
/// </summary>
internal static class DeliverVerb
{
    public static Command Command(CliContext context)
    {
        var kind = ReportVerb.Document();
        var week = CliOptions.Week();
        var period = CliOptions.Month(description: "The month, YYYY-MM (default: the latest month with sales).");
        var mall = CliOptions.Mall();
        var dryRun = CliOptions.Flag("--dry-run", "List what would be sent; send and record nothing.");
        var deliverySettings = CliOptions.Text("--delivery-settings", "FILE", "Recipients and mail settings (JSON).");
        var settings = CliOptions.Settings();
        var db = CliOptions.Db();
        var command = new Command("deliver",
            "Mails the weekly brief, the monthly brief, or each merchant its own sheet (server: ANALYTICS_SMTP_* variables); a re-run sends only what was not sent.")
        {
            kind, week, period, mall, dryRun, deliverySettings, settings, db,
        };
        command.SetAction(parse => Run(context, parse.GetValue(kind)!.Trim().ToLowerInvariant(), parse.GetValue(week), parse.GetValue(period), parse.GetValue(mall),
            parse.GetValue(dryRun), parse.GetValue(deliverySettings), parse.GetValue(settings), parse.GetValue(db)));
        return command;
    }

    private static Task<int> Run(CliContext context, string kind, IsoWeek? week, Month? period, string? mall, bool dryRun, string? deliverySettings,
        string? settingsFile, string? dbOption)
    {
        var delivery = DeliverySettings.Load(deliverySettings, context.Variable);
        var smtp = delivery.SmtpServer(context.Variable); // a malformed variable is said before any work
        var analysis = AnalysisSettings.Load(settingsFile);
        var db = Warehouse.ResolvePath(dbOption);
        ReportVerb.CheckDocument(kind, week, period);

        using var connection = new Warehouse(db, new WarehouseSettings()).Open(context.Clock);
        var service = new ReportService(ReportFonts.Load(FontSettings.Default), context.Clock, analysis);
        var mallId = ReportService.ResolveMall(connection, MallOption.Resolve(connection, mall));
        var documents = new List<DeliveryDocument>();
        if (kind == "weekly")
        {
            var w = week ?? ReportService.LatestWeek(connection, mallId);
            foreach (var language in BriefLanguages(delivery, mallId, DocumentKind.Weekly))
            {
                documents.Add(new DeliveryDocument(DocumentKind.Weekly, w.ToString(), language.Code, ReportService.WeeklyFileName(w, language),
                    () => service.Weekly(connection, mallId, w, language)));
            }
        }
        else
        {
            var month = period ?? ReportService.LatestMonth(connection, mallId);
            var when = month.ToString();
            var languages = kind == "monthly" ? BriefLanguages(delivery, mallId, DocumentKind.Monthly) : [ReportLanguage.Parse(delivery.MerchantLanguage)];
            var data = languages.Count == 0 ? null : service.Load(connection, mallId, month);
            foreach (var language in languages)
            {
                if (kind == "monthly")
                {
                    documents.Add(new DeliveryDocument(DocumentKind.Monthly, when, language.Code, ReportService.MonthlyFileName(month, language),
                        () => service.Monthly(data!, language)));
                    continue;
                }

                foreach (var (tenant, name) in DocumentRenderer.MerchantNames(data!).OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    documents.Add(new DeliveryDocument(DocumentKind.Merchant, when, language.Code, ReportService.MerchantFileName(tenant, month, language),
                        () => service.Merchant(data!, tenant, language), tenant, name));
                }
            }
        }

        if (documents.Count == 0)
        {
            context.Out.WriteLine($"The delivery settings name no recipient of the {kind} brief of mall {mallId}: nothing to send.");
            return Task.FromResult(ExitCodes.Ok);
        }

        var report = new DeliveryService(delivery, context.Clock).Deliver(connection, mallId, documents, dryRun, () => smtp);
        TextTable.Write(context.Out, ["status", "document", "period", "tenant", "lang", "recipient", "attachment", "error"],
            report.Lines.Select(l => (IReadOnlyList<string>)
            [
                Status(l.State), l.Document, l.Period, l.TenantId ?? "-", l.Language, l.Recipient ?? "-", l.Attachment, l.Error ?? "",
            ]).ToList());
        context.Out.WriteLine(report.Summary + ".");
        if (report.Count(DeliveryState.Refused) + report.Count(DeliveryState.Pending) > 0)
        {
            context.Error.WriteLine($"{report.Count(DeliveryState.Refused)} messages were refused by the mail server and {report.Count(DeliveryState.Pending)} are pending: see the lines above (a re-run retries the pending ones).");
            return Task.FromResult(ExitCodes.Failed);
        }

        return Task.FromResult(ExitCodes.Ok);
    }

    private static IReadOnlyList<ReportLanguage> BriefLanguages(DeliverySettings settings, string mallId, DocumentKind kind) =>
        DocumentStore.Languages.Where(l => settings.BriefRecipientsOf(mallId, kind, l).Count > 0).Select(ReportLanguage.Parse).ToList();

    internal static string Status(DeliveryState state) => state switch
    {
        DeliveryState.Sent => "sent",
        DeliveryState.AlreadySent => "already sent",
        DeliveryState.Refused => "refused",
        DeliveryState.Pending => "pending",
        DeliveryState.WouldSend => "would send",
        _ => "no address",
    };
}
