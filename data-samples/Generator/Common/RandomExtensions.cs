namespace Analytics.SampleData.Common;

/// <summary>The few distributions the generator draws from, on top of a seeded <see cref="Random"/>.</summary>
internal static class RandomExtensions
{
    public static double Uniform(this Random rng, double low, double high) => low + (rng.NextDouble() * (high - low));

    public static int Between(this Random rng, int low, int highInclusive) => rng.Next(low, highInclusive + 1);

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>Standard normal by Box–Muller (one value per call keeps the stream simple and stable).</summary>
    public static double Normal(this Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A multiplicative noise factor with median 1.</summary>
    public static double LogNormal(this Random rng, double sigma) => Math.Exp(sigma * rng.Normal());

    public static int Poisson(this Random rng, double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }
        if (lambda > 30)
        {
            return Math.Max(0, (int)Math.Round(lambda + (Math.Sqrt(lambda) * rng.Normal())));
        }
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }
        return k;
    }

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static T Pick<T>(this Random rng, IReadOnlyList<(T Item, double Weight)> weighted)
    {
        var total = 0.0;
        foreach (var (_, w) in weighted)
        {
            total += w;
        }
        var x = rng.NextDouble() * total;
        foreach (var (item, w) in weighted)
        {
            x -= w;
            if (x < 0)
            {
                return item;
            }
        }
        return weighted[^1].Item;
    }

    public static DateOnly DateBetween(this Random rng, DateOnly first, DateOnly last) =>
        DateOnly.FromDayNumber(rng.Between(first.DayNumber, last.DayNumber));
}
