using Analytics.Model.Analysis;
using Analytics.Model.Scoring;

namespace Analytics.Model.Flags;

/// <summary>
/// The flag rules (docs/analysis.md, "Flags"). Each rule reads the month's frame, the unit's expected density and
/// the risk model's probability, and, when it fires, returns a flag with its evidence and reasons as data.
/// </summary>
internal static class FlagRules
{
    public static IReadOnlyList<TenantFlag> Evaluate(IReadOnlyList<TenantScore> scores, AnalysisSettings settings, bool riskModelUsed, double riskBaseRate)
    {
        var flags = new List<TenantFlag>();
        foreach (var s in scores)
        {
            var own = new List<TenantFlag>();
            Add(own, Replace(s, settings));
            Add(own, RentRelief(s, settings));
            Add(own, RentReviewUp(s, settings));
            Add(own, ImprovementPlan(s, settings));
            Add(own, SalesAudit(s, settings));
            if (own.Count == 0)
            {
                Add(own, Watch(s, settings, riskModelUsed, riskBaseRate));
            }

            flags.AddRange(own);
        }

        // Within a flag: priority first, then the rule's own ranking figure (re-letting opportunity for replace).
        return flags
            .OrderBy(f => Array.IndexOf(FlagCodes.All, f.Code))
            .ThenBy(f => f.Priority)
            .ThenByDescending(f => f.RankValue)
            .ThenBy(f => f.Score.Frame.Metrics.MallId, StringComparer.Ordinal)
            .ThenBy(f => f.Score.Frame.Metrics.TenantId, StringComparer.Ordinal)
            .ToList();
    }

    private static void Add(List<TenantFlag> list, TenantFlag? flag)
    {
        if (flag is not null)
        {
            list.Add(flag);
        }
    }

    internal static TenantFlag? Replace(TenantScore s, AnalysisSettings settings)
    {
        var c = settings.Flags;
        var f = s.Frame;
        var m = f.Metrics;
        if (m.MonthsOpen < c.ReplaceMinMonthsOpen || f.DensityRatio3m is not { } ratio || ratio >= c.ReplacePeerRatio || f.MonthsUnder < c.ReplacePersistMonths)
        {
            return null;
        }

        // Without an expected-performance model the peer test stands alone (the model card says why).
        if (s.ExpectedRatio is { } er && er >= c.ReplaceExpectedRatio)
        {
            return null;
        }

        var inArrears = m.ArrearsDays >= c.ReplaceArrearsDays;
        var priorRate = f.ComplaintsPriorAvg ?? 0;
        var recentRate = f.Complaints3m / 3.0;
        var complaintsRising = f.PriorMonths >= 3 && f.Complaints3m >= c.ReplaceMinComplaints && recentRate >= c.ReplaceComplaintsRising * Math.Max(priorRate, 1.0 / 3);
        if (!inArrears && !complaintsRising)
        {
            return null;
        }

        var reasons = new List<Reason>
        {
            Reason.Of("under_peers", ("density", f.Density3m ?? 0), ("ratio", ratio), ("peer", f.Density3mPeerMedian ?? 0),
                ("threshold", c.ReplacePeerRatio), ("months", f.MonthsUnder), ("window", c.ReplaceWindowMonths)),
        };
        if (s.ExpectedRatio is { } e)
        {
            reasons.Add(Reason.Of("under_expected", ("ratio", e), ("expected", s.ExpectedDensity3m ?? 0)));
        }

        if (inArrears)
        {
            reasons.Add(Reason.Of("arrears", ("arrears", m.Arrears), ("days", m.ArrearsDays)));
        }

        if (complaintsRising)
        {
            reasons.Add(Reason.Of("complaints_rising", ("count", f.Complaints3m), ("factor", recentRate / Math.Max(priorRate, 1.0 / 3))));
        }

        var area = (double)(m.AreaSqm ?? 0);
        var target = s.ExpectedDensity3m ?? f.Density3mPeerMedian ?? 0;
        var gain = Math.Max(0, (target - (f.Density3m ?? 0)) * area * 12);
        var rentAtRisk = (double)m.Arrears + (double)(m.OccupancyCost ?? m.BaseRent) * Math.Min(m.MonthsToExpiry, 12);
        reasons.Add(Reason.Of("lease_expiry", ("date", m.LeaseEnd), ("months", m.MonthsToExpiry)));
        reasons.Add(Reason.Of("relet_opportunity", ("gain", gain), ("rent", rentAtRisk)));
        var priority = m.MonthsToExpiry <= c.ReplaceSoonMonths ? Priority.High : m.MonthsToExpiry <= 2 * c.ReplaceSoonMonths ? Priority.Medium : Priority.Low;
        return new TenantFlag(s, FlagCodes.Replace, priority, gain + rentAtRisk, reasons) { Opportunity = gain, RentAtRisk = rentAtRisk };
    }

