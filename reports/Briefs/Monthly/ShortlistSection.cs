using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>The replacement candidates ranked by the re-letting opportunity, and the flags' track record.</summary>
internal sealed class ShortlistSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => FlagRules.Find(FlagCodes.Replace)!.ListTitle is var t ? T(t.En, t.Zh) : "";

    public override void Compose(ContentBuilder content)
    {
        var replace = Flagged(FlagCodes.Replace);
        content.Paragraph(T(
            "Ranked by the re-letting opportunity: a year of sales the unit should achieve but does not, plus the rent at risk. Every candidate under-performs its category peers persistently and what the unit should achieve, with arrears or rising complaints.",
            "按重新招商的机会排序：该铺位应达而未达的一年销售额，加上面临风险的租金。名单上的商户均持续低于同业态同行和铺位预期水平，并伴有欠费或投诉上升。"), Typography.Note);
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
            + (items.Count == 0 ? Language.Label("track_record_empty") : string.Join(Language.IsChinese ? "；" : "; ", items)) + (Language.IsChinese ? "。" : "."),
            Typography.Note);
    }
}
