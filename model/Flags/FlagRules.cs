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

    /// <summary>True when every condition holds (the rule fires); the flag carries them all with their strengths.</summary>
    private static bool All(params Condition[] conditions) => conditions.All(c => c.Holds);

    internal static TenantFlag? Replace(TenantScore s, AnalysisSettings settings)
    {
        var c = settings.Flags;
        var f = s.Frame;
        var m = f.Metrics;
        // A tenant ramping up is never a replace candidate: months open is a gate, not evidence to be outweighed.
        if (m.MonthsOpen < c.ReplaceMinMonthsOpen || f.DensityRatio3m is not { } ratio)
        {
            return null;
        }

        var conditions = new List<Condition>
        {
            new("under_peers", ratio, c.ReplacePeerRatio, c.ReplacePeerRatio - 0.15),
            new("persistently_under", f.MonthsUnder, c.ReplacePersistMonths, c.ReplaceWindowMonths),
        };
        // Without an expected-performance model the peer test stands alone (the model card says why).
        if (s.ExpectedRatio is { } er)
        {
            conditions.Add(new Condition("under_expected", er, c.ReplaceExpectedRatio, c.ReplaceExpectedRatio - 0.2));
        }

        var priorRate = f.ComplaintsPriorAvg ?? 0;
        var recentRate = f.Complaints3m / 3.0;
        var risingFactor = f.PriorMonths >= 3 && f.Complaints3m >= c.ReplaceMinComplaints ? recentRate / Math.Max(priorRate, 1.0 / 3) : 0;
        var arrears = new Condition("arrears", m.ArrearsDays, c.ReplaceArrearsDays, 2 * c.ReplaceArrearsDays);
        var rising = new Condition("complaints_rising", risingFactor, c.ReplaceComplaintsRising, 2 * c.ReplaceComplaintsRising);
        conditions.Add(Condition.Either(arrears, rising));
        if (!All([.. conditions]))
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

        if (arrears.Holds)
        {
            reasons.Add(Reason.Of("arrears", ("arrears", m.Arrears), ("days", m.ArrearsDays)));
        }

        if (rising.Holds)
        {
            reasons.Add(Reason.Of("complaints_rising", ("count", f.Complaints3m), ("factor", risingFactor)));
        }

        var area = (double)(m.AreaSqm ?? 0);
        var target = s.ExpectedDensity3m ?? f.Density3mPeerMedian ?? 0;
        var gain = Math.Max(0, (target - (f.Density3m ?? 0)) * area * 12);
        var rentAtRisk = (double)m.Arrears + (double)(m.OccupancyCost ?? m.BaseRent) * Math.Min(m.MonthsToExpiry, 12);
        reasons.Add(Reason.Of("lease_expiry", ("date", m.LeaseEnd), ("months", m.MonthsToExpiry)));
        reasons.Add(Reason.Of("relet_opportunity", ("gain", gain), ("rent", rentAtRisk)));
        var priority = m.MonthsToExpiry <= c.ReplaceSoonMonths ? Priority.High : m.MonthsToExpiry <= 2 * c.ReplaceSoonMonths ? Priority.Medium : Priority.Low;
        return new TenantFlag(s, FlagCodes.Replace, priority, gain + rentAtRisk, reasons) { Opportunity = gain, RentAtRisk = rentAtRisk, Conditions = conditions };
    }

    internal static TenantFlag? RentRelief(TenantScore s, AnalysisSettings settings)
    {
        var c = settings.Flags;
        var f = s.Frame;
        var m = f.Metrics;
        var band = settings.BandOf(m.Category);
        // Sales at or near its peers, or at or near what its unit should achieve (the better of the two: a good
        // operator in a weak unit still sells what the unit allows).
        var near = Math.Max(f.DensityRatio3m ?? double.NegativeInfinity, s.ExpectedRatio ?? double.NegativeInfinity);
        // A year of trading first: ocr_ttm of a shop still ramping up mixes its weak first months into the ratio.
        if (m.MonthsOpen < 12 || double.IsNegativeInfinity(near) || m.LateShare12m is not { } late || m.OcrTtm is not { } ocr || band.High <= 0)
        {
            return null;
        }

        // Well above the healthy band and above what the trade's peers here actually pay: the band is a rule of
        // thumb, and where a whole trade pays more than it, the peers are the fairer yardstick.
        var yardstick = Math.Max(band.High, f.OcrTtmPeerMedian ?? 0);
        Condition[] conditions =
        [
            new("near_peers", near, c.ReliefMinPeerRatio, 1.0),
            new("ocr_over_band", ocr / yardstick, c.ReliefOcrOverBand, 1.25 * c.ReliefOcrOverBand),
            new("rarely_late", late, c.ReliefMaxLateShare, 0),
            new("nothing_overdue", Math.Max(m.ArrearsDays, 0), c.ReliefMaxArrearsDays, 0),
        ];
        if (!All(conditions))
        {
            return null;
        }

        return new TenantFlag(s, FlagCodes.RentRelief, ocr >= band.High * c.ReliefOcrOverBand * 1.25 ? Priority.High : Priority.Medium, ocr / band.High,
        [
            Reason.Of("ocr_high", ("ocr", ocr), ("low", band.Low), ("high", band.High)),
            f.DensityRatio3m is { } ratio && ratio >= c.ReliefMinPeerRatio
                ? Reason.Of("sales_at_peers", ("ratio", ratio))
                : Reason.Of("sales_at_expected", ("ratio", near)),
            Reason.Of("pays_on_time", ("late", late), ("days", Math.Max(m.ArrearsDays, 0))),
        ]) { Conditions = conditions };
    }

    internal static TenantFlag? RentReviewUp(TenantScore s, AnalysisSettings settings)
    {
        var c = settings.Flags;
        var f = s.Frame;
        var m = f.Metrics;
        if (f.DensityRatio3m is not { } ratio || f.BaseRentPsm is not { } rent || f.FloorRentPsmPeerMedian is not { } peer || peer <= 0)
        {
            return null;
        }

        // A top performer: well above the peer median and in the category's top quartile now, and above its peers
        // over 12 months too (three good months are not a case for a higher rent).
        var conditions = new List<Condition>
        {
            new("top_performer", ratio, c.ReviewUpMinPeerRatio, c.ReviewUpMinPeerRatio + 0.3),
            new("rent_below_floor", rent / peer, c.ReviewUpRentRatio, c.ReviewUpRentRatio - 0.2),
            new("expiry_near", m.MonthsToExpiry, c.ReviewUpExpiryMonths, c.ReviewUpExpiryMonths / 2.0),
        };
        if (f.Density3mPeerP75 is { } p75 && p75 > 0)
        {
            conditions.Add(new Condition("top_quartile", (f.Density3m ?? 0) / p75, 1.0, 1.2));
        }

        if (f.DensityTtmPeerMedian is { } ttmPeer && ttmPeer > 0 && m.SalesDensityTtm is { } ttm)
        {
            conditions.Add(new Condition("sustained", ttm / ttmPeer, c.ReviewUpMinTtmRatio, c.ReviewUpMinTtmRatio + 0.3));
        }

        if (!All([.. conditions]))
        {
            return null;
        }

        return new TenantFlag(s, FlagCodes.RentReviewUp, m.MonthsToExpiry <= 6 ? Priority.High : Priority.Medium, (peer - rent) * (double)(m.AreaSqm ?? 0),
        [
            Reason.Of("top_performer", ("ratio", ratio)),
            Reason.Of("rent_below_floor", ("rent", rent), ("ratio", rent / peer), ("peer", peer)),
            Reason.Of("lease_expiry", ("date", m.LeaseEnd), ("months", m.MonthsToExpiry)),
        ]) { Conditions = conditions };
    }

    internal static TenantFlag? ImprovementPlan(TenantScore s, AnalysisSettings settings)
    {
        var c = settings.Flags;
        var f = s.Frame;
        // Sales hold: the tenant's own sales keep pace with its category (a falling shop is a replace or watch case).
        var movement = f.RelMomentum ?? f.RelYoy;
        if (f.PriorMonths < 3 || movement is not { } mv || f.MonthsUnder >= c.ReplacePersistMonths)
        {
            return null;
        }

        var salesHold = new Condition("sales_hold", mv, c.ImprovementMinSalesMovement, 0);
        var reasons = new List<Reason>();
        var conditions = new List<Condition> { salesHold };
        // Complaints per 10,000 receipts where the till reports receipts: a shop serving twice the customers may
        // draw twice the complaints without serving anyone worse. Raw counts only where receipts are unknown.
        var complaints = f is { Receipts3m: > 0, ReceiptsPrior: > 0, ComplaintsPer10k3mPeerMedian: not null }
            ? WellAbove(f.Complaints3m, f.ComplaintsPrior / f.ReceiptsPrior.Value * f.Receipts3m.Value,
                f.ComplaintsPer10k3mPeerMedian.Value / 10000 * f.Receipts3m.Value, c)
            : WellAbove(f.Complaints3m, f.ComplaintsPriorAvg * 3, f.Complaints3mPeerMedian, c);
        if (complaints is { } cx)
        {
            reasons.Add(Reason.Of("complaints_up", ("count", f.Complaints3m), ("own", cx.Own.Value), ("peers", cx.Peers.Value)));
            conditions.Add(cx.Own);
            conditions.Add(cx.Peers);
        }

        var violations = WellAbove(f.Violations3m, f.ViolationsPriorAvg * 3, f.Violations3mPeerMedian, c);
        if (violations is { } vx)
        {
            reasons.Add(Reason.Of("violations_up", ("count", f.Violations3m), ("own", vx.Own.Value), ("peers", vx.Peers.Value)));
            conditions.Add(vx.Own with { Name = "findings_over_own" });
            conditions.Add(vx.Peers with { Name = "findings_over_peers" });
        }

        if (reasons.Count == 0 || !salesHold.Holds)
        {
            return null;
        }

        reasons.Add(Reason.Of("sales_hold", ("change", mv)));
        return new TenantFlag(s, FlagCodes.ImprovementPlan, reasons.Count > 2 ? Priority.High : Priority.Medium,
            (complaints?.Own.Value ?? 0) + (violations?.Own.Value ?? 0), reasons) { Conditions = conditions };
    }

    /// <summary>
    /// A 3-month count well above what the tenant's own earlier rate and its peers' rate would give over the same
    /// 3 months (factors as multiples), or null when either does not hold.
    /// </summary>
    private static (Condition Own, Condition Peers)? WellAbove(long count3m, double? expectedAtOwnRate, double? expectedAtPeerRate, FlagSettings c)
    {
        if (count3m < c.ImprovementMinCount || expectedAtOwnRate is not { } prior)
        {
            return null;
        }

        // A floor of one event per 3 months keeps a clean record from turning any single event into "infinitely more".
        var own = new Condition("over_own", count3m / Math.Max(prior, 1), c.ImprovementOwnFactor, 1.5 * c.ImprovementOwnFactor);
        var peers = new Condition("over_peers", count3m / Math.Max(expectedAtPeerRate ?? 0, 1), c.ImprovementPeerFactor, 1.5 * c.ImprovementPeerFactor);
        return own.Holds && (expectedAtPeerRate is null || peers.Holds) ? (own, peers) : null;
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
        var conditions = new List<Condition>
        {
            new("sales_drop", salesVsMarket, c.AuditSalesDrop, c.AuditSalesDrop - 0.1),
            new("receipts_hold", receiptsVsMarket, c.AuditMaxReceiptsDrop, 0),
            new("ticket_outlier", z, c.AuditTicketZ, c.AuditTicketZ - 2),
        };
        if (f.FootfallChange is { } ff)
        {
            conditions.Add(new Condition("footfall_hold", ff, c.AuditMaxFootfallDrop, 0));
        }

        if (!All([.. conditions]))
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
        return new TenantFlag(s, FlagCodes.SalesAudit, Priority.High, -salesVsMarket, reasons) { Conditions = conditions };
    }

    internal static TenantFlag? Watch(TenantScore s, AnalysisSettings settings, bool riskModelUsed, double baseRate)
    {
        var c = settings.Flags;
        var m = s.Frame.Metrics;
        var slipping = Math.Min(s.Frame.RelYoy ?? 0, s.Frame.RelMomentum ?? 0);
        if (riskModelUsed && s.Risk is { } p)
        {
            var risk = new Condition("risk", p, c.WatchMinRisk, (1 + c.WatchMinRisk) / 2);
            // A probability that clearly holds (at its full point) stands alone. One only just over the threshold is a
            // knife edge that moves with any change to the training history: it needs a sign in the tenant's own record
            // (a bill overdue, a late payment in 12 months, or sales slipping against the category).
            var sign = m.ArrearsDays > 0 || (m.LateShare12m ?? 0) > 0 || slipping <= c.WatchRuleSalesSlip;
            if (risk.Holds && (risk.Strength >= 1 || sign))
            {
                return new TenantFlag(s, FlagCodes.Watch, risk.Strength >= 1 ? Priority.Medium : Priority.Low, p,
                    [Reason.Of("risk_high", ("p", p), ("base", baseRate))]) { Conditions = [risk] };
            }
        }

        // Early-warning rules, applied with or without a model (a model trained on past exits can miss a pattern
        // that has not ended in an exit yet): a long-unpaid bill, or payments slipping (late bills, one overdue now)
        // while sales slip against the category. A chronic late payer whose sales hold is not a new risk.
        var overdue = new Condition("long_overdue", m.ArrearsDays, c.WatchRuleArrearsDays, 2 * c.WatchRuleArrearsDays);
        if (overdue.Holds)
        {
            return new TenantFlag(s, FlagCodes.Watch, Priority.Medium, m.ArrearsDays, [Reason.Of("risk_rule_arrears", ("days", m.ArrearsDays))]) { Conditions = [overdue] };
        }

        if (m.LateShare12m is not { } late)
        {
            return null;
        }

        Condition[] conditions =
        [
            new("often_late", late, c.WatchRuleLateShare, 1.5 * c.WatchRuleLateShare),
            new("overdue_now", m.ArrearsDays, c.WatchRuleOverdueDays + 1, 3 * c.WatchRuleOverdueDays),
            new("sales_slipping", slipping, c.WatchRuleSalesSlip, 2 * c.WatchRuleSalesSlip),
        ];
        return All(conditions)
            ? new TenantFlag(s, FlagCodes.Watch, Priority.Low, late, [Reason.Of("risk_rule_late", ("late", late), ("days", m.ArrearsDays), ("slip", -slipping))]) { Conditions = conditions }
            : null;
    }
}
