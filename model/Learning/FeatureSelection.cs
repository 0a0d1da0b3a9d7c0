namespace Analytics.Model.Learning;

/// <summary>
/// Which features a model trains on. FastTree skips every row with an unknown (NaN) feature, so a feature unknown
/// for every row (no floors in the drop, no receipts) would leave it nothing to learn from and it throws ("All
/// instances skipped due to missing features"). A feature is dropped, with its reason for the model card, when the
/// drop never gave its input (<paramref name="unavailable"/>, from <see cref="Analysis.DataAvailability"/>) or when
/// it is unknown in every training row.
/// </summary>
internal static class FeatureSelection
{
    public sealed record Choice(IReadOnlyList<string> Used, IReadOnlyList<(string Feature, string Reason)> Dropped)
    {
        public int[] UsedIndexes(IReadOnlyList<string> all) => Used.Select(f => all.IndexOf(f)).ToArray();
    }

    /// <param name="features">All feature names, in the order of each row's vector.</param>
    /// <param name="rows">The training rows' feature vectors (same order as <paramref name="features"/>).</param>
    /// <param name="unavailable">Features whose input the drop did not give, with the input's name.</param>
    public static Choice Choose(IReadOnlyList<string> features, IReadOnlyList<float[]> rows, IReadOnlyDictionary<string, string> unavailable)
    {
        var used = new List<string>();
        var dropped = new List<(string, string)>();
        for (var i = 0; i < features.Count; i++)
        {
            var name = features[i];
            if (unavailable.TryGetValue(name, out var input))
            {
                dropped.Add((name, $"input not available: {input}"));
                continue;
            }

            if (!rows.Any(r => float.IsFinite(r[i])))
            {
                dropped.Add((name, "unknown in every training row"));
            }
            else
            {
                used.Add(name);
            }
        }

        return new Choice(used, dropped);
    }

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
