using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>WALE, leases ending month by month, and those ending within the notice period.</summary>
internal sealed class ExpiriesSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_expiries");

    public override void Compose(ContentBuilder content)
    {
        var horizon = Data.AsOf.AddMonths(Settings.ExpiryMonths);
        var expiring = Data.Current.Where(r => r.LeaseEnd > Data.AsOf && r.LeaseEnd <= horizon).ToList();
        var totalArea = Data.Current.Sum(r => r.AreaSqm ?? 0);
        content.Paragraph(Label("monthly_expiries_summary", Number(Brief.Wale, 1), expiring.Count, Number((double)expiring.Sum(r => r.AreaSqm ?? 0)),
            Percent(totalArea > 0 ? (double)(expiring.Sum(r => r.AreaSqm ?? 0) / totalArea) : null), Settings.ExpiryMonths));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("month"), 1.3f))
                .Column(TableColumn.Number(Label("monthly_leases"), 0.8f))
                .Column(TableColumn.Number(Language.Label("area_sqm"), 1f))
                .Column(TableColumn.Number(Label("monthly_base_rent_month"), 1.4f));
            for (var i = 1; i <= Settings.ExpiryMonths; i++)
            {
                var month = Period.AddMonths(i);
                var inMonth = expiring.Where(r => month.Contains(r.LeaseEnd)).ToList();
                t.Row(Language.Month(month.Year, month.Number), Count(inMonth.Count), Number((double)inMonth.Sum(r => r.AreaSqm ?? 0)), Money(inMonth.Sum(r => r.BaseRent)));
            }
        });
        var notice = Settings.ExpiryNoticeDays.Max();
        content.Heading2(Label("monthly_expiries_within", notice));
        var soon = expiring.Where(r => r.LeaseEnd.DayNumber - Data.AsOf.DayNumber <= notice)
            .OrderBy(r => r.LeaseEnd).ThenBy(r => r.TenantId, StringComparer.Ordinal).ToList();
        if (soon.Count == 0)
        {
            None(content, "none");
            return;
        }
        var flagsByTenant = Data.Analysis.Flags.ToLookup(f => f.Score.Frame.Metrics.TenantId, StringComparer.Ordinal);
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.8f))
                .Column(TableColumn.Text(Language.Label("category"), 1f))
                .Column(TableColumn.Text(Language.Label("floor"), 0.6f))
                .Column(TableColumn.Number(Language.Label("area_sqm"), 0.9f))
                .Column(TableColumn.Text(Label("monthly_lease_ends"), 1.2f))
                .Column(TableColumn.Text(Label("monthly_within"), 0.9f))
                .Column(TableColumn.Text(Label("monthly_flags"), 1.5f));
            foreach (var r in soon)
            {
                var days = r.LeaseEnd.DayNumber - Data.AsOf.DayNumber;
                var bucket = Settings.ExpiryNoticeDays.Order().First(d => days <= d);
                t.Row(new TableCell(r.TenantName + " (" + r.TenantId + ")"), new TableCell(Name(r.Category)), new TableCell(r.Floor ?? ""),
                    new TableCell(Number((double)(r.AreaSqm ?? 0))), new TableCell(Language.Date(r.LeaseEnd)),
                    new TableCell(Label("monthly_days_bucket", bucket), bucket <= Settings.ExpiryNoticeDays.Min() ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(string.Join(Label("list_separator"), flagsByTenant[r.TenantId].Select(f => Name(f.Code)))));
            }
        });
    }
}
