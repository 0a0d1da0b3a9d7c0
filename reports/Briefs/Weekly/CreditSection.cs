using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Weekly;

/// <summary>Credit grades that changed.</summary>
internal sealed class CreditSection(WeeklyBrief brief) : WeeklySection(brief)
{
    public override string Title => Label("weekly_credit");

    public override void Compose(ContentBuilder content)
    {
        var month = Data.FlagPeriod;
        var before = month.AddMonths(-1);
        content.Paragraph(Language.Label("credit_changes_note", Language.Month(month.Year, month.Number), Language.Month(before.Year, before.Number)), Typography.Note);
        if (Data.CreditChanges.Count == 0)
        {
            content.Paragraph(Language.Label("credit_none_changed"), Typography.Note);
            return;
        }
        // Falls first (worst grade first), then rises.
        var shown = Data.CreditChanges.OrderBy(c => string.CompareOrdinal(c.Before, c.Now.Grade) < 0 ? 0 : 1).ThenByDescending(c => c.Now.Grade, StringComparer.Ordinal)
            .ThenBy(c => c.Now.TenantId, StringComparer.Ordinal).Take(Settings.Movers * 2).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.8f)).Column(TableColumn.Text(Language.Label("credit_before"), 0.6f))
                .Column(TableColumn.Text(Language.Label("credit_now"), 0.6f)).Column(TableColumn.Number(Language.Label("credit_points"), 0.6f))
                .Column(TableColumn.Text(Language.Label("credit_largest"), 2.6f));
            foreach (var (now, was) in shown)
            {
                var top = now.Deductions.FirstOrDefault();
                t.Row(new TableCell($"{now.TenantName} ({now.TenantId})"), new TableCell(was),
                    new TableCell(now.Grade, string.CompareOrdinal(now.Grade, was) > 0 ? KpiTone.Bad : KpiTone.Good), new TableCell(Count(now.Points)),
                    new TableCell(top is null ? "" : $"-{top.Points} {Name(top.Rule)} {Language.Date(top.Date)}"));
            }
        });
        More(content, Data.CreditChanges.Count, shown.Count);
    }
}
