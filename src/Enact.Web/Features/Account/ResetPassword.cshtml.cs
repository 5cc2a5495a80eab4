using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Enact.Web.Features.Account;

/// <summary>The page of the e-mailed link: choose a new password with the token in the link.</summary>
[EnableRateLimiting(EnactServices.AuthRateLimit)]
public sealed class ResetPasswordModel(UserManager<EnactUser> users, EnactDbContext db, AuditTrail audit, ILogger<ResetPasswordModel> logger) : PageModel
{
    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool LinkInvalid { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public void OnGet() => LinkInvalid = UserId is null || AccountTokens.Decode(Code) is null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var token = AccountTokens.Decode(Code);
        if (UserId is null || token is null)
        {
            LinkInvalid = true;
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByIdAsync(UserId.Value.ToString());
        if (user is null || !user.IsActive)
        {
            LinkInvalid = true;
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.InvalidToken))
                {
                    LinkInvalid = true;
                    return Page();
                }
                ModelState.AddModelError("Input.Password", error.Description);
            }
            return Page();
        }
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        // Lockout from guessing ends when the owner proves control of the mailbox.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Record(AccountTokens.Actor(user), "user.password-reset", "user", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        AccountLog.Changed(logger, user.Id, "password-reset");
        Status = "PasswordResetDone";
        return Redirect($"/{Cultures.Current}/account/sign-in");
    }
}
