using Analytics.Api.Auth;
using Analytics.Api.Decisions;
using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Analytics.Api.Server;
using Analytics.Model.Decisions;
using Analytics.Model.Metrics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Web.Pages.Tenants;

/// <summary>
/// /tenants/{id} : one tenant's diagnosis. Staff see every tenant; a merchant only its own, and for any other id the
/// same 404 as for an id that does not exist (TenantAccess, as in the API). Flags, decisions and the model's expected
/// level are staff-only, as in the API's score view.
/// </summary>
[Authorize(Policy = Role.StaffOrMerchant)]
public sealed class DetailModel : WorkspacePage
{
    internal RankingRow Row { get; private set; } = null!;
    internal IReadOnlyList<SeriesPoint> History { get; private set; } = [];
    internal IReadOnlyList<LeaseLine> Leases { get; private set; } = [];
    internal IReadOnlyList<BillLine> Bills { get; private set; } = [];
    internal IReadOnlyList<ComplaintLine> Complaints { get; private set; } = [];
    internal IReadOnlyList<FindingLine> Findings { get; private set; } = [];
    internal IReadOnlyList<FlagDecision> DecisionsTaken { get; private set; } = [];
    public string? Problem { get; private set; }

    public IActionResult OnGet(string id) => Load(id) ? Page() : NotFound();

    /// <summary>Records a decision on one of the tenant's flags (leasing, admin); back to the page, or the page with the problem.</summary>
    public IActionResult OnPostDecide(string id, string flag, string action, DateOnly? until, string? note)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        if (!MayDecide)
        {
            return NotFound();
        }

        try
        {
            Get<DecisionService>().Record(new DecisionService.Request(id, flag, PeriodText, action, until, note), User, HttpContext);
        }
        catch (ArgumentException ex)
        {
            Problem = ex.Message;
            return Page();
        }

        return LocalRedirect($"/tenants/{Uri.EscapeDataString(id)}?period={PeriodText}#decisions");
    }

    private bool Load(string id)
    {
        var facts = Get<WarehouseFacts>();
        if (TenantAccess.Hides(User, id, facts) || !ResolvePeriod(facts))
        {
            return false;
        }

        var figures = Get<WorkspaceFigures>();
        if (figures.Row(Period, id) is not { } row)
        {
            return false;
        }

        Row = row;
        History = figures.History(Period, id);
        using var connection = Get<WarehouseAccess>().Connect();
        Leases = TenantRecords.Leases(connection, id);
        Bills = TenantRecords.Bills(connection, id, Period);
        Complaints = TenantRecords.Complaints(connection, id, Period);
        Findings = TenantRecords.Findings(connection, id, Period);
        DecisionsTaken = IsStaff ? FlagDecisions.List(connection, id) : [];
        return true;
    }

    /// <summary>An accepted flag's progress: under way until the lease ends, or the day the tenant left.</summary>
    internal string Progress(FlagDecision decision)
    {
        var lease = Leases.LastOrDefault();
        if (decision.Action != DecisionActions.Accept || lease is null)
        {
            return "";
        }

        var asOf = Period.Last;
        return lease.ExitDate is { } exit && exit <= asOf
            ? string.Format(T["progress.left"], T.Date(exit))
            : string.Format(T["progress.open"], T.Date(lease.LeaseEnd));
    }

    internal string SalesChart()
    {
        var t = T;
        var months = History.Select(h => Month.Of(h.Period).ToString()).ToArray();
        var expected = IsStaff ? Row.Score.ExpectedDensity3m : null;
        return Chart(new
        {
            tooltip = new { trigger = "axis" },
            legend = new { top = 0 },
            grid = new { left = 70, right = 70, top = 40, bottom = 30 },
            xAxis = new { type = "category", data = months },
            yAxis = new object[]
            {
                new { type = "value", name = "¥" },
                new { type = "value", name = "¥/m²", splitLine = new { show = false } },
            },
            series = new object?[]
            {
                new { name = t["net_sales"], type = "bar", data = History.Select(h => h.NetSales).ToArray() },
                new { name = t["density"], type = "line", yAxisIndex = 1, data = History.Select(h => Round(h.Density)).ToArray() },
                new { name = t["category_median"], type = "line", yAxisIndex = 1, lineStyle = new { type = "dashed" }, data = History.Select(h => Round(h.CategoryMedian)).ToArray() },
                expected is { } e
                    ? new { name = t["expected"], type = "line", yAxisIndex = 1, data = History.Select(_ => Round(e)).ToArray(), lineStyle = new { type = "dotted" }, symbol = "none" }
                    : null,
            }.Where(s => s is not null).ToArray(),
        });
    }

    private static double? Round(double? v) => v is { } d ? Math.Round(d, 2) : null;
}
