using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Api.Documents;
using Analytics.Ingest;
using Analytics.Ingest.Contract;

namespace Analytics.Api.Delivery;

/// <summary>
/// Who receives which document and how hard to try. A JSON file (snake_case; <c>--delivery-settings FILE</c>,
/// <c>ANALYTICS_DELIVERY_SETTINGS</c>, or <c>DeliverySettingsFile</c> of the server) may set any subset; the defaults
/// are documented in README "Delivery". Merchants are not listed here: each merchant's address is the
/// <c>contact_email</c> of its lease in the tenants dataset, so a merchant can only ever be sent its own sheet.
/// </summary>
internal sealed class DeliverySettings
{
    public const string FileVariable = "ANALYTICS_DELIVERY_SETTINGS";

    /// <summary>Language of the sheet mailed to each merchant (zh or en). Default zh.</summary>
    public string MerchantLanguage { get; init; } = "zh";

    /// <summary>Per mall id: the recipients of the weekly and the monthly brief, per language. Default: nobody.</summary>
    public Dictionary<string, BriefRecipients> Briefs { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Tries per message within one run when the server fails for a while (4xx, connection lost). Default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Wait before the second try; it doubles before each further one (2 s, 4 s, 8 s by default).</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Connect and command timeout of the mail server. Default 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public SmtpFileBlock? Smtp { get; init; }

    public static DeliverySettings Default { get; } = new();

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>The defaults, overridden by the file (<paramref name="path"/>, else ANALYTICS_DELIVERY_SETTINGS) when there is one.</summary>
    public static DeliverySettings Load(string? path, Func<string, string?>? environment = null)
    {
        path ??= (environment ?? Environment.GetEnvironmentVariable)(FileVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return Default;
        }

        if (!File.Exists(path))
        {
            throw new UserError($"The delivery settings file {path} does not exist.");
        }

        DeliverySettings loaded;
        try
        {
            loaded = JsonSerializer.Deserialize<DeliverySettings>(File.ReadAllText(path), Json) ?? Default;
        }
        catch (JsonException ex)
        {
            // The message names the JSON path and line, never a value (the file may hold the SMTP password).
            throw new UserError($"The delivery settings file {path} is not valid: {ex.Message.Split(". Path:")[0]} (at {ex.Path}, line {ex.LineNumber + 1}).");
        }

        loaded.Validate(path);
        return loaded;
    }

    /// <summary>The SMTP server: this file's block with the ANALYTICS_SMTP_* variables over it.</summary>
    public SmtpSettings SmtpServer(Func<string, string?>? environment = null) =>
        SmtpSettings.Resolve(Smtp, environment ?? Environment.GetEnvironmentVariable);

    /// <summary>The recipients of a brief (weekly or monthly) of a mall in a language; none when the settings name none.</summary>
    public IReadOnlyList<string> BriefRecipientsOf(string mallId, DocumentKind kind, string language)
    {
        if (!Briefs.TryGetValue(mallId, out var mall))
        {
            return [];
        }

        var byLanguage = kind == DocumentKind.Weekly ? mall.Weekly : mall.Monthly;
        return byLanguage.TryGetValue(language, out var list) ? list : [];
    }

    private void Validate(string path)
    {
        if (!DocumentStore.Languages.Contains(MerchantLanguage))
        {
            throw new UserError($"{path}: merchant_language is '{MerchantLanguage}'; use zh or en.");
        }

        if (MaxAttempts is < 1 or > 20 || FirstRetryDelay < TimeSpan.Zero || Timeout <= TimeSpan.Zero)
        {
            throw new UserError($"{path}: max_attempts is 1 to 20, first_retry_delay not negative and timeout above zero.");
        }

        foreach (var (mall, recipients) in Briefs)
        {
            foreach (var (document, byLanguage) in new[] { ("weekly", recipients.Weekly), ("monthly", recipients.Monthly) })
            {
                foreach (var (language, addresses) in byLanguage)
                {
                    if (!DocumentStore.Languages.Contains(language))
                    {
                        throw new UserError($"{path}: briefs.{mall}.{document} names the language '{language}'; use zh or en.");
                    }

                    if (addresses.FirstOrDefault(a => !DataContract.IsEmail(a)) is { } bad)
                    {
                        throw new UserError($"{path}: briefs.{mall}.{document}.{language} lists '{bad}', which is not a mail address.");
                    }
                }
            }
        }
    }
}

/// <summary>The recipients of one mall's briefs: language (zh, en) to addresses.</summary>
internal sealed class BriefRecipients
{
    public Dictionary<string, string[]> Weekly { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, string[]> Monthly { get; init; } = new(StringComparer.Ordinal);
}
