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
public sealed class ForgotPasswordModel(UserManager<EnactUser> users, AccountMail mail) : PageModel
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
        // Only confirmed, active accounts get a link; the answer is the same for every address.
        if (user is { EmailConfirmed: true, IsActive: true })
        {
            var culture = AccountMail.LanguageOf(user);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await mail.SendAsync(user, culture, AccountMail.Kind.ResetPassword,
                AccountMail.Link(Request, culture, "reset-password", AccountMail.UserQuery(user, token)), ct);
        }
        return Redirect($"/{Cultures.Current}/account/check-email?for=reset");
    }
}
