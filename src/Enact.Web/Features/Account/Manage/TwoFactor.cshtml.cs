using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Enact.Web.Features.Account.Manage;

/// <summary>
/// Two-factor authentication with an authenticator app: the shared key as text and as a QR code, a code to prove the app
/// works, then ten recovery codes shown once. Administrators, editors and reviewers cannot turn it off.
/// </summary>
public sealed class TwoFactorModel(
    UserManager<EnactUser> users,
    SignInManager<EnactUser> signIn,
    EnactDbContext db,
    AuditTrail audit,
    IStringLocalizer<AccountText> text,
    ILogger<TwoFactorModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Enabled { get; private set; }

    /// <summary>Whether the person's role requires two-factor authentication (then it cannot be turned off).</summary>
    public bool Required { get; private set; }

    public string SharedKey { get; private set; } = "";

    public IReadOnlyList<string> KeyGroups { get; private set; } = [];

    public string QrDataUri { get; private set; } = "";

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, right after they are generated.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    [FeatureTexts(typeof(AccountText))]
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required")]
        [StringLength(9, MinimumLength = 6, ErrorMessage = "StringLength")]
        [Display(Name = "AuthenticatorCode")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return Redirect(Self);
        }
        if (ModelState.IsValid)
        {
            var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AccountTokens.CleanCode(Input.Code));
            if (!valid)
            {
                ModelState.AddModelError("Input.Code", text["InvalidAuthenticatorCode"]);
            }
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        audit.Record(AccountTokens.Actor(user), "user.two-factor-enabled", "user", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        AccountLog.Changed(logger, user.Id, "two-factor-enabled");
        await signIn.RefreshSignInAsync(user);
        await ShowAsync(user);
        RecoveryCodes = codes?.ToList() ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled)
        {
            return Redirect(Self);
        }
        ModelState.Clear();
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        audit.Record(AccountTokens.Actor(user), "user.recovery-codes-generated", "user", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        await ShowAsync(user);
        RecoveryCodes = codes?.ToList() ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        ModelState.Clear();
        if (await RequiredForAsync(user))
        {
            ModelState.AddModelError("", text["TwoFactorCannotDisable"]);
            await ShowAsync(user);
            return Page();
        }
        if (user.TwoFactorEnabled)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            // A new key: the old app entry stops working, and setting up again starts clean.
            await users.ResetAuthenticatorKeyAsync(user);
            audit.Record(AccountTokens.Actor(user), "user.two-factor-disabled", "user", user.Id.ToString());
            await db.SaveChangesAsync(ct);
            AccountLog.Changed(logger, user.Id, "two-factor-disabled");
            await signIn.RefreshSignInAsync(user);
        }
        Status = "TwoFactorDisabled";
        return Redirect(Self);
    }

    private static string Self => $"/{Cultures.Current}/account/manage/two-factor";

    private async Task<bool> RequiredForAsync(EnactUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles.Any(r => Roles.RequireTwoFactor.Contains(r, StringComparer.Ordinal));
    }

    private async Task ShowAsync(EnactUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await RequiredForAsync(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = key;
        KeyGroups = key.Chunk(4).Select(c => new string(c)).ToList();
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/Enact:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Enact&digits=6");
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        QrDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
