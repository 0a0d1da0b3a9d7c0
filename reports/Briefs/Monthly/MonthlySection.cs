using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>A section of the monthly brief (see <see cref="BriefSection{TBrief}"/> for the contract): the month's data and the flag lists two sections share.</summary>
internal abstract class MonthlySection(MonthlyBrief brief) : BriefSection<MonthlyBrief>(brief)
{
    protected ReportData Data => Brief.Data;

    protected Month Period => Data.Period;

    protected string MonthText => Language.Month(Period.Year, Period.Number);

    protected static decimal Arrears(IEnumerable<TenantMetricsRow> rows) => rows.Sum(r => r.Arrears);

    /// <summary>A flag's tenants, most urgent first, then by the rule's ranking figure.</summary>
    protected List<TenantFlag> Flagged(string code) =>
        Data.Analysis.Flags.Where(f => f.Code == code).OrderBy(f => f.Priority).ThenByDescending(f => f.RankValue)
            .ThenBy(f => f.Score.Frame.Metrics.TenantId, StringComparer.Ordinal).ToList();

    protected void FlagTable(ContentBuilder content, IReadOnlyList<TenantFlag> flags, bool withOpportunity)
    {
        if (flags.Count == 0)
        {
            None(content, "none_this_month");
            return;
        }
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.7f))
                .Column(TableColumn.Text(Language.Label("category"), 1.1f))
                .Column(TableColumn.Number(Label("monthly_flag_score"), 0.6f))
                .Column(TableColumn.Text(Label("priority"), 0.85f));
            if (withOpportunity)
                t.Column(TableColumn.Number(Label("monthly_flag_opportunity"), 1.25f));
            t.Column(TableColumn.Text(Label("monthly_flag_reasons"), withOpportunity ? 4.0f : 5.2f));
            foreach (var f in flags)
            {
                var m = f.Score.Frame.Metrics;
                var cells = new List<TableCell>
                {
                    // One line per cell but the reasons: extracted text then keeps each reason whole (a search finds it).
                    new($"{m.TenantName} ({m.TenantId})"), new(Name(m.Category)), new(Number(f.Score.Total, 1)),
                    new(Terms.Priority(f.Priority, Language), f.Priority == Priority.High ? KpiTone.Bad : KpiTone.Neutral),
                };
                if (withOpportunity)
                    cells.Add(new TableCell(Money((f.Opportunity ?? 0) + (f.RentAtRisk ?? 0))));
                // The team's standing decision on the flag follows its reasons (the workspace records them).
                var decision = Data.Decisions.TryGetValue((m.TenantId, f.Code), out var d) ? " " + d.Describe(Language.Code) : "";
                cells.Add(new TableCell(f.ReasonsText(Language.Code) + decision));
                t.Row(cells.ToArray());
            }
        });
    }

}
