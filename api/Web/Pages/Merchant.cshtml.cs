using Analytics.Api.Auth;
using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Analytics.Api.Server;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Web.Pages;

/// <summary>/merchant : a merchant's home, its own tenant only (from its sign-in, never from the URL). Staff go to the overview.</summary>
[Authorize(Policy = Role.StaffOrMerchant)]
public sealed class MerchantModel : WorkspacePage
{
    internal RankingRow? Row { get; private set; }
    internal IReadOnlyList<ComplaintLine> OpenComplaints { get; private set; } = [];
    internal IReadOnlyList<FindingLine> Findings { get; private set; } = [];
    internal IReadOnlyList<Month> Months { get; private set; } = [];
    internal string TenantId { get; private set; } = "";

    public IActionResult OnGet()
    {
        if (IsStaff)
        {
            return LocalRedirect("/");
        }

        var facts = Get<WarehouseFacts>();
        TenantId = User.FindFirst(ApiKeyAuthentication.TenantClaim)?.Value ?? "";
        if (TenantAccess.Hides(User, TenantId, facts) || !ResolvePeriod(facts))
        {
            return NotFound();
        }

        Row = Get<WorkspaceFigures>().Row(Period, TenantId);
        Months = Enumerable.Range(0, 12).Select(i => Period.AddMonths(-i)).Where(facts.HasSales).ToList();
        using var connection = Get<WarehouseAccess>().Connect();
        OpenComplaints = TenantRecords.Complaints(connection, TenantId, Period).Where(c => c.Status == "open").ToList();
        Findings = TenantRecords.Findings(connection, TenantId, Period).Where(f => f.Date >= Period.AddMonths(-2).First).ToList();
        return Page();
    }
}
