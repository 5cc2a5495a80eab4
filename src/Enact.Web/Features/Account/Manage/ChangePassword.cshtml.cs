using System.ComponentModel.DataAnnotations;
using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Account.Manage;

/// <summary>Change the password; also where a one-time password is replaced at first sign-in.</summary>
public sealed class ChangePasswordModel(
    UserManager<EnactUser> users,
    SignInManager<EnactUser> signIn,
    EnactDbContext db,
    AuditTrail audit,
    ILogger<ChangePasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool MustChange { get; private set; }

    [TempData]
    public string? Status { get; set; }

    [FeatureTexts(typeof(AccountText))]
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required")]
        [MaxLength(200, ErrorMessage = "MaxLength")]
        [Display(Name = "CurrentPassword")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Required")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "StringLength")]
        [Display(Name = "NewPassword")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Required")]
        [Compare(nameof(NewPassword), ErrorMessage = "Compare")]
        [Display(Name = "ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        MustChange = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        MustChange = user.MustChangePassword;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            }
            return Page();
        }
        user.MustChangePassword = false;
        audit.Record(AccountTokens.Actor(user), "user.password-changed", "user", user.Id.ToString());
        await users.UpdateAsync(user);
        await db.SaveChangesAsync(ct);
        AccountLog.Changed(logger, user.Id, "password-changed");
        await signIn.RefreshSignInAsync(user);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return Redirect(ReturnUrl);
        }
        Status = "PasswordChanged";
        return Redirect($"/{Cultures.Current}/account/manage");
    }
}
