using Analytics.Model.Metrics;

namespace Analytics.Model.Peers;

/// <summary>
/// A tenant's percentile in its category by sales per m² of the month: the share of its peers (the other tenants of
/// the category in force) below it, and how many peers there are.
/// </summary>
public sealed record PeerRank(double Ahead, int Peers)
{
    /// <summary>Null without a density of its own or with fewer peers than the minimum, like any benchmark (metrics.md).</summary>
    public static PeerRank? ByDensity(TenantMetricsRow own, IEnumerable<TenantMetricsRow> inForce, int minPeers)
    {
        if (own.SalesDensity is not { } density)
            return null;
        var peers = inForce.Where(r => r.Category == own.Category && r.TenantId != own.TenantId && r.SalesDensity is not null).ToList();
        if (peers.Count < minPeers)
            return null;
        return new PeerRank((double)peers.Count(r => r.SalesDensity < density) / peers.Count, peers.Count);
    }
}
