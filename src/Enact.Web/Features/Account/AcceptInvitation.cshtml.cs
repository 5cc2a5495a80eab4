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

/// <summary>
/// The link of an administrator's invitation: the invitee chooses a password (the token is a password-reset token),
/// which also confirms the address, and is signed in.
/// </summary>
[EnableRateLimiting(EnactServices.AuthRateLimit)]
public sealed class AcceptInvitationModel(
    UserManager<EnactUser> users,
    SignInManager<EnactUser> signIn,
    EnactDbContext db,
    AuditTrail audit,
    ILogger<AcceptInvitationModel> logger) : PageModel
{
    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool LinkInvalid { get; private set; }

    public string? DisplayName { get; private set; }

    public async Task OnGetAsync()
    {
        var (user, token) = await FindAsync();
        LinkInvalid = user is null || token is null
            || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<EnactUser>.ResetPasswordTokenPurpose, token);
        DisplayName = user?.DisplayName;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (user, token) = await FindAsync();
        if (user is null || token is null)
        {
            LinkInvalid = true;
            return Page();
        }
        DisplayName = user.DisplayName;
        if (!ModelState.IsValid)
        {
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
        user.EmailConfirmed = true;
        user.MustChangePassword = false;
        audit.Record(AccountTokens.Actor(user), "user.invitation-accepted", "user", user.Id.ToString());
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException("The accepted invitation could not be saved.");
        }
        await db.SaveChangesAsync(ct);
        AccountLog.Changed(logger, user.Id, "invitation-accepted");
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect($"/{Cultures.Current}/");
    }

    private async Task<(EnactUser? User, string? Token)> FindAsync()
    {
        var token = AccountTokens.Decode(Code);
        if (UserId is null || token is null)
        {
            return (null, null);
        }
        var user = await users.FindByIdAsync(UserId.Value.ToString());
        // An invitation is for an account that has not been used yet.
        return user is { EmailConfirmed: false, IsActive: true } ? (user, token) : (null, null);
    }
}
