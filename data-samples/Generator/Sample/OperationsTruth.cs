using Analytics.SampleData.Common;
using Analytics.SampleData.Csv;

namespace Analytics.SampleData.Sample;

/// <summary>
/// The ground truth of the operations datasets, one row per planted fact: every turnover-rent finding the audit
/// must report (with its amounts), the tiered leases billed right, the tenants given a far too high target, the
/// tenants with an overdue repair.
/// </summary>
internal sealed record OperationsTruth(TurnoverBook Turnover, IReadOnlyList<string> FarBelowBudget, IReadOnlyList<string> OverdueRequests)
{
    public static readonly string[] Header = ["kind", "tenant_id", "period", "reason", "net_sales", "expected", "billed", "note"];

    public void Write(string path)
    {
        using var csv = new CsvWriter(path, Header);
        foreach (var f in Turnover.Findings)
        {
            csv.WriteRow(["turnover_rent", f.TenantId, Format.Period(f.Period), f.Reason, Format.Money(f.NetSales), Format.Money(f.Expected), Format.Money(f.Billed), string.Empty]);
        }
        foreach (var id in Turnover.Controls)
        {
            csv.WriteRow(["tiers_billed_right", id, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, "upper tier never reached: never a finding"]);
        }
        foreach (var id in FarBelowBudget)
        {
            csv.WriteRow(["far_below_budget", id, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty,
                $"2026 sales targets {Format.Number((double)BudgetBook.OptimisticFactor)} x last year"]);
        }
        foreach (var id in OverdueRequests)
        {
            csv.WriteRow(["overdue_request", id, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, "a repair raised 3-5 weeks before the export day, still open"]);
        }
    }
}
