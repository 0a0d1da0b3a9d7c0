using System.Globalization;

namespace Analytics.Model.Flags;

/// <summary>
/// One condition of a flag rule, read with a margin rather than on a knife edge: it holds from its
/// <see cref="Edge"/> on (at or above it when <see cref="Full"/> lies above, at or below it otherwise), and its
/// strength grows from 0 at the edge to 1 at <see cref="Full"/>, where the condition holds beyond doubt. A flag
/// fires when every condition holds; the strengths say how far inside its margins each one sits.
/// </summary>
public sealed record Condition(string Name, double Value, double Edge, double Full)
{
    public bool Holds => Full >= Edge ? Value >= Edge : Value <= Edge;

    public double Strength => !Holds ? 0 : Full == Edge ? 1 : Math.Clamp((Value - Edge) / (Full - Edge), 0, 1);

    /// <summary>The stronger of two alternatives (either one may carry the rule).</summary>
    public static Condition Either(Condition a, Condition b) =>
        a.Holds && (!b.Holds || a.Strength >= b.Strength) ? a : b;

    /// <summary>The conditions as "name strength" pairs for the export (e.g. <c>near_peers 0.40; ocr_over_band 1.00</c>).</summary>
    public static string Describe(IEnumerable<Condition> conditions) =>
        string.Join("; ", conditions.Select(c => c.Name + " " + c.Strength.ToString("0.00", CultureInfo.InvariantCulture)));
}
