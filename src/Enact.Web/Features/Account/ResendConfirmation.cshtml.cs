using System.ComponentModel.DataAnnotations;
using Enact.Core.Accounts;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Enact.Web.Features.Account;

[EnableRateLimiting(EnactServices.AuthRateLimit)]
public sealed class ResendConfirmationModel(UserManager<EnactUser> users, AccountMail mail) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FeatureTexts(typeof(AccountText))]
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required")]
        [EmailAddress(ErrorMessage = "EmailInvalid")]
        [MaxLength(256, ErrorMessage = "MaxLength")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: false, IsActive: true })
        {
            var culture = AccountMail.LanguageOf(user);
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            await mail.SendAsync(user, culture, AccountMail.Kind.ConfirmEmail,
                AccountMail.Link(Request, culture, "confirm-email", AccountMail.UserQuery(user, token)), ct);
        }
        // The same answer whether or not the address has an account.
        return Redirect($"/{Cultures.Current}/account/check-email?for=resend");
    }
}
