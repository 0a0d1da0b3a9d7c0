using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Weekly;

/// <summary>Flags new in the latest monthly analysis.</summary>
internal sealed class FlagsSection(WeeklyBrief brief) : WeeklySection(brief)
{
    public override string Title => Label("weekly_flags");

    /// <summary>The new flags listed: most urgent first, at most the list length (the monthly brief has them all).</summary>
    private List<Analytics.Model.Flags.TenantFlag> Shown => Data.NewFlags
        .OrderBy(f => f.Priority).ThenBy(f => Array.IndexOf(Analytics.Model.Flags.FlagCodes.All, f.Code))
        .ThenBy(f => f.Score.Frame.Metrics.TenantId, StringComparer.Ordinal).Take(Settings.WeeklyListRows).ToList();

    public override void Compose(ContentBuilder content)
    {
        var month = Language.Month(Data.FlagPeriod.Year, Data.FlagPeriod.Number);
        var previous = Data.FlagPeriod.AddMonths(-1);
        content.Paragraph(Label("weekly_flags_note", month, Language.Month(previous.Year, previous.Number)), Typography.Note);
        if (Data.NewFlags.Count == 0)
        {
            None(content, "none");
            return;
        }
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.6f)).Column(TableColumn.Text(Label("weekly_flag"), 1.1f))
                .Column(TableColumn.Text(Label("priority"), 0.85f)).Column(TableColumn.Text(Label("why"), 4.2f));
            foreach (var f in Shown)
            {
                var m = f.Score.Frame.Metrics;
                t.Row(new TableCell($"{m.TenantName} ({m.TenantId})"), new TableCell(Name(f.Code)),
                    new TableCell(Terms.Priority(f.Priority, Language), f.Priority == Analytics.Model.Flags.Priority.High ? KpiTone.Bad : KpiTone.Neutral),
                    new TableCell(f.Reasons.Count > 0 ? f.Reasons[0].Render(Language.Code) : ""));
            }
        });
        More(content, Data.NewFlags.Count, Shown.Count);
    }
}