    internal static TenantFlag? RentRelief(TenantScore s, AnalysisSettings settings)
    {
        var c = settings.Flags;
        var f = s.Frame;
        var m = f.Metrics;
        var band = settings.BandOf(m.Category);
        if (f.DensityRatio3m is not { } ratio || ratio < c.ReliefMinPeerRatio
            || m.LateShare12m is not { } late || late > c.ReliefMaxLateShare || m.ArrearsDays > c.ReliefMaxArrearsDays
            || m.OcrTtm is not { } ocr || ocr < band.High * c.ReliefOcrOverBand)
        {
            return null;
        }

        return new TenantFlag(s, FlagCodes.RentRelief, ocr >= band.High * c.ReliefOcrOverBand * 1.25 ? Priority.High : Priority.Medium, ocr / band.High,
        [
            Reason.Of("ocr_high", ("ocr", ocr), ("low", band.Low), ("high", band.High)),
            Reason.Of("sales_at_peers", ("ratio", ratio)),
            Reason.Of("pays_on_time", ("late", late), ("days", Math.Max(m.ArrearsDays, 0))),
        ]);
    }

    internal static TenantFlag? RentReviewUp(TenantScore s, AnalysisSettings settings)
    {
        var c = settings.Flags;
        var f = s.Frame;
        var m = f.Metrics;
        // A top performer: well above the peer median and in the category's top quartile.
        if (f.DensityRatio3m is not { } ratio || ratio < c.ReviewUpMinPeerRatio || (f.Density3mPeerP75 is { } p75 && f.Density3m < p75)
            || f.BaseRentPsm is not { } rent || f.FloorRentPsmPeerMedian is not { } peer || peer <= 0 || rent > c.ReviewUpRentRatio * peer
            || m.MonthsToExpiry > c.ReviewUpExpiryMonths)
        {
            return null;
        }

        return new TenantFlag(s, FlagCodes.RentReviewUp, m.MonthsToExpiry <= 6 ? Priority.High : Priority.Medium, (peer - rent) * (double)(m.AreaSqm ?? 0),
        [
            Reason.Of("top_performer", ("ratio", ratio)),
            Reason.Of("rent_below_floor", ("rent", rent), ("ratio", rent / peer), ("peer", peer)),
            Reason.Of("lease_expiry", ("date", m.LeaseEnd), ("months", m.MonthsToExpiry)),
        ]);
    }

    internal static TenantFlag? ImprovementPlan(TenantScore s, AnalysisSettings settings)
    {
        var c = settings.Flags;
        var f = s.Frame;
        // Sales hold: the tenant's own sales keep pace with its category (a falling shop is a replace or watch case).
        var movement = f.RelMomentum ?? f.RelYoy;
        if (f.PriorMonths < 3 || movement is not { } mv || mv < c.ImprovementMinSalesMovement || f.MonthsUnder >= c.ReplacePersistMonths)
        {
            return null;
        }

        var reasons = new List<Reason>();
        var complaints = WellAbove(f.Complaints3m, f.ComplaintsPriorAvg, f.Complaints3mPeerMedian, c);
        if (complaints is { } cx)
        {
            reasons.Add(Reason.Of("complaints_up", ("count", f.Complaints3m), ("own", cx.Own), ("peers", cx.Peers)));
        }

        var violations = WellAbove(f.Violations3m, f.ViolationsPriorAvg, f.Violations3mPeerMedian, c);
        if (violations is { } vx)
        {
            reasons.Add(Reason.Of("violations_up", ("count", f.Violations3m), ("own", vx.Own), ("peers", vx.Peers)));
        }

        if (reasons.Count == 0)
        {
            return null;
        }

        reasons.Add(Reason.Of("sales_hold", ("change", mv)));
        return new TenantFlag(s, FlagCodes.ImprovementPlan, reasons.Count > 2 ? Priority.High : Priority.Medium,
            (complaints?.Own ?? 0) + (violations?.Own ?? 0), reasons);
    }

