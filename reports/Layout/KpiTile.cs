namespace Analytics.Reports.Layout;

/// <summary>Whether a change is good news, bad news or neither; it sets the colour of the delta.</summary>
internal enum KpiTone
{
    Neutral,
    Good,
    Bad,
}

/// <summary>One key figure: a label, its value, and optionally how it changed (e.g. "+4.5% vs last year").</summary>
internal sealed record KpiTile(string Label, string Value, string? Delta = null, KpiTone Tone = KpiTone.Neutral)
{
    /// <summary>
    /// The tone of a change: up is good when higher is better (sales), bad when lower is better (arrears);
    /// a change within <paramref name="flatWithin"/> (as a ratio) is neutral.
    /// </summary>
    public static KpiTone ToneOf(double change, bool higherIsBetter, double flatWithin = 0.0005)
    {
        if (double.IsNaN(change) || Math.Abs(change) <= flatWithin)
            return KpiTone.Neutral;
        return (change > 0) == higherIsBetter ? KpiTone.Good : KpiTone.Bad;
    }
}
