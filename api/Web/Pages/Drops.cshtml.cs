using Analytics.Api.Auth;
using Analytics.Api.Drops;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Web.Pages;

/// <summary>
/// /drops (admin): upload a drop through the API's own endpoint (POST /api/drops, with the session and the antiforgery
/// token), a progress bar while the files go up, then the drop's status polled until it is loaded or refused, with the
/// per-file counts and the rejected rows.
/// </summary>
[Authorize(Policy = Role.AdminOnly)]
public sealed class DropsModel : WorkspacePage
{
    /// <summary>Status while a load is under way; htmx stops polling when a partial answers 286.</summary>
    private const int StopPolling = 286;

    internal DropStatus? Status { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetStatus(long id)
    {
        Status = Get<DropIngestion>().Get(id);
        if (Status is null)
        {
            return NotFound();
        }

        if (Status.Status is not ("queued" or "loading"))
        {
            Response.StatusCode = StopPolling;
        }

        return Partial("_DropStatus", this);
    }
}
