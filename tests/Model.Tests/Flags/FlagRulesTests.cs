using Analytics.Model.Analysis;
using Analytics.Model.Flags;
using Analytics.Model.Tests.Support;

namespace Analytics.Model.Tests.Flags;

// Built scenarios for every flag, and the situations that must NOT raise one. P = 2025-06.
public sealed class FlagRulesTests : IDisposable
{
    private readonly Scenario _s = new();

    public void Dispose() => _s.Dispose();

    private static IReadOnlyList<TenantFlag> FlagsOf(AnalysisResult result, string tenantId) =>
        result.Flags.Where(f => f.Score.Frame.Metrics.TenantId == tenantId).ToList();

    [Fact]
    public void Replace_PersistentUnderPerformerInArrearsNearExpiry_FlaggedHighWithReasons()
    {
        _s.Peers().Footfall().Tenant("X", "fashion", m => 40_000 * Scenario.Wiggle("X", m), leaseEnd: new DateOnly(2026, 2, 28),
            unpaidFrom: new DateOnly(2025, 4, 1));

        var result = _s.Analyse();

        var flag = FlagsOf(result, "X").Should().ContainSingle().Which;
        flag.Code.Should().Be(FlagCodes.Replace);
        flag.Priority.Should().Be(Priority.High);
        flag.Reasons.Select(r => r.Code).Should().Contain(["under_peers", "arrears", "lease_expiry", "relet_opportunity"]);
        flag.Score.Frame.DensityRatio3m.Should().BeApproximately(0.4, 0.03);
        flag.Opportunity.Should().BeGreaterThan(500_000, "the unit should sell about 60,000 a month more");
        flag.ReasonsText("en").Should().MatchRegex(@"is 4\d\d per m², 4\d% of the peer median of \d{3,4}; it was below 75% of peers in 6 of the last 6 months\.")
            .And.Contain("36,000 is unpaid; the oldest bill is 86 days overdue.");
        flag.ReasonsText("zh").Should().Contain("同行中位数").And.Contain("欠缴");
        FlagsOf(result, "P1").Should().BeEmpty();
    }

    [Fact]
    public void Replace_RankedByReLettingOpportunity_BiggerGapFirst()
    {
        _s.Peers().Footfall()
            .Tenant("SMALL", "fashion", m => 20_000 * Scenario.Wiggle("SMALL", m), area: 50m, unpaidFrom: new DateOnly(2025, 4, 1))
            .Tenant("BIG", "fashion", m => 160_000 * Scenario.Wiggle("BIG", m), area: 400m, unpaidFrom: new DateOnly(2025, 4, 1));

        var replace = _s.Analyse().Flags.Where(f => f.Code == FlagCodes.Replace).Select(f => f.Score.Frame.Metrics.TenantId);

        replace.Should().Equal("BIG", "SMALL");
    }

    [Fact]
    public void RentRelief_HealthyOperatorWithOcrFarAboveBand_Flagged()
    {
        _s.Peers().Footfall().Tenant("R", "fashion", m => 105_000 * Scenario.Wiggle("R", m), rent: 26_000m);

        var flag = FlagsOf(_s.Analyse(), "R").Should().ContainSingle().Which;

        flag.Code.Should().Be(FlagCodes.RentRelief);
        flag.Reasons.Select(r => r.Code).Should().Equal("ocr_high", "sales_at_peers", "pays_on_time");
        flag.ReasonsText("en").Should().Contain("above the category's healthy band of 12% to 18%");
    }

    [Fact]
    public void RentReviewUp_TopPerformerPayingFarBelowFloorLeaseEndingSoon_Flagged()
    {
        _s.Peers().Footfall().Tenant("U", "fashion", m => 170_000 * Scenario.Wiggle("U", m), rent: 6_000m, leaseEnd: new DateOnly(2026, 3, 31));

        var flag = FlagsOf(_s.Analyse(), "U").Should().ContainSingle().Which;

        flag.Code.Should().Be(FlagCodes.RentReviewUp);
        flag.Reasons.Select(r => r.Code).Should().Equal("top_performer", "rent_below_floor", "lease_expiry");
        flag.ReasonsText("en").Should().Contain("It pays 60.0 per m² a month, 50% of the median of 120.0 on its floor");
    }

