using System.ComponentModel.DataAnnotations;
using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Account.Manage;

/// <summary>The person's profile: name, language, organisation. Saving a version someone else changed shows the current values.</summary>
public sealed class IndexModel(
    UserManager<EnactUser> users,
    SignInManager<EnactUser> signIn,
    EnactDbContext db,
    AuditTrail audit,
    IStringLocalizer<SharedText> shared) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public bool TwoFactorEnabled { get; private set; }

    [TempData]
    public string? Status { get; set; }

    [FeatureTexts(typeof(AccountText))]
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required")]
        [MaxLength(200, ErrorMessage = "MaxLength")]
        [Display(Name = "DisplayName")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Required")]
        [RegularExpression("^(ar|en)$", ErrorMessage = "LanguageInvalid")]
        [Display(Name = "PreferredLanguage")]
        public string PreferredLanguage { get; set; } = Cultures.Arabic;

        [MaxLength(200, ErrorMessage = "MaxLength")]
        [Display(Name = "OrganisationName")]
        public string? OrganisationName { get; set; }

        /// <summary>The account's concurrency stamp when the form was opened.</summary>
        public string Version { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Show(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!string.Equals(user.ConcurrencyStamp, Input.Version, StringComparison.Ordinal))
        {
            return Conflict(user);
        }
        var before = new { user.DisplayName, user.PreferredLanguage, user.OrganisationName };
        user.DisplayName = Input.DisplayName.Trim();
        user.PreferredLanguage = Input.PreferredLanguage;
        user.OrganisationName = string.IsNullOrWhiteSpace(Input.OrganisationName) ? null : Input.OrganisationName.Trim();
        audit.Record(AccountTokens.Actor(user), "user.profile-changed", "user", user.Id.ToString(),
            before, new { user.DisplayName, user.PreferredLanguage, user.OrganisationName });
        // UpdateAsync saves the audit entry with the change, and fails when the stamp changed meanwhile.
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                db.ChangeTracker.Clear();
                var current = await users.FindByIdAsync(user.Id.ToString());
                return current is null ? NotFound() : Conflict(current);
            }
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Status = "ProfileSaved";
        // The page opens in the language the person just chose.
        return Redirect($"/{user.PreferredLanguage}/account/manage");
    }

    private PageResult Conflict(EnactUser current)
    {
        ModelState.Clear();
        ModelState.AddModelError("", shared["ConcurrencyConflict"]);
        Show(current);
        return Page();
    }

    private void Show(EnactUser user)
    {
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        Input = new InputModel
        {
            DisplayName = user.DisplayName,
            PreferredLanguage = Cultures.IsSupported(user.PreferredLanguage) ? user.PreferredLanguage : Cultures.Arabic,
            OrganisationName = user.OrganisationName,
            Version = user.ConcurrencyStamp ?? "",
        };
    }
}
