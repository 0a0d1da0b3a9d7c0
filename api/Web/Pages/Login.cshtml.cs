using Analytics.Api.Auth;
using Analytics.Api.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Web.Pages;

/// <summary>
/// /login: name and password (form fields 'name', 'password'). A wrong password counts against the account (locked
/// after five in a row) and against the client address (FailedAttemptLimiter); both outcomes go to the audit log.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel : WorkspacePage
{
    public string? Name { get; private set; }
    public string? Problem { get; private set; }
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = Workspace.IsLocal(returnUrl) ? returnUrl : null;

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl)
    {
        Name = name?.Trim();
        ReturnUrl = Workspace.IsLocal(returnUrl) ? returnUrl : null;
        if (string.IsNullOrEmpty(Name) || string.IsNullOrEmpty(password) || Name.Length > 100 || password.Length > 200)
        {
            Problem = "signin.wrong";
            return Page();
        }

        var clock = Get<TimeProvider>();
        UserPasswords.SignInResult result;
        using (var connection = Get<WarehouseAccess>().Connect())
        {
            result = UserPasswords.Verify(connection, Name, password, clock);
            var status = result.Status == UserPasswords.SignInStatus.Ok ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
            AuditLog.Write(connection, AuditLog.ForRequest(HttpContext, "signin", status, clock.GetUtcNow().UtcDateTime) with
            {
                UserName = Name, Role = result.User?.Role, Resource = "/login",
            });
        }

        if (result.User is not { } user)
        {
            Get<FailedAttemptLimiter>().RecordFailure(HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            Problem = result.Status == UserPasswords.SignInStatus.LockedOut ? "signin.locked" : "signin.wrong";
            return Page();
        }

        await HttpContext.SignInAsync(WorkspaceAuth.Scheme, WorkspaceAuth.Principal(user),
            new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(ReturnUrl ?? (user.Role == Role.Merchant ? "/merchant" : "/"));
    }
}
