using Analytics.Api.Delivery;
using Analytics.Api.Documents;
using Analytics.Api.Tests.Support;
using Analytics.Ingest;

namespace Analytics.Api.Tests.Delivery;

/// <summary>The delivery settings file and the SMTP variables: precedence, defaults, and one sentence for each mistake.</summary>
public sealed class DeliverySettingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_File_RecipientsPerMallAndLanguage_DefaultsForTheRest()
    {
        var settings = DeliverySettings.Load(Write("""
            // comments are allowed
            { "briefs": { "main": { "monthly": { "zh": ["gm@example.com"] } } }, "merchant_language": "en" }
            """));

        settings.BriefRecipientsOf("main", DocumentKind.Monthly, "zh").Should().Equal("gm@example.com");
        settings.BriefRecipientsOf("main", DocumentKind.Monthly, "en").Should().BeEmpty();
        settings.BriefRecipientsOf("main", DocumentKind.Weekly, "zh").Should().BeEmpty();
        settings.BriefRecipientsOf("other", DocumentKind.Monthly, "zh").Should().BeEmpty();
        settings.MerchantLanguage.Should().Be("en");
        (settings.MaxAttempts, settings.FirstRetryDelay, settings.Timeout).Should().Be((4, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)));
        DeliverySettings.Load(null, _ => null).Briefs.Should().BeEmpty("nobody gets a brief until the settings name them");
    }

    [Theory]
    [InlineData("""{ "briefs": { "main": { "weekly": { "zh": ["ops@example.com", "not an address"] } } } }""", "briefs.main.weekly.zh lists 'not an address'")]
    [InlineData("""{ "briefs": { "main": { "weekly": { "fr": ["ops@example.com"] } } } }""", "names the language 'fr'")]
    [InlineData("""{ "merchant_language": "de" }""", "merchant_language is 'de'")]
    [InlineData("""{ "max_attempts": 0 }""", "max_attempts is 1 to 20")]
    [InlineData("""{ "smtp": { "port": "x" } }""", "is not valid")]
    public void Load_BadFile_OneSentenceNamingTheProblem(string json, string expected)
    {
        var act = () => DeliverySettings.Load(Write(json));

        act.Should().Throw<UserError>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void SmtpServer_VariablesOverTheFileBlock_PasswordNeverPrinted()
    {
        var settings = DeliverySettings.Load(Write("""
            { "smtp": { "host": "file.example.com", "port": 2525, "security": "none", "user": "file-user", "password": "file-Secret-1", "from": "a@example.com" } }
            """));
        var variables = new Dictionary<string, string> { ["ANALYTICS_SMTP_HOST"] = "env.example.com", ["ANALYTICS_SMTP_PASSWORD"] = "env-Secret-2" };

        var fromFile = settings.SmtpServer(_ => null);
        var fromEnv = settings.SmtpServer(variables.GetValueOrDefault);

        (fromFile.Host, fromFile.Port, fromFile.Security, fromFile.Password).Should().Be(("file.example.com", 2525, SmtpSecurity.None, "file-Secret-1"));
        (fromEnv.Host, fromEnv.Port, fromEnv.User, fromEnv.Password).Should().Be(("env.example.com", 2525, "file-user", "env-Secret-2"));
        fromEnv.ToString().Should().Be("env.example.com:2525 (none, user file-user)");
        SmtpSettings.Resolve(null, _ => null).Port.Should().Be(587, "starttls by default");
        SmtpSettings.Resolve(null, v => v == "ANALYTICS_SMTP_SECURITY" ? "tls" : null).Port.Should().Be(465);
    }

    [Theory]
    [InlineData("ANALYTICS_SMTP_SECURITY", "ssl3", "use none, starttls or tls")]
    [InlineData("ANALYTICS_SMTP_PORT", "70000", "from 1 to 65535")]
    [InlineData("ANALYTICS_SMTP_FROM", "reports", "not a mail address")]
    public void Resolve_BadVariable_OneSentence(string variable, string value, string expected)
    {
        var act = () => SmtpSettings.Resolve(null, v => v == variable ? value : null);

        act.Should().Throw<UserError>().Which.Message.Should().Contain(variable).And.Contain(expected);
    }

    [Fact]
    public void EnsureUsable_NoHostOrNoSender_SaysWhatToSet()
    {
        var noHost = () => SmtpSettings.Resolve(null, _ => null).EnsureUsable();
        var noFrom = () => SmtpSettings.Resolve(null, v => v == "ANALYTICS_SMTP_HOST" ? "127.0.0.1" : null).EnsureUsable();

        noHost.Should().Throw<UserError>().WithMessage("*ANALYTICS_SMTP_HOST*");
        noFrom.Should().Throw<UserError>().WithMessage("*ANALYTICS_SMTP_FROM*");
    }

    private string Write(string json)
    {
        var path = _folder.File(Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
