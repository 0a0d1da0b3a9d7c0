namespace Analytics.SampleData.Sample;

internal sealed record Unit(string UnitId, string Floor, string Zone, decimal AreaSqm, string Category);

internal sealed class LeasePlan
{
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }
    public required decimal BaseRent { get; init; }
    public decimal TurnoverRatePct { get; init; }
    public decimal ServiceCharge { get; init; }
    public DateOnly? ExitDate { get; set; }
    public string? ExitReason { get; set; }

    /// <summary>The last day the tenant trades under this lease.</summary>
    public DateOnly LastDay => ExitDate is { } exit ? exit.AddDays(-1) : End;
}

/// <summary>Extra complaints or patrol findings per month during a span (a tenant's story, on top of its base rate).</summary>
internal sealed record Boost(DateOnly From, DateOnly To, double PerMonth, string[]? Types = null);

/// <summary>
/// How rent due in a span gets paid: <see cref="DelayDays"/> after the due date, or on <see cref="SettleOn"/>,
/// or never (both null); <see cref="PaidShare"/> of the amount.
/// </summary>
internal sealed record PaymentRule(DateOnly FromDue, DateOnly ToDue, int? DelayDays, DateOnly? SettleOn, double PaidShare = 1.0);

/// <summary>One tenant of the sample mall: who it is, its leases, and the story the books turn into rows.</summary>
internal sealed class TenantPlan
{
    public required string TenantId { get; init; }
    public required string Name { get; init; }
    public required string Brand { get; init; }
    public required CategoryProfile Category { get; init; }
    public required Unit Unit { get; init; }
    public List<LeasePlan> Leases { get; } = [];

    /// <summary>
    /// Where the merchant's sheet is mailed: derived from the id, not drawn, so no other draw shifts; on example.com,
    /// a domain reserved for examples (RFC 2606), so a test run can never mail a real shop.
    /// </summary>
    public string ContactEmail => $"shop.{TenantId.ToLowerInvariant()}@example.com";

    /// <summary>Performance relative to the category norm (1 = typical).</summary>
    public double Quality { get; set; } = 1.0;
    public double TrendPerYear { get; set; }
    public double Ticket { get; set; }

    /// <summary>A few tills export no receipt count; the transactions column is then empty.</summary>
    public bool ReportsTransactions { get; set; } = true;

    /// <summary>Trade actually done, relative to normal.</summary>
    public Curve Sales { get; set; } = Curve.One;

    /// <summary>Share of the trade the tenant reports (below 1: under-reporting to save turnover rent).</summary>
    public Curve Reported { get; set; } = Curve.One;

    public double ComplaintsPerMonth { get; set; }
    public List<Boost> ComplaintBoosts { get; } = [];
    public double FindingsPerMonth { get; set; }
    public List<Boost> FindingBoosts { get; } = [];

    public bool SometimesLate { get; set; }
    public List<PaymentRule> PaymentRules { get; } = [];

    public string Situation { get; set; } = "ordinary";
    public string ExpectedFlag { get; set; } = "none";
    public string Note { get; set; } = string.Empty;

    public DateOnly FirstDay => Leases[0].Start;
    public DateOnly LastDay => Leases[^1].LastDay;

    public DateOnly TradingFrom => FirstDay > SampleCalendar.Start ? FirstDay : SampleCalendar.Start;
    public DateOnly TradingTo => LastDay < SampleCalendar.End ? LastDay : SampleCalendar.End;

    public bool TradesOn(DateOnly d) => d >= TradingFrom && d <= TradingTo;

    public LeasePlan? LeaseOn(DateOnly d) => Leases.FirstOrDefault(l => l.Start <= d && d <= l.LastDay);

    /// <summary>What the category norm predicts this tenant sells in a month (the base the leasing team priced on).</summary>
    public double NormalMonthlySales(double quality = 1.0) =>
        (double)Unit.AreaSqm * Category.DensityPerMonth * CategoryProfile.FloorFactor(Unit.Floor) * quality;
}
