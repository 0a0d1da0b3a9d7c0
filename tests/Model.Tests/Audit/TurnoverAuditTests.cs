using Analytics.Model.Audit;
using Analytics.Model.Tests.Support;
using static Analytics.Model.Tests.Support.Some;

namespace Analytics.Model.Tests.Audit;

public sealed class TurnoverAuditTests : IDisposable
{
    private static readonly TurnoverTier[] Progressive = [new(0m, 5m), new(500_000m, 6m), new(750_000m, 7m)];
    private readonly TestWarehouse _wh = new();

    public void Dispose() => _wh.Dispose();

    [Theory]
    [InlineData(500_000, 25_000)]
    [InlineData(600_000, 31_000)]
    [InlineData(1_000_000, 57_500)]
    [InlineData(0, 0)]
    [InlineData(-5_000, 0)]
    public void TurnoverAmount_ProgressiveTiers_EachRateOnItsSlice(decimal sales, decimal amount)
    {
        TurnoverAudit.TurnoverAmount(Progressive, 99m, sales).Should().Be(amount);
    }

    [Fact]
    public void ExpectedRent_ProgressiveTiersAboveBase_IsAmountMinusBase()
    {
        TurnoverAudit.ExpectedRent(Progressive, 0m, 40_000m, 1_000_000m).Should().Be(17_500m);
        TurnoverAudit.ExpectedRent(Progressive, 0m, 40_000m, 600_000m).Should().Be(0m);
        TurnoverAudit.ExpectedRent([], 8m, 10_000m, 200_000m).Should().Be(6_000m);
    }

    [Fact]
    public void Run_LeaseMonths_FindsEachKindOfSlipAndLeavesRightBillsAlone()
    {
        var start = Day(2024, 1, 1);
        _wh.Tenant("P", start: start, baseRent: 40_000m, turnoverPct: 3m, name: "阶梯")   // tiers override the 3 %
            .Tier("P", start, 0m, 5m).Tier("P", start, 500_000m, 6m).Tier("P", start, 750_000m, 7m)
            .Tenant("F", start: start, baseRent: 10_000m, turnoverPct: 8m, name: "固定")
            .Tenant("N", start: start, baseRent: 10_000m, name: "无提成")
            .Tenant("H", start: Day(2025, 3, 15), baseRent: 10_000m, turnoverPct: 8m, name: "半月");
        // P: Jan right (17,500), Feb tier missed (billed at 5 % only), Mar nothing billed.
        _wh.MonthSales("P", Month(2025, 1), 1_000_000m).Rent("P", Month(2025, 1), 17_500m, chargeType: "turnover_rent")
            .MonthSales("P", Month(2025, 2), 1_000_000m).Rent("P", Month(2025, 2), 10_000m, chargeType: "turnover_rent")
            .MonthSales("P", Month(2025, 3), 1_000_000m);
        // F: Jan right within a cent of rounding, Feb at 7 % instead of 8 %, Mar billed though under the base.
        _wh.MonthSales("F", Month(2025, 1), 200_000m).Rent("F", Month(2025, 1), 6_000.50m, chargeType: "turnover_rent")
            .MonthSales("F", Month(2025, 2), 200_000m).Rent("F", Month(2025, 2), 4_000m, chargeType: "turnover_rent")
            .MonthSales("F", Month(2025, 3), 100_000m).Rent("F", Month(2025, 3), 8_000m, chargeType: "turnover_rent");
        // N: no clause, nothing billed; H: a part month in March is not audited.
        _wh.MonthSales("N", Month(2025, 1), 900_000m).MonthSales("H", Month(2025, 3), 500_000m);

        var findings = TurnoverAudit.Run(_wh.Connection, null, new Month(2025, 3));

        findings.Select(f => (f.TenantId, f.Period, f.Expected, f.Billed, f.Reason)).Should().Equal(
            ("F", Month(2025, 2), 6_000m, 4_000m, TurnoverAudit.WrongRate),
            ("P", Month(2025, 2), 17_500m, 10_000m, TurnoverAudit.TierMissed),
            ("F", Month(2025, 3), 0m, 8_000m, TurnoverAudit.NotDue),
            ("P", Month(2025, 3), 17_500m, 0m, TurnoverAudit.NoCharge));
        findings[0].Difference.Should().Be(-2_000m);
        TurnoverAudit.Run(_wh.Connection, null, new Month(2026, 3)).Should().BeEmpty(because: "the window is the 12 months ending with the period");
    }
}
