using System.ComponentModel.DataAnnotations;
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

[FeatureTexts(typeof(AccountText))]
[EnableRateLimiting(EnactServices.AuthRateLimit)]
public sealed class RegisterModel(
    UserManager<EnactUser> users,
    EnactDbContext db,
    AuditTrail audit,
    AccountMail mail,
    TimeProvider clock,
    ILogger<RegisterModel> logger) : PageModel
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

        [Required(ErrorMessage = "Required")]
        [MaxLength(200, ErrorMessage = "MaxLength")]
        [Display(Name = "DisplayName")]
        public string DisplayName { get; set; } = "";

        [MaxLength(200, ErrorMessage = "MaxLength")]
        [Display(Name = "OrganisationName")]
        public string? OrganisationName { get; set; }

        [Required(ErrorMessage = "Required")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "StringLength")]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Required")]
        [Compare(nameof(Password), ErrorMessage = "Compare")]
        [Display(Name = "ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
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
        var culture = Cultures.Current;
        var email = Input.Email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Never reveal that the address has an account: the same page, and a note to the owner.
            AccountLog.RegisteredAgain(logger, existing.Id);
            var link = existing.EmailConfirmed
                ? AccountMail.Link(Request, AccountMail.LanguageOf(existing), "forgot-password", "")
                : AccountMail.Link(Request, AccountMail.LanguageOf(existing), "confirm-email",
                    AccountMail.UserQuery(existing, await users.GenerateEmailConfirmationTokenAsync(existing)));
            await mail.SendAsync(existing, AccountMail.LanguageOf(existing),
                existing.EmailConfirmed ? AccountMail.Kind.AlreadyRegistered : AccountMail.Kind.ConfirmEmail, link.TrimEnd('?'), ct);
            return Redirect($"/{culture}/account/check-email?for=register");
        }

        var user = new EnactUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            OrganisationName = string.IsNullOrWhiteSpace(Input.OrganisationName) ? null : Input.OrganisationName.Trim(),
            PreferredLanguage = culture,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var created = await users.CreateAsync(user, Input.Password);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    if (error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                    {
                        // A race with another registration of the same address: answer as for an existing account.
                        return Redirect($"/{culture}/account/check-email?for=register");
                    }
                    ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
                }
                return Page();
            }
            var role = await users.AddToRoleAsync(user, Roles.Contributor);
            if (!role.Succeeded)
            {
                throw new InvalidOperationException("The Contributor role is missing.");
            }
            audit.Record(AccountTokens.Actor(user), "user.registered", "user", user.Id.ToString(),
                after: new { user.DisplayName, user.OrganisationName, user.PreferredLanguage, role = Roles.Contributor });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        AccountLog.Registered(logger, user.Id);

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await mail.SendAsync(user, culture, AccountMail.Kind.ConfirmEmail,
            AccountMail.Link(Request, culture, "confirm-email", AccountMail.UserQuery(user, token)), ct);
        return Redirect($"/{culture}/account/check-email?for=register");
    }
}