    [Fact]
    public void RentReviewUp_LeaseFarFromExpiry_NotFlagged()
    {
        _s.Peers().Footfall().Tenant("U", "fashion", m => 170_000 * Scenario.Wiggle("U", m), rent: 6_000m, leaseEnd: new DateOnly(2028, 3, 31));

        FlagsOf(_s.Analyse(), "U").Should().BeEmpty();
    }

    [Fact]
    public void ImprovementPlan_ComplaintsJumpWhileSalesHold_Flagged()
    {
        _s.Peers().Footfall().Tenant("C", "fashion", m => 100_000 * Scenario.Wiggle("C", m));
        foreach (var day in new[] { new DateTime(2025, 4, 3, 12, 0, 0), new DateTime(2025, 5, 9, 12, 0, 0), new DateTime(2025, 6, 2, 12, 0, 0), new DateTime(2025, 6, 20, 12, 0, 0) })
        {
            _s.W.Complaint("C", day, 2);
        }

        var flag = FlagsOf(_s.Analyse(), "C").Should().ContainSingle().Which;

        flag.Code.Should().Be(FlagCodes.ImprovementPlan);
        flag.Reasons.Select(r => r.Code).Should().Equal("complaints_up", "sales_hold");
        flag.ReasonsText("en").Should().StartWith("4 complaints in the last 3 months");
    }

    [Fact]
    public void ImprovementPlan_ManyComplaintsAsAlways_NotFlagged()
    {
        // Why: "well above its own history": a tenant that always had this many complaints is not a new problem.
        _s.Peers().Footfall().Tenant("C", "fashion", m => 100_000 * Scenario.Wiggle("C", m));
        foreach (var m in Scenario.Months())
        {
            _s.W.Complaint("C", m.AddDays(9).ToDateTime(new TimeOnly(12, 0)), 1);
            _s.W.Complaint("C", m.AddDays(19).ToDateTime(new TimeOnly(12, 0)), 1);
        }

        FlagsOf(_s.Analyse(), "C").Should().BeEmpty();
    }

    [Fact]
    public void SalesAudit_SalesFallWhileReceiptsPeersAndFootfallHold_Flagged()
    {
        _s.Peers().Footfall().Tenant("A", "fashion", m => m == Scenario.P ? 55_000 : 100_000 * Scenario.Wiggle("A", m));

        var flag = FlagsOf(_s.Analyse(), "A").Should().ContainSingle().Which;

        flag.Code.Should().Be(FlagCodes.SalesAudit);
        flag.Priority.Should().Be(Priority.High);
        flag.Reasons.Select(r => r.Code).Should().Equal("sales_drop", "receipts_hold", "peers_hold", "footfall_hold", "ticket_outlier");
        flag.Score.Frame.SalesChange.Should().BeApproximately(-0.45, 0.03);
    }

    [Fact]
    public void Watch_NoRiskModelAndLongArrears_FlaggedByRule()
    {
        _s.Peers().Footfall().Tenant("W", "fashion", m => 100_000 * Scenario.Wiggle("W", m), unpaidFrom: new DateOnly(2025, 5, 1));

        var result = _s.Analyse();

        result.RiskModel.Available.Should().BeFalse();
        result.RiskModel.UnavailableReason.Should().Contain("too few cases");
        var flag = FlagsOf(result, "W").Should().ContainSingle().Which;
        flag.Code.Should().Be(FlagCodes.Watch);
        flag.Reasons.Single().Code.Should().Be("risk_rule_arrears");
    }

