using System.Data.Common;
using Analytics.Model.Metrics;

namespace Analytics.Model.Frame;

/// <summary>One tenant in the month analysed: its metrics, windows over its own history and its peers' medians.</summary>
public sealed record TenantFrame
{
    public required TenantMetricsRow Metrics { get; init; }
    public double? Density3m { get; init; }
    public double? Density3mPeerMedian { get; init; }
    public int Density3mPeerCount { get; init; }
    public double? Density3mPeerP75 { get; init; }
    public double? DensityRatio3m { get; init; }
    public double? SalesDensityPeerMedian { get; init; }
    public double? DensityRatio { get; init; }
    public int MonthsUnder { get; init; }
    public int MonthsRated { get; init; }
    public double? YoyPeerMedian { get; init; }
    public double? Momentum { get; init; }
    public double? MomentumPeerMedian { get; init; }
    public double? RelYoy { get; init; }
    public double? RelMomentum { get; init; }
    public double? OcrTtmPeerMedian { get; init; }
    public double? LateSharePeerMedian { get; init; }
    public double? ComplaintRate3m { get; init; }
    public double? ComplaintRate3mPeerMedian { get; init; }
    public long Complaints3m { get; init; }
    public double? Complaints3mPeerMedian { get; init; }
    public double? ComplaintsPriorAvg { get; init; }
    public long PriorMonths { get; init; }
    public long Violations3m { get; init; }
    public double? Violations3mPeerMedian { get; init; }
    public double? ViolationsPriorAvg { get; init; }
    public double? BaseRentPsm { get; init; }
    /// <summary>Median base rent per m² of the same category on the same floor (across the mall when the category has too few units there).</summary>
    public double? FloorRentPsmPeerMedian { get; init; }
    public int FloorRentPsmPeerCount { get; init; }
    public double? SalesChange { get; init; }
    public double? SalesChangePeerMedian { get; init; }
    public double? ReceiptsChange { get; init; }
    public double? TicketZ { get; init; }
    public double? FootfallChange { get; init; }
    public double? MallSalesChange { get; init; }
    public decimal Sales3m { get; init; }

    /// <summary>Receipts over the last 3 months (empty when a month has none reported).</summary>
    public double? Receipts3m { get; init; }

    /// <summary>Receipts and complaints over the months before those 3 (up to 9), when every one of them has receipts.</summary>
    public double? ReceiptsPrior { get; init; }
    public long ComplaintsPrior { get; init; }

    /// <summary>Complaints per 10,000 receipts over 3 months, and the peers' median of it.</summary>
    public double? ComplaintsPer10k3m { get; init; }
    public double? ComplaintsPer10k3mPeerMedian { get; init; }

    /// <summary>The peers' median of 12-month sales density (sustained performance).</summary>
    public double? DensityTtmPeerMedian { get; init; }

    public string Key => Metrics.MallId + "\u001f" + Metrics.TenantId;

    internal static TenantFrame Read(DbDataReader r) => new()
    {
        Metrics = TenantMetricsRow.Read(r),
        Density3m = r.Real("density_3m"),
        Density3mPeerMedian = r.Real("density_3m_peer_median"),
        Density3mPeerCount = (int)r.Count("density_3m_peer_n"),
        DensityRatio3m = r.Real("density_ratio_3m"),
        SalesDensityPeerMedian = r.Real("sales_density_peer_median"),
        DensityRatio = r.Real("density_ratio"),
        MonthsUnder = (int)r.Count("months_under"),
        MonthsRated = (int)r.Count("months_rated"),
        YoyPeerMedian = r.Real("yoy_peer_median"),
        Momentum = r.Real("momentum"),
        MomentumPeerMedian = r.Real("momentum_peer_median"),
        RelYoy = r.Real("rel_yoy"),
        RelMomentum = r.Real("rel_momentum"),
        OcrTtmPeerMedian = r.Real("ocr_ttm_peer_median"),
        LateSharePeerMedian = r.Real("late_share_12m_peer_median"),
        ComplaintRate3m = r.Real("complaint_rate_3m"),
        ComplaintRate3mPeerMedian = r.Real("complaint_rate_3m_peer_median"),
        Complaints3m = r.Count("complaints_3m"),
        Complaints3mPeerMedian = r.Real("complaints_3m_d_peer_median"),
        ComplaintsPriorAvg = r.Real("complaints_prior_avg"),
        PriorMonths = r.Count("prior_months"),
        Violations3m = r.Count("violations_3m"),
        Violations3mPeerMedian = r.Real("violations_3m_d_peer_median"),
        ViolationsPriorAvg = r.Real("violations_prior_avg"),
        BaseRentPsm = r.Real("base_rent_psm"),
        FloorRentPsmPeerMedian = r.Real("floorcat_base_rent_psm_peer_median") ?? r.Real("catrent_base_rent_psm_peer_median"),
        FloorRentPsmPeerCount = (int)(r.Real("floorcat_base_rent_psm_peer_median") is null ? r.Count("catrent_base_rent_psm_peer_n") : r.Count("floorcat_base_rent_psm_peer_n")),
        Density3mPeerP75 = r.Real("cur_density_3m_peer_p75"),
        SalesChange = r.Real("sales_change"),
        SalesChangePeerMedian = r.Real("sales_change_peer_median"),
        ReceiptsChange = r.Real("receipts_change"),
        TicketZ = r.Real("ticket_z"),
        FootfallChange = r.Real("footfall_change"),
        MallSalesChange = r.Real("mall_sales_change"),
        Sales3m = r.Money("sales_3m"),
        Receipts3m = r.Count("receipts_n_3m") == r.Count("n_3m") ? r.CountOrNull("receipts_3m") : null,
        ReceiptsPrior = r.Real("receipts_prior"),
        ComplaintsPrior = r.Count("complaints_prior_sum"),
        ComplaintsPer10k3m = r.Real("complaints_per_10k_3m"),
        ComplaintsPer10k3mPeerMedian = r.Real("complaints_per_10k_3m_peer_median"),
        DensityTtmPeerMedian = r.Real("sales_density_ttm_peer_median"),
    };
}
