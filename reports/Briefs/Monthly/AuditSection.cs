using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>Turnover rent billed against what the lease makes due.</summary>
internal sealed class AuditSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_audit");

    public override void Compose(ContentBuilder content)
    {
        var findings = Data.Audit;
        if (findings.Count == 0)
        {
            content.Paragraph(Language.Label("audit_none", MonthText));
            return;
        }

        var under = findings.Where(f => f.Difference < 0).ToList();
        var over = findings.Where(f => f.Difference > 0).ToList();
        content.Paragraph(Language.Label("audit_summary", MonthText, Count(findings.Count), Count(under.Count), Money(-under.Sum(f => f.Difference)),
            Count(over.Count), Money(over.Sum(f => f.Difference))));
        content.Heading2(Language.Label("audit_largest"));
        var largest = findings.OrderByDescending(f => Math.Abs(f.Difference)).ThenBy(f => f.TenantId, StringComparer.Ordinal).ThenBy(f => f.Period)
            .Take(Settings.Movers).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.8f))
                .Column(TableColumn.Text(Language.Label("period"), 0.8f))
                .Column(TableColumn.Number(Language.Label("net_sales"), 1.1f))
                .Column(TableColumn.Number(Language.Label("expected"), 1f))
                .Column(TableColumn.Number(Language.Label("billed"), 1f))
                .Column(TableColumn.Number(Language.Label("difference"), 1f))
                .Column(TableColumn.Text(Language.Label("why"), 1.2f));
            foreach (var f in largest)
            {
                t.Row(new TableCell($"{f.TenantName} ({f.TenantId})"), new TableCell(Month.Of(f.Period).ToString()), new TableCell(Money(f.NetSales)),
                    new TableCell(Money(f.Expected)), new TableCell(Money(f.Billed)),
                    new TableCell(Money(f.Difference), f.Difference < 0 ? KpiTone.Bad : KpiTone.Neutral), new TableCell(Name(f.Reason)));
            }
        });
        More(content, findings.Count, largest.Count);
    }
}
