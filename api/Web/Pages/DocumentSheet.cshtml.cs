using Analytics.Api.Auth;
using Analytics.Api.Endpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Web.Pages;

/// <summary>The merchant-sheet form of /documents (staff): on to the API's document URL, which checks and audits.</summary>
[Authorize(Policy = Role.Staff)]
public sealed class DocumentSheetModel : WorkspacePage
{
    public IActionResult OnGet(string? tenant, string? period, string? lang) =>
        tenant is { Length: > 0 and <= 100 } && Month.TryParse(period, out _)
            ? LocalRedirect($"/api/reports/merchant/{Uri.EscapeDataString(tenant.Trim())}/{period}?lang={(lang == "en" ? "en" : "zh")}")
            : NotFound();
}
