using Analytics.Api.Auth;
using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Web.Pages;

/// <summary>/ : the month at a glance for the GM and leasing; every tile links to the list behind it.</summary>
[Authorize(Policy = Role.StaffOrMerchant)]
public sealed class IndexModel : WorkspacePage
{
    internal IReadOnlyList<MallMetricsRow> Series { get; private set; } = [];
    internal MallMetricsRow? Mall => Series.Count > 0 ? Series[^1] : null;
    internal MallMetricsRow? YearBefore => Series.Count >= 13 ? Series[^13] : null;
    internal IReadOnlyList<RankingRow> Rows { get; private set; } = [];
    internal IReadOnlyList<TenantFlag> NewFlags { get; private set; } = [];
    internal int FlagCount { get; private set; }

    public IActionResult OnGet()
    {
        if (!IsStaff)
        {
            return LocalRedirect("/merchant");
        }

        if (!ResolvePeriod(Get<WarehouseFacts>()))
        {
            return NotFound();
        }

        var figures = Get<WorkspaceFigures>();
        Series = figures.MallSeries(Period);
        Rows = figures.Ranking(Period);
        NewFlags = figures.NewFlags(Period);
        FlagCount = figures.Analysis(Period).Flags.Count;
        return Page();
    }

    /// <summary>Leases in force on the month's last day that end within the next <paramref name="days"/> days.</summary>
    internal int Expiring(int days) => Rows.Count(r => Ranking.RankingQuery.ExpiresWithin(r, Period.Last, days));

    internal string TrendChart(string key)
    {
        var t = T;
        var months = Series.Select(s => Month.Of(s.Period).ToString()).ToArray();
        object Line(string name, IEnumerable<double?> values, int axis = 0, string type = "line") =>
            new { name, type, yAxisIndex = axis, data = values.Select(v => v is { } d ? Math.Round(d, 4) : (double?)null).ToArray() };
        object[] axes(string left, string right) =>
        [
            new { type = "value", name = left, scale = true },
            new { type = "value", name = right, scale = true, splitLine = new { show = false } },
        ];
        var (series, y) = key switch
        {
            "sales" => (new[]
            {
                Line(t["net_sales"], Series.Select(s => (double?)(double)s.MallSales), 0, "bar"),
                Line(t["density"], Series.Select(s => s.MallDensity), 1),
            }, axes("¥", "¥/m²")),
            "rates" => (new[]
            {
                Line(t["occupancy"], Series.Select(s => s.OccupancyRate)),
                Line(t["collection"], Series.Select(s => s.CollectionRate)),
            }, new object[] { new { type = "value", scale = true } }),
            _ => (new[]
            {
                Line(t["footfall"], Series.Select(s => (double?)s.Footfall), 0, "bar"),
                Line(t["conversion"], Series.Select(s => s.Conversion), 1),
            }, axes(t["footfall"], t["conversion"])),
        };
        return Chart(new
        {
            tooltip = new { trigger = "axis" },
            legend = new { top = 0 },
            grid = new { left = 60, right = 60, top = 40, bottom = 30 },
            xAxis = new { type = "category", data = months },
            yAxis = y,
            series,
        });
    }

    internal string AgingChart()
    {
        var t = T;
        var labels = new[] { t["aging.1_30"], t["aging.31_60"], t["aging.61_90"], t["aging.over_90"] };
        var values = new[]
        {
            Rows.Sum(r => r.Metrics.Aging1To30), Rows.Sum(r => r.Metrics.Aging31To60),
            Rows.Sum(r => r.Metrics.Aging61To90), Rows.Sum(r => r.Metrics.AgingOver90),
        };
        return Chart(new
        {
            tooltip = new { trigger = "axis" },
            grid = new { left = 70, right = 20, top = 20, bottom = 30 },
            xAxis = new { type = "category", data = labels },
            yAxis = new { type = "value" },
            series = new[] { new { name = t["arrears"], type = "bar", data = values } },
        });
    }
}
