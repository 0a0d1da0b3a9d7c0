using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Analytics.Model.Learning;

/// <summary>
/// What the model card says about one model: whether it is used, why not, the data it saw, how it was
/// validated and what drives it. Written by the tool next to the saved model.
/// </summary>
public sealed record ModelReport
{
    public required string Name { get; init; }
    public required bool Available { get; init; }
    public string? UnavailableReason { get; init; }
    public DateOnly? DataFrom { get; init; }
    public DateOnly? DataTo { get; init; }
    public int TrainingRows { get; init; }
    public int ValidationRows { get; init; }
    public int Positives { get; init; }
    public int ValidationPositives { get; init; }
    public string Validation { get; init; } = "";
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    public IReadOnlyList<(string Feature, double Importance)> TopFeatures { get; init; } = [];

    /// <summary>Features left out of training because the drop did not give their input, with the reason.</summary>
    public IReadOnlyList<(string Feature, string Reason)> DroppedFeatures { get; init; } = [];
    public string Fingerprint { get; init; } = "";

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"## {Name}");
        sb.AppendLine();
        sb.AppendLine(c, $"- used: {(Available ? "yes" : "no")}{(UnavailableReason is null ? "" : " — " + UnavailableReason)}");
        if (DataFrom is { } from && DataTo is { } to)
        {
            sb.AppendLine(c, $"- data window: {from:yyyy-MM} to {to:yyyy-MM}");
        }

        sb.AppendLine(c, $"- training rows: {TrainingRows}; validation rows: {ValidationRows}");
        if (Positives > 0 || ValidationPositives > 0)
        {
            sb.AppendLine(c, $"- positive cases: {Positives} in training, {ValidationPositives} in validation");
        }

        if (Validation.Length > 0)
        {
            sb.AppendLine(c, $"- validation: {Validation}");
        }

        foreach (var (k, v) in Metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(c, $"- {k}: {v.ToString("0.####", c)}");
        }

        foreach (var (f, reason) in DroppedFeatures)
        {
            sb.AppendLine(c, $"- feature dropped: {f} ({reason})");
        }

        if (TopFeatures.Count > 0)
        {
            sb.AppendLine("- top features (permutation importance on the validation data):");
            foreach (var (f, imp) in TopFeatures)
            {
                sb.AppendLine(c, $"  - {f}: {imp.ToString("0.####", c)}");
            }
        }

        sb.AppendLine(c, $"- training-data fingerprint: {(Fingerprint.Length == 0 ? "none" : Fingerprint)}");
        return sb.ToString();
    }

    /// <summary>SHA-256 over the training rows exactly as fed to the trainer (floats by their bits), plus the settings.</summary>
    internal static string FingerprintOf(IEnumerable<float[]> rows, string settings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(settings));
        Span<byte> buffer = stackalloc byte[4];
        foreach (var row in rows)
        {
            foreach (var v in row)
            {
                BitConverter.TryWriteBytes(buffer, v);
                hash.AppendData(buffer);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}
