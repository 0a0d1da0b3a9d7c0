using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Weekly;

/// <summary>Merchants' requests still open, by age and category.</summary>
internal sealed class RequestsSection(WeeklyBrief brief) : WeeklySection(brief)
{
    public override string Title => Label("weekly_requests");

    private static readonly (string Label, int From, int To)[] AgeBands =
        [("requests_age_0_3", 0, 3), ("requests_age_4_7", 4, 7), ("requests_age_8_30", 8, 30), ("requests_age_over_30", 31, int.MaxValue)];

    public override void Compose(ContentBuilder content)
    {
        var newThisWeek = Data.WeekRequests.Count(r => DateOnly.FromDateTime(r.RaisedAt) >= Data.Week.Monday);
        var resolvedThisWeek = Data.WeekRequests.Count(r => r.ResolvedAt is { } done && DateOnly.FromDateTime(done) >= Data.Week.Monday
            && DateOnly.FromDateTime(done) <= Data.Week.Sunday);
        var open = Data.OpenRequests;
        content.Paragraph(Language.Label("requests_week_summary", Count(newThisWeek), Count(resolvedThisWeek), Count(open.Count), Count(open.Count(r => r.Overdue))));
        if (open.Count == 0)
            return;
        content.Heading2(Language.Label("requests_by_age"));
        var categories = open.Select(r => r.Category).Distinct().Order(StringComparer.Ordinal).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("category"), 1.3f));
            foreach (var band in AgeBands)
                t.Column(TableColumn.Number(Language.Label(band.Label), 0.9f));
            t.Column(TableColumn.Number(Language.Label("requests_overdue"), 0.9f));
            foreach (var c in categories)
            {
                var mine = open.Where(r => r.Category == c).ToList();
                var cells = new List<TableCell> { new(Name(c)) };
                cells.AddRange(AgeBands.Select(b => new TableCell(Count(mine.Count(r => r.AgeDays >= b.From && r.AgeDays <= b.To)))));
                var overdue = mine.Count(r => r.Overdue);
                cells.Add(new TableCell(Count(overdue), overdue > 0 ? KpiTone.Bad : KpiTone.Neutral));
                t.Row(cells.ToArray());
            }
        });
        content.Heading2(Language.Label("requests_oldest"));
        var oldest = open.Take(Settings.Movers).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.8f)).Column(TableColumn.Text(Language.Label("category"), 1f))
                .Column(TableColumn.Text(Language.Label("requests_raised_on"), 1.1f)).Column(TableColumn.Number(Language.Label("requests_days_open"), 0.9f))
                .Column(TableColumn.Text(Language.Label("description"), 2.4f));
            foreach (var r in oldest)
            {
                t.Row(new TableCell($"{r.TenantName} ({r.TenantId})"), new TableCell(Name(r.Category)), new TableCell(Language.Date(DateOnly.FromDateTime(r.RaisedAt))),
                    new TableCell(Count(r.AgeDays), r.Overdue ? KpiTone.Bad : KpiTone.Neutral), new TableCell(r.Description ?? ""));
            }
        });
        More(content, open.Count, oldest.Count);
    }
}
