using System.Text.Json;
using Analytics.Api.Auth;
using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Analytics.Model.Metrics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Api.Web.Pages;

/// <summary>What every page has: the visitor's language, the month asked for (?period=YYYY-MM, default the latest), the role tests.</summary>
public abstract class WorkspacePage : PageModel
{
    private static readonly JsonSerializerOptions ChartJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    internal WebText T => WebText.Of(HttpContext);

    /// <summary>A service of the server (page models are public for Razor; the services they use are internal).</summary>
    internal TService Get<TService>()
        where TService : notnull => HttpContext.RequestServices.GetRequiredService<TService>();

    public Month Period { get; protected set; }

    public string PeriodText => Period.ToString();

    public bool IsStaff => !User.IsInRole(Role.Merchant);

    public bool MayDecide => Decisions.DecisionService.MayDecide(User);

    /// <summary>Resolves ?period=; false (the page answers 404) for a month without data or a malformed one.</summary>
    internal bool ResolvePeriod(WarehouseFacts facts)
    {
        if (facts.ResolvePeriod(Request.Query["period"].ToString()) is not { } p || !facts.HasSales(p))
        {
            return false;
        }

        Period = p;
        return true;
    }

    /// <summary>An ECharts option as the JSON the page's script reads from data-chart.</summary>
    public static string Chart(object option) => JsonSerializer.Serialize(option, ChartJson);
}
