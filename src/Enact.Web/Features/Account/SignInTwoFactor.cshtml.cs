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

/// <summary>Second step of signing in: the six-digit code of the authenticator app.</summary>
[EnableRateLimiting(EnactServices.AuthRateLimit)]
public sealed class SignInTwoFactorModel(SignInManager<EnactUser> signIn, IStringLocalizer<AccountText> text, ILogger<SignInTwoFactorModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [FeatureTexts(typeof(AccountText))]
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required")]
        [StringLength(9, MinimumLength = 6, ErrorMessage = "StringLength")]
        [Display(Name = "AuthenticatorCode")]
        public string Code { get; set; } = "";

        [Display(Name = "RememberMachine")]
        public bool RememberMachine { get; set; }
    }

    public string RecoveryUrl => $"/{Cultures.Current}/account/sign-in/recovery-code?returnUrl={Uri.EscapeDataString(AccountTokens.SafeReturnUrl(Url, ReturnUrl))}&rememberMe={(RememberMe ? "true" : "false")}";

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
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(AccountTokens.CleanCode(Input.Code), RememberMe, Input.RememberMachine);
        if (result.Succeeded)
        {
            AccountLog.SignedIn(logger, user.Id);
            return Redirect(AccountTokens.SafeReturnUrl(Url, ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            AccountLog.LockedOut(logger, user.Id);
            ModelState.AddModelError("", text["LockedOut"]);
            return Page();
        }
        ModelState.AddModelError("Input.Code", text["InvalidAuthenticatorCode"]);
        return Page();
    }
}
