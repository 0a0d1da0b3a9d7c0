using Analytics.Model.Analysis;

namespace Analytics.Model.Tests.Support;

/// <summary>
/// A small mall for flag scenarios: a category of ordinary peers with two years of monthly sales, receipts,
/// rent paid on time and whole-mall footfall, to which a test adds the one tenant (or the one event) it is about.
/// Sales vary a little month to month (deterministically) so that robust statistics see real, not constant, data.
/// </summary>
internal sealed class Scenario : IDisposable
{
    public static readonly DateOnly P = new(2025, 6, 1);
    public static readonly DateOnly FirstMonth = P.AddMonths(-23);

    public TestWarehouse W { get; } = new();

    public static IEnumerable<DateOnly> Months(DateOnly? from = null)
    {
        for (var m = from ?? FirstMonth; m <= P; m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    public static double Wiggle(string id, DateOnly month) =>
        1 + 0.03 * Math.Sin(month.Year * 12 + month.Month + id.Sum(c => c));

    /// <summary>The default peers: <paramref name="count"/> tenants of a category selling about 100,000 a month on 100 m².</summary>
    public Scenario Peers(string category = "fashion", int count = 6, string prefix = "P", Func<DateOnly, double>? market = null)
    {
        for (var i = 1; i <= count; i++)
        {
            var id = $"{prefix}{i}";
            Tenant(id, category, month => 100_000 * Wiggle(id, month) * (market?.Invoke(month) ?? 1),
                receipts: month => (int)(2000 * (market?.Invoke(month) ?? 1)));
        }

        return this;
    }

    /// <summary>
    /// One tenant with monthly sales and receipts, rent billed on the 5th (paid on the 5th unless
    /// <paramref name="unpaidFrom"/> says from which month bills stay unpaid).
    /// </summary>
    public Scenario Tenant(
        string id, string category, Func<DateOnly, double> sales, Func<DateOnly, int?>? receipts = null,
        DateOnly? start = null, DateOnly? leaseEnd = null, decimal rent = 12_000m, decimal area = 100m, string floor = "1F",
        DateOnly? unpaidFrom = null, string? name = null)
    {
        var first = start ?? new DateOnly(2021, 1, 1);
        W.Unit("U-" + id, floor, "A", area).Tenant(id, category, start: first, end: leaseEnd ?? new DateOnly(2028, 12, 31), baseRent: rent, name: name ?? "商户 " + id);
        foreach (var month in Months())
        {
            if (Muted(month, first))
            {
                continue;
            }

            W.Sale(id, month.AddDays(14), (decimal)Math.Round(sales(month), 2), receipts is null ? 2000 : receipts(month));
            if (unpaidFrom is { } u && month >= u)
            {
                W.Rent(id, month, rent, month.AddDays(4));
            }
            else
            {
                W.PaidRent(id, month, rent);
            }
        }

        return this;
    }

    private static bool Muted(DateOnly month, DateOnly start) => month.AddMonths(1).AddDays(-1) < start;

    public Scenario Footfall(Func<DateOnly, double>? market = null)
    {
        foreach (var month in Months())
        {
            W.Footfall(month.AddDays(14), (long)(500_000 * (market?.Invoke(month) ?? 1)));
        }

        return this;
    }

    public AnalysisResult Analyse(AnalysisSettings? settings = null) =>
        TenantAnalysis.Run(W.Connection, null, Month.Of(P), settings ?? AnalysisSettings.Default);

    public void Dispose() => W.Dispose();
}