    /// <summary>A 3-month count well above the tenant's own earlier rate and above its peers' median (factors as multiples).</summary>
    private static (double Own, double Peers)? WellAbove(long count3m, double? priorMonthlyAvg, double? peerMedian3m, FlagSettings c)
    {
        if (count3m < c.ImprovementMinCount || priorMonthlyAvg is not { } prior)
        {
            return null;
        }

        // A floor of one event per 3 months keeps a clean record from turning any single event into "infinitely more".
        var own = count3m / Math.Max(prior * 3, 1);
        var peers = count3m / Math.Max(peerMedian3m ?? 0, 1);
        return own >= c.ImprovementOwnFactor && (peerMedian3m is null || peers >= c.ImprovementPeerFactor) ? (own, peers) : null;
    }

    internal static TenantFlag? SalesAudit(TenantScore s, AnalysisSettings settings)
    {
        var c = settings.Flags;
        var f = s.Frame;
        // Against its own previous months and net of the market (the category's peers, or without peers the mall):
        // reported sales fell, receipts did not, and the average ticket left its own robust range.
        var market = f.SalesChangePeerMedian ?? f.MallSalesChange ?? 0;
        if (f.SalesChange is not { } change || f.ReceiptsChange is not { } receipts || f.TicketZ is not { } z || market <= -1)
        {
            return null;
        }

        var salesVsMarket = (1 + change) / (1 + market) - 1;
        var receiptsVsMarket = (1 + receipts) / (1 + market) - 1;
        if (salesVsMarket > c.AuditSalesDrop || receiptsVsMarket < c.AuditMaxReceiptsDrop || z > c.AuditTicketZ)
        {
            return null;
        }

        if (f.FootfallChange is { } ff && ff < c.AuditMaxFootfallDrop)
        {
            return null;
        }

        var reasons = new List<Reason>
        {
            Reason.Of("sales_drop", ("change", -salesVsMarket)),
            Reason.Of("receipts_hold", ("change", receiptsVsMarket)),
            Reason.Of("peers_hold", ("change", market)),
        };
        if (f.FootfallChange is { } foot)
        {
            reasons.Add(Reason.Of("footfall_hold", ("change", foot)));
        }

        reasons.Add(Reason.Of("ticket_outlier", ("z", z)));
        return new TenantFlag(s, FlagCodes.SalesAudit, Priority.High, -salesVsMarket, reasons);
    }

    internal static TenantFlag? Watch(TenantScore s, AnalysisSettings settings, bool riskModelUsed, double baseRate)
    {
        var c = settings.Flags;
        var m = s.Frame.Metrics;
        if (riskModelUsed && s.Risk is { } p && p >= c.WatchMinRisk)
        {
            return new TenantFlag(s, FlagCodes.Watch, p >= (1 + c.WatchMinRisk) / 2 ? Priority.Medium : Priority.Low, p,
                [Reason.Of("risk_high", ("p", p), ("base", baseRate))]);
        }

        // Early-warning rules, applied with or without a model (a model trained on past exits can miss a pattern
        // that has not ended in an exit yet): a long-unpaid bill, or payments slipping (late bills, one overdue now)
        // while sales slip against the category. A chronic late payer whose sales hold is not a new risk.
        if (m.ArrearsDays >= c.WatchRuleArrearsDays)
        {
            return new TenantFlag(s, FlagCodes.Watch, Priority.Medium, m.ArrearsDays, [Reason.Of("risk_rule_arrears", ("days", m.ArrearsDays))]);
        }

        var slipping = Math.Min(s.Frame.RelYoy ?? 0, s.Frame.RelMomentum ?? 0);
        return m.LateShare12m is { } late && late >= c.WatchRuleLateShare && m.ArrearsDays > c.WatchRuleOverdueDays && slipping <= c.WatchRuleSalesSlip
            ? new TenantFlag(s, FlagCodes.Watch, Priority.Low, late, [Reason.Of("risk_rule_late", ("late", late), ("days", m.ArrearsDays), ("slip", -slipping))])
            : null;
    }
}
