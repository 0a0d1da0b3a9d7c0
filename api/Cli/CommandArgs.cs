using System.Globalization;

namespace Analytics.Api.Cli;

/// <summary>
/// The arguments of one verb: positionals and <c>--name value</c> options (<c>--flag</c> alone is true).
/// Every option is declared by the verb, so a typo is a usage error rather than silently ignored.
/// </summary>
internal sealed class CommandArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Positionals { get; }

    private CommandArgs(List<string> positionals) => Positionals = positionals;

    public static CommandArgs Parse(IReadOnlyList<string> args, IReadOnlySet<string> flags)
    {
        var positionals = new List<string>();
        var parsed = new CommandArgs(positionals);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
            {
                positionals.Add(a);
                continue;
            }

            var name = a[2..];
            string? value = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (!flags.Contains(name))
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageError($"Option --{name} needs a value.");
                }

                value = args[++i];
            }

            if (!parsed._options.TryAdd(name, value))
            {
                throw new UsageError($"Option --{name} is given twice.");
            }
        }

        return parsed;
    }

    public string? Option(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var v) ? v : null;
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    public string Required(string name) =>
        Option(name) is { Length: > 0 } v ? v : throw new UsageError($"Option --{name} is required.");

    public double? Number(string name)
    {
        var raw = Option(name);
        if (raw is null)
        {
            return null;
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new UsageError($"Option --{name} takes a number, not '{raw}'.");
    }

    public string Positional(int index, string what) =>
        index < Positionals.Count ? Positionals[index] : throw new UsageError($"Missing {what}.");

    /// <summary>Call after the verb has read every option it knows: anything left over is a typo.</summary>
    public void EnsureAllRead(int maxPositionals)
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageError($"Unknown option --{unknown[0]}.");
        }

        if (Positionals.Count > maxPositionals)
        {
            throw new UsageError($"Unexpected argument '{Positionals[maxPositionals]}'.");
        }
    }
}
