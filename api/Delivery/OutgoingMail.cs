using System.Security.Cryptography;
using System.Text;
using Analytics.Api.Documents;
using Analytics.Model.Malls;
using Analytics.Reports.Language;
using MimeKit;

namespace Analytics.Api.Delivery;

/// <summary>
/// A document to be mailed: its kind, period (YYYY-MM or YYYY-Www), language and bytes; a sheet names its merchant.
/// The bytes are made on first use (rendered, or read from the document store): a re-run that finds every message
/// sent, and a dry run, render nothing.
/// </summary>
internal sealed class DeliveryDocument(
    DocumentKind kind, string period, string language, string fileName, Func<byte[]> pdf, string? tenantId = null, string? tenantName = null)
{
    private readonly Lazy<byte[]> _pdf = new(pdf);

    public DocumentKind Kind => kind;
    public string Period => period;
    public string Language => language;
    public string FileName => fileName;
    public string? TenantId => tenantId;
    public string? TenantName => tenantName;
    public byte[] Pdf => _pdf.Value;
}

/// <summary>
/// One message: one recipient, one document attached. The Message-ID is derived from the mall, the document, the
/// period, the merchant, the language and the recipient, so the same message planned again (a re-run, a retry) has
/// the same id, and the deliveries table knows it was sent.
/// </summary>
internal sealed class OutgoingMail
{
    private OutgoingMail(MallInfo mall, DeliveryDocument document, string recipient)
    {
        Mall = mall;
        Source = document;
        Recipient = recipient;
        Document = document.Kind.ToString().ToLowerInvariant();
        var key = string.Join('\u001f', mall.MallId, Document, document.Period, document.TenantId ?? "", document.Language, recipient.ToLowerInvariant());
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        MessageId = $"ta.{Document}.{document.Period}.{hash}@tenant-analytics.local";
        _sha256 = new Lazy<string>(() => Convert.ToHexStringLower(SHA256.HashData(document.Pdf)));
    }

    private readonly Lazy<string> _sha256;

    public string MessageId { get; }
    public string MallId => Mall.MallId;

    /// <summary>The mall as the malls dataset names it (its id stands in without a malls row), for the briefs' mails.</summary>
    public MallInfo Mall { get; }
    public string Document { get; }
    public DeliveryDocument Source { get; }
    public string Recipient { get; }
    public string Period => Source.Period;
    public string? TenantId => Source.TenantId;
    public string Language => Source.Language;
    public string AttachmentName => Source.FileName;
    public string AttachmentSha256 => _sha256.Value;

    public static OutgoingMail For(MallInfo mall, DeliveryDocument document, string recipient) => new(mall, document, recipient);

    /// <summary>The MIME message: subject and body in the document's language, the PDF as the one attachment.</summary>
    public MimeMessage ToMime(string from, DateTimeOffset date)
    {
        var (subject, body) = Texts(ReportLanguage.Parse(Language));
        var message = new MimeMessage { MessageId = MessageId, Subject = subject, Date = date };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(Recipient));
        var builder = new BodyBuilder { TextBody = body };
        builder.Attachments.Add(AttachmentName, Source.Pdf, new ContentType("application", "pdf"));
        message.Body = builder.ToMessageBody();
        return message;
    }

    /// <summary>
    /// What the message says. A merchant's mail names that merchant only (its own name and month); a brief's mail names
    /// the mall as the brief does (its English name in English when the malls dataset gives one).
    /// </summary>
    internal (string Subject, string Body) Texts(ReportLanguage language)
    {
        var zh = language.IsChinese;
        var mall = Mall.NameIn(!zh);
        // A tenant name is free text and may hold line breaks: none may reach a header.
        var name = new string((Source.TenantName ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        var when = Source.Kind == DocumentKind.Weekly ? WeekText(language) : MonthText(language);
        const string footerEn = "\n\nThis message was sent automatically by the mall's operations analytics. Please do not reply to it.";
        const string footerZh = "\n\n此邮件由商场运营分析系统自动发送，请勿直接回复。";
        return Source.Kind switch
        {
            DocumentKind.Merchant => zh
                ? ($"{name} {when}经营表现报告",
                    $"{name}：\n\n您好！附件为贵店{when}的经营表现报告（PDF），仅包含贵店自身的数据及同业态的匿名对比。如有疑问，请联系商场运营部。{footerZh}")
                : ($"Performance sheet {when} - {name}",
                    $"Dear {name},\n\nAttached is your shop's performance sheet for {when} (PDF). It holds your own figures and anonymous comparisons with shops of your trade only. For any question, please contact the mall's operations department.{footerEn}"),
            DocumentKind.Weekly => zh
                ? ($"{mall} 每周经营简报 {when}", $"各位同事：\n\n附件为{mall} {when}的每周经营简报（PDF），供每周例会使用。{footerZh}")
                : ($"Weekly operations brief {when} - {mall}", $"Dear colleagues,\n\nAttached is the weekly operations brief of {mall} for {when} (PDF), for the Monday meeting.{footerEn}"),
            _ => zh
                ? ($"{mall} 月度经营简报 {when}", $"您好！\n\n附件为{mall} {when}的月度经营简报（PDF）。{footerZh}")
                : ($"Monthly brief {when} - {mall}", $"Hello,\n\nAttached is the monthly brief of {mall} for {when} (PDF).{footerEn}"),
        };
    }

    private string MonthText(ReportLanguage language)
    {
        var month = Month.Parse(Period);
        return language.Month(month.Year, month.Number);
    }

    private string WeekText(ReportLanguage language)
    {
        var week = IsoWeek.Parse(Period);
        return language.IsChinese
            ? $"{Period}（{language.Date(week.Monday)}至{language.Date(week.Sunday)}）"
            : $"{Period} ({language.Date(week.Monday)} to {language.Date(week.Sunday)})";
    }
}
