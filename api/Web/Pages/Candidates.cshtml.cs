using Analytics.Api.Auth;
using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Analytics.Model.Decisions;
using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Web.Pages;

/// <summary>
/// /candidates : the workbench for replacement and rent adjustment. The month's flags by flag and priority with their
/// standing decisions, two to four tenants side by side (?ids=a,b), re-letting opportunity and rent at risk of the
/// replacement candidates, and the lease expiries of every candidate.
/// </summary>
[Authorize(Policy = Role.Staff)]
public sealed class CandidatesModel : WorkspacePage
{
    internal IReadOnlyList<TenantFlag> Flags { get; private set; } = [];
    internal IReadOnlyList<RankingRow> Compared { get; private set; } = [];
    internal IReadOnlyDictionary<(string TenantId, string Flag), FlagDecision> Standing { get; private set; } =
        new Dictionary<(string, string), FlagDecision>();
    internal IReadOnlySet<(string, string)> New { get; private set; } = new HashSet<(string, string)>();

    public IActionResult OnGet(string? ids)
    {
        if (!ResolvePeriod(Get<WarehouseFacts>()))
        {
            return NotFound();
        }

        var figures = Get<WorkspaceFigures>();
        Flags = figures.Analysis(Period).Flags.OrderBy(f => Array.IndexOf(FlagCodes.All, f.Code)).ThenBy(f => f.Priority)
            .ThenByDescending(f => f.RankValue).ThenBy(f => f.Score.Frame.Metrics.TenantId, StringComparer.Ordinal).ToList();
        Standing = figures.Decisions(Period);
        New = figures.NewFlags(Period).Select(f => (f.Score.Frame.Metrics.TenantId, f.Code)).ToHashSet();
        Compared = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).Take(4).Select(id => figures.Row(Period, id)).OfType<RankingRow>().ToList();
        return Page();
    }

    internal string ExpiryChart()
    {
        var asOf = Period.Last;
        var rows = Flags.Select(f => f.Score.Frame.Metrics).DistinctBy(m => m.TenantId).OrderBy(m => m.LeaseEnd).Take(40).Reverse().ToList();
        return Chart(new
        {
            tooltip = new { trigger = "axis" },
            grid = new { left = 150, right = 20, top = 10, bottom = 30 },
            xAxis = new { type = "value", name = T["lease_end"] },
            yAxis = new { type = "category", data = rows.Select(m => m.TenantName + " · " + m.LeaseEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray() },
            series = new[]
            {
                new { name = T["lease_end"], type = "bar", data = rows.Select(m => Math.Round((m.LeaseEnd.DayNumber - asOf.DayNumber) / 30.44, 1)).ToArray() },
            },
        });
    }
}
