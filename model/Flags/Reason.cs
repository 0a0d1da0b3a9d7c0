using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Model.Flags;

/// <summary>
/// A reason as data: a fixed code and its figures. Sentences are rendered from it in English or Chinese, so a
/// report in either language (and a test) reads the same facts.
/// </summary>
public sealed record Reason(string Code, IReadOnlyDictionary<string, object> Figures)
{
    public static Reason Of(string code, params (string Name, object Value)[] figures) =>
        new(code, figures.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal));

    public string Render(string language) => ReasonText.Render(this, language);
}

/// <summary>
/// The sentence templates of every reason code, in English and simplified Chinese: the reasons several flags give
/// here, each flag's own in its <see cref="FlagRule"/>.
/// </summary>
public static partial class ReasonText
{
    // Placeholders: {name:format}; formats: pct0, pct1 (0.153 → 15%, 15.3%), n0, n1, money (thousands grouped), date.
    private static readonly Dictionary<string, (string En, string Zh)> Shared = new(StringComparer.Ordinal)
    {
        ["lease_expiry"] = (
            "The lease ends on {date:date}, in {months:n0} months.",
            "租约于 {date:date} 到期，剩余 {months:n0} 个月。"),
    };

    private static readonly Dictionary<string, (string En, string Zh)> Templates = AllTemplates();

    public static IReadOnlyCollection<string> Codes => Templates.Keys;

    /// <summary>The shared templates and every rule's own; a code two places define is a programming error.</summary>
    private static Dictionary<string, (string En, string Zh)> AllTemplates()
    {
        var all = new Dictionary<string, (string En, string Zh)>(Shared, StringComparer.Ordinal);
        foreach (var rule in FlagRules.All)
        {
            foreach (var (code, text) in rule.Reasons)
            {
                if (!all.TryAdd(code, text))
                {
                    throw new InvalidOperationException($"The reason code '{code}' of the flag '{rule.Code}' is defined twice.");
                }
            }
        }

        return all;
    }

    public static string Render(Reason reason, string language)
    {
        if (!Templates.TryGetValue(reason.Code, out var t))
        {
            throw new ArgumentException($"Unknown reason code '{reason.Code}'.", nameof(reason));
        }

        var template = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? t.Zh : t.En;
        return Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            if (!reason.Figures.TryGetValue(name, out var value))
            {
                throw new ArgumentException($"Reason '{reason.Code}' lacks the figure '{name}'.", nameof(reason));
            }

            return Format(value, m.Groups[2].Value);
        });
    }

    private static string Format(object value, string format)
    {
        var c = CultureInfo.InvariantCulture;
        if (value is DateOnly d)
        {
            return d.ToString("yyyy-MM-dd", c);
        }

        var x = Convert.ToDouble(value, c);
        return format switch
        {
            "pct0" => (x * 100).ToString("0", c) + "%",
            "pct1" => (x * 100).ToString("0.0", c) + "%",
            "n1" => x.ToString("0.0", c),
            "money" => x.ToString("#,0", c),
            _ => x.ToString("0", c),
        };
    }

    [GeneratedRegex(@"\{(\w+)(?::(\w+))?\}")]
    private static partial Regex Placeholder();
}
