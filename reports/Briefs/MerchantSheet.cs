using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Model.Scoring;
using Analytics.Reports.Data;
using Analytics.Reports.Documents;
using Analytics.Reports.Language;
using Analytics.Model.Peers;
using Analytics.Reports.Briefs.Merchant;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs;

/// <summary>
/// One tenant's sheet for the month, to hand to the merchant: its sales against its own last year and its category,
/// its rank, rent burden, payments, complaints and patrol findings, its score and a few suggestions. It names no other
/// tenant and shows no other tenant's figure: benchmarks are leave-one-out medians over at least the minimum of peers
/// (metrics.md "Peers"), and the rank is a percentile only when there are that many peers.
/// </summary>
internal sealed class MerchantSheet(ReportData data, TenantScore score, ReportLanguage language, ReportSettings settings, DateOnly generatedOn)
    : BriefDocument(language, settings, generatedOn)
{
    private TenantMetricsRow M => score.Frame.Metrics;

    private string MonthText => Language.Month(data.Period.Year, data.Period.Number);

    private int MinPeers => data.Analysis.Settings.MinPeers;

    public override DocumentMetadata Metadata => new(
        Title: Label("merchant_title", M.TenantName),
        Author: Label("author"),
        Subject: Label("merchant_subject", M.TenantName, M.TenantId, MonthText),
        Keywords: $"merchant, {M.TenantId}, {data.Period}");

    protected override string BandTitle => Metadata.Title;

    protected override string BandPeriod => MonthText;

    // The sheet is handed to the merchant: not "internal".
    protected override string Audience => data.MallInfo?.NameIn(!Language.IsChinese) is { } mall
        ? Label("merchant_audience_mall", M.TenantName, mall)
        : Label("merchant_audience", M.TenantName);

    internal ReportData Data => data;

    internal TenantScore Score => score;

    /// <summary>The sections in order, unnumbered (a new one: a class in Briefs/Merchant and its place here).</summary>
    internal IReadOnlyList<MerchantSection> Sections =>
    [
        new SalesSection(this),
        new RentSection(this),
        new CustomersSection(this),
        new ScoreSection(this),
        new SuggestionsSection(this),
    ];

    /// <summary>The section headings as printed, in order.</summary>
    public IReadOnlyList<string> Headings => Headings(Sections, numbered: false);

    /// <summary>Concrete next steps, most pressing first (the last section's list).</summary>
    internal IEnumerable<string> Suggestions() => new SuggestionsSection(this).Suggestions();

    protected override void ComposeContent(ContentBuilder content)
    {
        content.Paragraph(M.TenantName, Typography.Title);
        content.Paragraph(Label("merchant_subtitle", M.TenantId, Name(M.Category), M.Floor ?? "", M.UnitId, Number((double?)M.AreaSqm), Language.Date(M.LeaseEnd)),
            Typography.Note);
        ComposeKeyFigures(content);
        ComposeSections(content, Sections, numbered: false);
    }

    private void ComposeKeyFigures(ContentBuilder content)
    {
        var rank = Rank;
        var band = data.Analysis.Settings.BandOf(M.Category);
        content.Kpis(
            new KpiTile(Language.Label("net_sales"), Money(M.NetSales), Delta(M.Yoy, Language.Label("vs_last_year")), Tone(M.Yoy, true)),
            new KpiTile(Language.Label("sales_density"), Money(M.SalesDensity),
                rank is { } r ? RankText(r) : null,
                rank is { } r2 ? (r2.Ahead >= 0.5 ? KpiTone.Good : KpiTone.Bad) : KpiTone.Neutral),
            new KpiTile(Label("merchant_ocr_ttm"), Percent(M.OcrTtm), Label("merchant_band", Language.Percent(band.Low, 0), Language.Percent(band.High, 0)),
                M.OcrTtm > band.High ? KpiTone.Bad : M.OcrTtm is null ? KpiTone.Neutral : KpiTone.Good),
            new KpiTile(Label("merchant_score_kpi"), Number(score.Total, 1), null));
    }

    /// <summary>The tenant's percentile in its category by sales per m² (model/Peers); null with too few peers.</summary>
    internal PeerRank? Rank => PeerRank.ByDensity(M, data.Current, MinPeers);

    internal string RankText(PeerRank rank) => Label("merchant_rank", Language.Percent(rank.Ahead, 0), Name(M.Category));
}
