using Analytics.Api.Auth;
using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Web.Pages;

/// <summary>
/// /documents : links to the PDFs the API serves (/api/reports, audited; a document not written yet is rendered on
/// request). Staff: monthly and weekly briefs and any merchant's sheet; a merchant: its own sheets only.
/// </summary>
[Authorize(Policy = Role.StaffOrMerchant)]
public sealed class DocumentsModel : WorkspacePage
{
    internal IReadOnlyList<Month> Months { get; private set; } = [];
    internal IReadOnlyList<IsoWeek> Weeks { get; private set; } = [];
    internal string? OwnTenant { get; private set; }

    public IActionResult OnGet()
    {
        var facts = Get<WarehouseFacts>();
        if (!ResolvePeriod(facts))
        {
            return NotFound();
        }

        Months = Enumerable.Range(0, 12).Select(i => Period.AddMonths(-i)).Where(facts.HasSales).ToList();
        if (IsStaff && facts.LastSalesDay is { } last)
        {
            var week = IsoWeek.LastCompleteOn(last);
            Weeks = Enumerable.Range(0, 8).Select(_ => { var w = week; week = week.Previous; return w; }).ToList();
        }

        OwnTenant = IsStaff ? null : User.FindFirst(ApiKeyAuthentication.TenantClaim)?.Value;
        return Page();
    }
}
