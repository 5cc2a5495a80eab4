using System.ComponentModel.DataAnnotations;
using Enact.Core.Accounts;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Account;

/// <summary>Second step of signing in with one of the recovery codes, when the authenticator app is lost.</summary>
[EnableRateLimiting(EnactServices.AuthRateLimit)]
public sealed class SignInRecoveryCodeModel(SignInManager<EnactUser> signIn, IStringLocalizer<AccountText> text, ILogger<SignInRecoveryCodeModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [FeatureTexts(typeof(AccountText))]
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required")]
        [MaxLength(30, ErrorMessage = "MaxLength")]
        [Display(Name = "RecoveryCode")]
        public string RecoveryCode { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
        => await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect($"/{Cultures.Current}/account/sign-in") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect($"/{Cultures.Current}/account/sign-in");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            AccountLog.SignedIn(logger, user.Id);
            return Redirect(AccountTokens.SafeReturnUrl(Url, ReturnUrl));
        }
        ModelState.AddModelError(result.IsLockedOut ? "" : "Input.RecoveryCode", text[result.IsLockedOut ? "LockedOut" : "InvalidRecoveryCode"]);
        return Page();
    }
}
