using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>The replacement candidates ranked by the re-letting opportunity, and the flags' track record.</summary>
internal sealed class ShortlistSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Language.Pick(FlagRules.Find(FlagCodes.Replace)!.ListTitle);

    public override void Compose(ContentBuilder content)
    {
        var replace = Flagged(FlagCodes.Replace);
        content.Paragraph(Label("monthly_shortlist_note"), Typography.Note);
        FlagTable(content, replace, withOpportunity: true);
        ComposeTrackRecord(content);
    }

    /// <summary>How often the flags were right before: the latest backtest kept in the warehouse, 6-month outcomes.</summary>
    private void ComposeTrackRecord(ContentBuilder content)
    {
        content.Heading2(Language.Label("track_record"));
        if (Data.Analysis.TrackRecord is not { } record)
        {
            content.Paragraph(Language.Label("track_record_none"), Typography.Note);
            return;
        }

        var items = record.Records.Where(r => r.HorizonMonths == 6 && r.Flagged > 0 && r.Precision is not null)
            .Select(r => Language.Label("track_record_item", Terms.Name(r.Flag, Language), r.Hits, r.Flagged,
                Language.Percent(r.Precision!.Value, 0), r.Lift is { } lift ? Language.Number(lift, 1) : "–"))
            .ToList();
        content.Paragraph(Language.Label("track_record_intro", Month.Of(record.From).ToString(), Month.Of(record.To).ToString())
            + (items.Count == 0 ? Language.Label("track_record_empty") : string.Join(Label("track_record_separator"), items)) + Label("sentence_end"),
            Typography.Note);
    }
}
