using Analytics.Model.Analysis;
using Analytics.Model.Decisions;
using Analytics.Model.Audit;
using Analytics.Model.Budget;
using Analytics.Model.Contest;
using Analytics.Model.Credit;
using Analytics.Model.Malls;
using Analytics.Model.Requests;
using Analytics.Model.Metrics;
using Analytics.Model.Peers;
using DuckDB.NET.Data;

namespace Analytics.Reports.Data;

/// <summary>
/// Everything the documents of one month read, loaded once so a batch (the monthly brief and every merchant sheet)
/// queries the warehouse and runs the analysis once. Every figure comes from the metrics, peers and analysis modules
/// of model/; the few the model lacks are in <see cref="MonthQueries"/> and <see cref="WeekQueries"/>.
/// </summary>
public sealed class ReportData
{
    private ReportData(Month period, string? mallId, AnalysisResult analysis)
    {
        Period = period;
        MallId = mallId;
        Analysis = analysis;
    }

    public Month Period { get; }
    public string? MallId { get; }
    public AnalysisResult Analysis { get; }

    /// <summary>As-of day D: the month's last day.</summary>
    public DateOnly AsOf => Period.Last;

    /// <summary>Tenant metrics of the month (one row per tenant with a lease in force on D).</summary>
    internal IReadOnlyList<TenantMetricsRow> Current { get; private init; } = [];

    /// <summary>Tenant metrics of the 24 months ending with the month, by tenant, oldest first.</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<TenantMetricsRow>> History { get; private init; } = new Dictionary<string, IReadOnlyList<TenantMetricsRow>>();

    /// <summary>Tenant metrics of the same month a year before (for category and floor YoY).</summary>
    internal IReadOnlyList<TenantMetricsRow> YearBefore { get; private init; } = [];

    /// <summary>Mall metrics of the trend months, oldest first (the last is the month).</summary>
    internal IReadOnlyList<MallMetricsRow> MallSeries { get; private init; } = [];

    /// <summary>Per tenant and month, the leave-one-out peer median of sales per m² (null: fewer than the minimum of peers).</summary>
    internal IReadOnlyDictionary<(string TenantId, DateOnly Period), double?> PeerDensityMedian { get; private init; } =
        new Dictionary<(string, DateOnly), double?>();

    internal IReadOnlyList<ComplaintCategoryRow> ComplaintsByCategory { get; private init; } = [];

    /// <summary>Complaints received in the month (New) and older ones still open on D.</summary>
    internal (IReadOnlyList<ComplaintRow> New, IReadOnlyList<ComplaintRow> StillOpen) Complaints { get; private init; }

    internal IReadOnlyList<FindingRow> Findings { get; private init; } = [];

    /// <summary>The mail of the merchant sheets of the month before (sent on the 1st of this month).</summary>
    internal SheetDeliveries PreviousSheetDeliveries { get; private init; } = new(default, 0, 0, 0);
    /// <summary>The leasing team's standing decision per tenant and flag (taken on flags of months up to this one).</summary>
    internal IReadOnlyDictionary<(string TenantId, string Flag), FlagDecision> Decisions { get; private init; } =
        new Dictionary<(string, string), FlagDecision>();
    /// <summary>Turnover-rent findings of the 12 months ending with the month.</summary>
    internal IReadOnlyList<TurnoverFinding> Audit { get; private init; } = [];

    /// <summary>The mall's month and year to date against budget (null when the report covers no single mall).</summary>
    internal MallBudget? Budget { get; private init; }

    internal IReadOnlyList<RequestCategoryRow> RequestsByCategory { get; private init; } = [];

    /// <summary>Merchants' requests open on D, oldest first.</summary>
    internal IReadOnlyList<RequestRow> OpenRequests { get; private init; } = [];

    /// <summary>Credit grades of the month, by tenant.</summary>
    internal IReadOnlyDictionary<string, CreditGrade> Credit { get; private init; } = new Dictionary<string, CreditGrade>();

    /// <summary>The month's sales contest (营业竞赛): every category's winners and the mall's.</summary>
    internal ContestResult Contest { get; private init; } = new(default, [], []);

    /// <summary>The mall's name and settings from the malls dataset (its id as name without a malls row).</summary>
    internal MallInfo? MallInfo { get; private init; }

    internal MallMetricsRow Mall => MallSeries[^1];

    internal MallMetricsRow? MallYearBefore => MallSeries.Count > 12 ? MallSeries[^13] : null;

    /// <summary>
    /// Loads the month. <paramref name="analysis"/>: the month's analysis when the caller already ran it (the run job
    /// does), else it is run here with <paramref name="settings"/>.
    /// </summary>
    public static ReportData Load(DuckDBConnection connection, string? mallId, Month period, AnalysisSettings settings,
        AnalysisResult? analysis = null, int trendMonths = 13)
    {
        analysis ??= TenantAnalysis.Run(connection, mallId, period, settings);
        var series = TenantMetrics.Series(connection, mallId, period.AddMonths(-23), period, settings.Requests);
        var peers = new Dictionary<(string, DateOnly), double?>();
        for (var m = period.AddMonths(-(trendMonths - 1)); m <= period; m = m.AddMonths(1))
        {
            foreach (var p in PeerBenchmarks.ForTenants(connection, mallId, m, settings.MinPeers).Where(p => p.Metric == "sales_density"))
                peers[(p.TenantId, m.First)] = p.Median;
        }
        var lastDay = period.Last;
        return new ReportData(period, mallId, analysis)
        {
            Current = series.Where(r => r.Period == period.First).ToList(),
            YearBefore = series.Where(r => r.Period == period.AddMonths(-12).First).ToList(),
            History = series.GroupBy(r => r.TenantId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<TenantMetricsRow>)g.OrderBy(r => r.Period).ToList(), StringComparer.Ordinal),
            MallSeries = MallMetrics.Series(connection, mallId, period.AddMonths(-(trendMonths - 1)), period)
                .GroupBy(r => r.Period).Select(g => g.First()).OrderBy(r => r.Period).ToList(),
            PeerDensityMedian = peers,
            ComplaintsByCategory = MonthQueries.ComplaintsByCategory(connection, mallId, period),
            Complaints = WeekQueries.Complaints(connection, mallId, period.First, lastDay),
            Findings = WeekQueries.Findings(connection, mallId, period.First, lastDay),
            PreviousSheetDeliveries = MonthQueries.SheetDeliveries(connection, mallId, period.AddMonths(-1)),
            Decisions = FlagDecisions.Latest(connection, period),
            Audit = TurnoverAudit.Run(connection, mallId, period),
            Budget = mallId is null ? null : BudgetFigures.From(series, mallId, period),
            RequestsByCategory = RequestList.ByCategory(connection, mallId, period, settings.Requests),
            OpenRequests = RequestList.Open(connection, mallId, lastDay, settings.Requests),
            Credit = CreditFile.Grade(connection, mallId, period, settings.Credit).ToDictionary(g => g.TenantId, StringComparer.Ordinal),
            Contest = SalesContest.From(series, period, settings.Contest),
            MallInfo = mallId is null ? null : MallDirectory.Of(connection, mallId),
        };
    }
}