    [Fact]
    public void NoFlag_NewTenantRampingUp_NeverAReplaceCandidate()
    {
        // Why: a shop open 3 months still builds its clientele; low sales and a first late bill are no reason to replace it.
        _s.Peers().Footfall().Tenant("N", "fashion", m => 40_000, start: new DateOnly(2025, 3, 1), unpaidFrom: new DateOnly(2025, 5, 1));

        FlagsOf(_s.Analyse(), "N").Select(f => f.Code).Should().NotContain(FlagCodes.Replace);
    }

    [Fact]
    public void NoFlag_SeasonalCategoryInItsLowSeason_NoTenantFlagged()
    {
        // Why: June is the low month of this category: every shop of it sells 40% less; nobody is at fault.
        static double Season(DateOnly m) => m.Month == 6 ? 0.6 : 1.0;
        _s.Peers().Peers("kids", 5, "K", Season).Footfall();

        _s.Analyse().Flags.Should().BeEmpty();
    }

    [Fact]
    public void NoFlag_MallWideDip_NoTenantFlagged()
    {
        static double Dip(DateOnly m) => m >= new DateOnly(2025, 4, 1) ? 0.65 : 1.0;
        _s.Peers("fashion", 6, "P", Dip).Peers("f&b", 5, "F", Dip).Footfall(Dip);

        _s.Analyse().Flags.Should().BeEmpty();
    }

    [Fact]
    public void NoFlag_OneBadMonth_NeitherReplaceNorAudit()
    {
        _s.Peers().Footfall().Tenant("B", "fashion", m => m == Scenario.P ? 35_000 : 100_000 * Scenario.Wiggle("B", m),
            receipts: m => m == Scenario.P ? 700 : 2000, unpaidFrom: new DateOnly(2025, 5, 1));

        FlagsOf(_s.Analyse(), "B").Select(f => f.Code).Should().NotContain([FlagCodes.Replace, FlagCodes.SalesAudit]);
    }

    [Fact]
    public void RentRelief_HighOcrButPaysLate_NotFlagged()
    {
        // Why: relief is for a healthy operator; one that is already behind on rent is a different conversation.
        _s.Peers().Footfall().Tenant("R", "fashion", m => 105_000 * Scenario.Wiggle("R", m), rent: 26_000m, unpaidFrom: new DateOnly(2025, 5, 1));

        FlagsOf(_s.Analyse(), "R").Select(f => f.Code).Should().NotContain(FlagCodes.RentRelief);
    }

    [Fact]
    public void SalesAudit_SalesFallWithTheFootfall_NotFlagged()
    {
        // Why: when the whole mall empties, lower sales with steady receipts per visitor are plausible.
        static double Footfall(DateOnly m) => m == Scenario.P ? 0.5 : 1.0;
        _s.Peers().Footfall(Footfall).Tenant("A", "fashion", m => m == Scenario.P ? 55_000 : 100_000 * Scenario.Wiggle("A", m));

        FlagsOf(_s.Analyse(), "A").Select(f => f.Code).Should().NotContain(FlagCodes.SalesAudit);
    }

    [Fact]
    public void ImprovementPlan_ComplaintsJumpWhileSalesCollapse_LeftToReplace()
    {
        _s.Peers().Footfall().Tenant("C", "fashion", m => 40_000 * Scenario.Wiggle("C", m), unpaidFrom: new DateOnly(2025, 4, 1));
        foreach (var day in new[] { new DateTime(2025, 4, 3, 12, 0, 0), new DateTime(2025, 5, 9, 12, 0, 0), new DateTime(2025, 6, 2, 12, 0, 0), new DateTime(2025, 6, 20, 12, 0, 0) })
        {
            _s.W.Complaint("C", day, 2);
        }

        FlagsOf(_s.Analyse(), "C").Select(f => f.Code).Should().Equal(FlagCodes.Replace);
    }
}
