using Enact.Core.Accounts;
using Enact.Web.Localization;

namespace Enact.Web.Hosting;

/// <summary>
/// Sends a signed-in person to finish their account before anything else: first change a one-time password, then
/// (for administrators, editors and reviewers) set up two-factor authentication.
/// </summary>
public sealed class AccountGate(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return next(context);
        }
        var path = context.Request.Path.Value ?? "";
        var culture = Cultures.FromPath(path);
        if (culture is null || path[3..].StartsWith("/account", StringComparison.Ordinal))
        {
            return next(context);
        }
        string? target = null;
        if (user.HasClaim(EnactClaimsPrincipalFactory.MustChangePasswordClaim, "1"))
        {
            target = $"/{culture}/account/manage/change-password";
        }
        else if (!user.HasClaim(IdentitySetup.TwoFactorClaim, "1") && Roles.RequireTwoFactor.Any(user.IsInRole))
        {
            target = $"/{culture}/account/manage/two-factor";
        }
        if (target is null)
        {
            return next(context);
        }
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(target);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Task.CompletedTask;
    }
}
