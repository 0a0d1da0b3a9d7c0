namespace Analytics.SampleData.Sample;

/// <summary>
/// A factor over time given by knots, linear between them and flat beyond them. Scripts a tenant's story
/// (a slide, a ramp-up, a bad month) without special cases in the books that draw the rows.
/// </summary>
internal sealed class Curve
{
    private readonly (int Day, double Value)[] knots;

    public static readonly Curve One = new();

    public Curve(params (DateOnly Date, double Value)[] knots)
    {
        this.knots = knots.Select(k => (k.Date.DayNumber, k.Value)).OrderBy(k => k.DayNumber).ToArray();
    }

    public double At(DateOnly date)
    {
        if (knots.Length == 0)
        {
            return 1.0;
        }
        var day = date.DayNumber;
        if (day <= knots[0].Day)
        {
            return knots[0].Value;
        }
        for (var i = 1; i < knots.Length; i++)
        {
            if (day <= knots[i].Day)
            {
                var (d0, v0) = knots[i - 1];
                var (d1, v1) = knots[i];
                return d1 == d0 ? v1 : v0 + ((v1 - v0) * (day - d0) / (d1 - d0));
            }
        }
        return knots[^1].Value;
    }

    /// <summary>1 outside [from, to], <paramref name="factor"/> inside: a dip with sharp edges.</summary>
    public static Curve Step(DateOnly from, DateOnly to, double factor) =>
        new((from.AddDays(-1), 1.0), (from, factor), (to, factor), (to.AddDays(1), 1.0));
}
