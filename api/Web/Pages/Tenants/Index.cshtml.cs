using Analytics.Api.Auth;
using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Analytics.Api.Server;
using Analytics.Api.Web.Ranking;
using Analytics.Model.Analysis;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Web.Pages.Tenants;

/// <summary>
/// /tenants : the ranking of every tenant in force in the month. Filtering, sorting and paging happen here on the
/// month's cached rows (each sort order computed once per month), so the browser gets one page (50 rows by default) however large the portfolio; ?format=xlsx|csv
/// downloads exactly the filtered rows in the same order.
/// </summary>
[Authorize(Policy = Role.Staff)]
public sealed class IndexModel : WorkspacePage
{
    internal RankingQuery Query { get; private set; } = RankingQuery.From(new QueryCollection());
    internal IReadOnlyList<RankingRow> Matching { get; private set; } = [];
    internal IReadOnlyList<RankingRow> PageRows { get; private set; } = [];
    internal IReadOnlyList<string> Floors { get; private set; } = [];
    internal IReadOnlyList<string> Categories { get; private set; } = [];
    internal AnalysisSettings Settings { get; private set; } = AnalysisSettings.Default;
    public int Pages => Math.Max(1, (Matching.Count + Query.Size - 1) / Query.Size);

    public IActionResult OnGet(string? format)
    {
        if (!ResolvePeriod(Get<WarehouseFacts>()))
        {
            return NotFound();
        }

        var figures = Get<WorkspaceFigures>();
        Settings = figures.Analysis(Period).Settings;
        Query = RankingQuery.From(Request.Query);
        Matching = Query.Apply(figures.Ranking(Period, Query.Sort, Query.Descending), Period);
        if (format is "xlsx" or "csv")
        {
            return Download(format);
        }

        var page = Math.Min(Query.Page, Pages);
        PageRows = Matching.Skip((page - 1) * Query.Size).Take(Query.Size).ToList();
        Query = Query with { Page = page };
        var choices = figures.Choices(Period);
        Floors = choices.Floors;
        Categories = choices.Categories;
        return Page();
    }

    private FileContentResult Download(string format)
    {
        var name = $"ranking-{PeriodText}.{format}";
        using (var connection = Get<WarehouseAccess>().Connect())
        {
            AuditLog.Write(connection, AuditLog.ForRequest(HttpContext, "download", 200, Get<TimeProvider>().GetUtcNow().UtcDateTime));
        }

        return format == "xlsx"
            ? File(RankingExport.Xlsx(Matching, PeriodText), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name)
            : File(RankingExport.Csv(Matching), "text/csv; charset=utf-8", name);
    }

    /// <summary>A column header that sorts by its key (a second click reverses).</summary>
    internal string SortLink(string key) =>
        Query.Link(PeriodText, key, Query.Sort == key ? !Query.Descending : key is not ("score" or "name" or "category" or "floor" or "lease_end"), 1);
}
