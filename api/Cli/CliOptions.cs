using System.CommandLine;
using System.Globalization;
using Analytics.Ingest;
using Analytics.Model.Export;
using Analytics.Reports.Language;

namespace Analytics.Api.Cli;

/// <summary>
/// The options several verbs share, typed: a value is parsed once, here, by the type's own parser (Month, IsoWeek,
/// ReportLanguage, the export format), and a malformed value is that parser's one sentence and exit code 2.
/// Each call makes a new option: a command owns its options.
/// </summary>
internal static class CliOptions
{
    public static Option<string?> Db() =>
        Text("--db", "FILE", "The warehouse file (default ./data/analytics.duckdb, or $ANALYTICS_DB).");

    public static Option<string?> Mall() => Text("--mall", "ID", "Only this mall (default: every mall of the warehouse).");

    public static Option<string?> Settings() => Text("--settings", "FILE", "Analysis settings (JSON; default: the built-in thresholds).");

    public static Option<string?> Models() => Text("--models", "DIR", "Where the models and the model card live (default: models/ beside the warehouse).");

    /// <summary>A month; required unless the verb has a default (then the value is null when not given).</summary>
    public static Option<Month?> Month(string name = "--period", bool required = false, string description = "The month, YYYY-MM (e.g. 2026-10).")
    {
        var option = Typed<Month?>(name, "YYYY-MM", description, text => Analytics.Model.Periods.Month.Parse(text));
        option.Required = required;
        return option;
    }

    public static Option<IsoWeek?> Week() =>
        Typed<IsoWeek?>("--week", "YYYY-Www", "The ISO week, YYYY-Www (e.g. 2026-W44; default: the latest complete week).", IsoWeek.Parse);

    public static Option<string> Format()
    {
        var option = Typed("--format", "csv|json|table", "Output format (default table).", ExportTable.ParseFormat);
        option.DefaultValueFactory = _ => ExportTable.ParseFormat(null);
        return option;
    }

    public static Option<ReportLanguage?> Language() =>
        Typed<ReportLanguage?>("--lang", "zh|en", "Document language (default zh).", ReportLanguage.Parse);

    public static Option<double?> Percent(string name, string description) =>
        Typed<double?>(name, "N", description, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 100
                ? d
                : throw new UserError($"Option {name} takes a percentage from 0 to 100, not '{Printable.Of(text)}'."));

    public static Option<int?> Count(string name, string description, int minimum = 1) =>
        Typed<int?>(name, "N", description, text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
                ? n
                : throw new UserError(minimum == 0
                    ? $"Option {name} takes a whole number (0 or more), not '{Printable.Of(text)}'."
                    : $"Option {name} takes a whole number above {minimum - 1}, not '{Printable.Of(text)}'."));

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    public static Option<string?> Text(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description };

    /// <summary>An option whose text is read by <paramref name="parse"/>; its <see cref="UserError"/> becomes the parse error.</summary>
    public static Option<T> Typed<T>(string name, string helpName, string description, Func<string, T> parse) =>
        new(name)
        {
            HelpName = helpName,
            Description = description,
            CustomParser = result =>
            {
                try
                {
                    return parse(result.Tokens.Count > 0 ? result.Tokens[0].Value : "");
                }
                catch (UserError ex)
                {
                    result.AddError(ex.Message);
                    return default;
                }
            },
        };
}
