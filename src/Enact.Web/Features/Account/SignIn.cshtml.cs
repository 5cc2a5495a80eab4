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

[EnableRateLimiting(EnactServices.AuthRateLimit)]
public sealed class SignInModel(
    SignInManager<EnactUser> signIn,
    UserManager<EnactUser> users,
    IStringLocalizer<AccountText> text,
    ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when the account exists but its e-mail is not confirmed yet: the page offers a new link.</summary>
    public bool OfferResend { get; private set; }

    [TempData]
    public string? Status { get; set; }

    [FeatureTexts(typeof(AccountText))]
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required")]
        [EmailAddress(ErrorMessage = "EmailInvalid")]
        [MaxLength(256, ErrorMessage = "MaxLength")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Required")]
        [MaxLength(200, ErrorMessage = "MaxLength")]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "RememberMe")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var culture = Cultures.Current;
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            AccountLog.SignInFailed(logger);
            return Fail("SignInFailed");
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            AccountLog.SignedIn(logger, user.Id);
            return user.MustChangePassword
                ? Redirect($"/{culture}/account/manage/change-password?returnUrl={Uri.EscapeDataString(AccountTokens.SafeReturnUrl(Url, ReturnUrl))}")
                : Redirect(AccountTokens.SafeReturnUrl(Url, ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return Redirect($"/{culture}/account/sign-in/two-factor?returnUrl={Uri.EscapeDataString(AccountTokens.SafeReturnUrl(Url, ReturnUrl))}&rememberMe={(Input.RememberMe ? "true" : "false")}");
        }
        if (result.IsLockedOut)
        {
            AccountLog.LockedOut(logger, user.Id);
            return Fail("LockedOut");
        }
        if (result.IsNotAllowed && await users.CheckPasswordAsync(user, Input.Password))
        {
            // Only someone who knows the password learns why the account cannot sign in.
            if (!user.IsActive)
            {
                return Fail("AccountDeactivated");
            }
            if (!user.EmailConfirmed)
            {
                OfferResend = true;
                return Fail("EmailNotConfirmed");
            }
        }
        AccountLog.SignInFailed(logger);
        return Fail("SignInFailed");
    }

    private PageResult Fail(string key)
    {
        ModelState.AddModelError("", text[key]);
        return Page();
    }
}
