using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Web.Pages;

/// <summary>/logout: POST only (with the antiforgery token, like every form), ends the session, back to /login.</summary>
[AllowAnonymous]
public sealed class LogoutModel : WorkspacePage
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(WorkspaceAuth.Scheme);
        return LocalRedirect("/login");
    }
}
