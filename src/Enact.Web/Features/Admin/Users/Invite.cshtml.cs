using System.ComponentModel.DataAnnotations;
using System.Text;
using Enact.Core.Accounts;
using Enact.Core.Email;
using Enact.Core.Reference;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Admin.Users;

public sealed class InviteModel(
    AccountAdministration accounts,
    CountryAdministration countries,
    IMailSender mail,
    IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Country> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Language = Cultures.Current;
        Countries = await countries.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Countries = await countries.ListAsync(ct);
            return Page();
        }
        var outcome = await accounts.InviteAsync(CurrentUser.Actor(User), Input.Email, Input.DisplayName, Input.Roles, Input.Countries, ct);
        if (!outcome.Succeeded)
        {
            foreach (var error in outcome.Errors)
            {
                AccountErrors.Add(ModelState, text, error);
            }
            Countries = await countries.ListAsync(ct);
            return Page();
        }

        var user = outcome.User!;
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(outcome.Token!));
        var link = $"{Request.Scheme}://{Request.Host}/{Input.Language}/account/accept-invitation?userId={user.Id}&code={code}";
        await mail.SendAsync(InvitationMail.Compose(text, Input.Language, user.Email!, user.DisplayName, link), ct);
        return Redirect($"/{Cultures.Current}/admin/users/{user.Id}?status=invited");
    }

    [FeatureTexts(typeof(AdminText))]
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required")]
        [EmailAddress(ErrorMessage = "EmailInvalid")]
        [MaxLength(256, ErrorMessage = "MaxLength")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [MaxLength(200, ErrorMessage = "MaxLength")]
        [Display(Name = "DisplayName")]
        public string? DisplayName { get; set; }

        [Display(Name = "Roles")]
        public List<string> Roles { get; set; } = [];

        [Display(Name = "Countries")]
        public List<string> Countries { get; set; } = [];

        [Required(ErrorMessage = "Required")]
        [RegularExpression("^(ar|en)$", ErrorMessage = "Required")]
        [Display(Name = "MailLanguage")]
        public string Language { get; set; } = Cultures.Arabic;
    }
}

/// <summary>Puts an account operation's error into the form, beside the field it concerns.</summary>
public static class AccountErrors
{
    public static void Add(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer<AdminText> text, string error)
    {
        var (field, message) = error switch
        {
            AccountOutcome.UnknownRole => ("Input.Roles", text[error].Value),
            AccountOutcome.FocalPointNeedsCountry or AccountOutcome.CountryNeedsFocalPoint or AccountOutcome.UnknownCountry => ("Input.Countries", text[error].Value),
            AccountOutcome.ConflictError or AccountOutcome.NotFound or AccountOutcome.CannotDeactivateSelf => ("", text[error].Value),
            // Identity's own errors are already described in the reader's language (Features.Account.LocalizedIdentityErrors).
            _ => ("Input.Email", error),
        };
        state.AddModelError(field, message);
    }
}
