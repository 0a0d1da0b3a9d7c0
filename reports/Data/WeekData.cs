using Analytics.Model.Analysis;
using Analytics.Model.Decisions;
using Analytics.Model.Credit;
using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Model.Requests;
using DuckDB.NET.Data;

namespace Analytics.Reports.Data;

/// <summary>
/// What the weekly brief reads: each tenant's sales this week, the week before and the same week last year (52 weeks
/// earlier, same weekdays), footfall, complaints, patrol findings, arrears at the end of this and the previous week,
/// and the flags new in the latest monthly analysis.
/// </summary>
internal sealed class WeekData
{
    public required IsoWeek Week { get; init; }
    public required IReadOnlyList<SpanSales> Sales { get; init; }
    public required IReadOnlyList<SpanSales> PreviousSales { get; init; }
    public required IReadOnlyList<SpanSales> LastYearSales { get; init; }
    public long? Footfall { get; init; }
    public long? LastYearFootfall { get; init; }
    public required IReadOnlyList<ComplaintRow> NewComplaints { get; init; }
    public required IReadOnlyList<ComplaintRow> OpenComplaints { get; init; }
    public required IReadOnlyList<FindingRow> Findings { get; init; }
    public required IReadOnlyList<ArrearsRow> Arrears { get; init; }
    public required IReadOnlyList<ArrearsRow> PreviousArrears { get; init; }

    /// <summary>Which optional datasets the mall's drops have given (sections without them say so in one line).</summary>
    public required DataAvailability Availability { get; init; }
    /// <summary>Merchants' requests raised or resolved during the week (age as of Sunday).</summary>
    public IReadOnlyList<RequestRow> WeekRequests { get; init; } = [];

    /// <summary>Merchants' requests open at the end of Sunday, oldest first.</summary>
    public IReadOnlyList<RequestRow> OpenRequests { get; init; } = [];

    /// <summary>Tenants whose credit grade of the flag month differs from the month before.</summary>
    public IReadOnlyList<(CreditGrade Now, string Before)> CreditChanges { get; init; } = [];

    /// <summary>The month whose analysis gives the flags (see <see cref="IsoWeek.FlagMonth"/>).</summary>
    public Month FlagPeriod { get; init; }

    /// <summary>
    /// Flags of that analysis that the analysis of the month before did not raise (same tenant and code), less those a
    /// standing decision keeps quiet, plus those whose deferral has run out or whose evidence has clearly worsened
    /// (<see cref="FlagDecision.NewFlags"/>).
    /// </summary>
    public required IReadOnlyList<TenantFlag> NewFlags { get; init; }

    /// <param name="analyse">A month's analysis as the caller reads it (the stored one).</param>
    public static WeekData Load(DuckDBConnection connection, string mallId, IsoWeek week, AnalysisSettings settings, AnalysisResult? flagMonthAnalysis,
        Func<Month, AnalysisResult> analyse)
    {
        var flagMonth = week.FlagMonth(SalesDays.Last(connection, mallId));
        var current = flagMonthAnalysis is not null && flagMonthAnalysis.Period == flagMonth
            ? flagMonthAnalysis
            : analyse(flagMonth);
        var before = analyse(flagMonth.AddMonths(-1));
        var known = before.Flags.Select(f => (f.Score.Frame.Metrics.TenantId, f.Code)).ToHashSet();
        var (fresh, open) = WeekQueries.Complaints(connection, mallId, week.Monday, week.Sunday);
        var lastYear = week.SameWeekLastYear;
        return new WeekData
        {
            Week = week,
            Sales = WeekQueries.Sales(connection, mallId, week.Monday, week.Sunday),
            PreviousSales = WeekQueries.Sales(connection, mallId, week.Previous.Monday, week.Previous.Sunday),
            LastYearSales = WeekQueries.Sales(connection, mallId, lastYear.Monday, lastYear.Sunday),
            Footfall = WeekQueries.Footfall(connection, mallId, week.Monday, week.Sunday),
            LastYearFootfall = WeekQueries.Footfall(connection, mallId, lastYear.Monday, lastYear.Sunday),
            NewComplaints = fresh,
            OpenComplaints = open,
            Findings = WeekQueries.Findings(connection, mallId, week.Monday, week.Sunday),
            Arrears = WeekQueries.ArrearsOn(connection, mallId, week.Sunday),
            PreviousArrears = WeekQueries.ArrearsOn(connection, mallId, week.Previous.Sunday),
            WeekRequests = RequestList.Active(connection, mallId, week.Monday, week.Sunday, settings.Requests),
            OpenRequests = RequestList.Open(connection, mallId, week.Sunday, settings.Requests),
            CreditChanges = CreditFile.Changes(connection, mallId, flagMonth, settings.Credit),
            FlagPeriod = flagMonth,
            Availability = current.Availability,
            NewFlags = FlagDecision.NewFlags(current.Flags, known, FlagDecisions.Latest(connection, flagMonth), week.Sunday),
        };
    }
}
