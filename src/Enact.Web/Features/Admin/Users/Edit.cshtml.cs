using System.ComponentModel.DataAnnotations;
using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.Reference;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Admin.Users;

public sealed class EditModel(
    AccountAdministration accounts,
    AccountDirectory directory,
    AuditLog auditLog,
    CountryAdministration countries,
    IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public AccountDetail Account { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> Recent { get; private set; } = [];
    public IReadOnlyList<Country> Countries { get; private set; } = [];

    /// <summary>"invited", "saved", "deactivated" or "reactivated" after a redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new InputModel { Version = Account.Version, Roles = [.. Account.Roles], Countries = [.. Account.Countries] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await accounts.UpdateAccessAsync(CurrentUser.Actor(User), id, Input.Version, Input.Roles, Input.Countries, ct);
            if (outcome.Succeeded)
            {
                return Redirect($"/{Cultures.Current}/admin/users/{id}?status=saved");
            }
            if (outcome.Errors.Contains(AccountOutcome.NotFound, StringComparer.Ordinal))
            {
                return NotFound();
            }
            foreach (var error in outcome.Errors)
            {
                AccountErrors.Add(ModelState, text, error);
            }
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }
            if (outcome.Errors.Contains(AccountOutcome.ConflictError, StringComparer.Ordinal))
            {
                // Someone else changed the account: show what it is now, with the new version, so the administrator decides again.
                foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
                {
                    ModelState.Remove(key);
                }
                Input = new InputModel { Version = Account.Version, Roles = [.. Account.Roles], Countries = [.. Account.Countries] };
            }
            return Page();
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var outcome = await accounts.SetActiveAsync(CurrentUser.Actor(User), id, active, ct);
        if (outcome.Succeeded)
        {
            return Redirect($"/{Cultures.Current}/admin/users/{id}?status={(active ? "reactivated" : "deactivated")}");
        }
        if (outcome.Errors.Contains(AccountOutcome.NotFound, StringComparer.Ordinal) || !await LoadAsync(id, ct))
        {
            return NotFound();
        }
        foreach (var error in outcome.Errors)
        {
            AccountErrors.Add(ModelState, text, error);
        }
        ModelState.Remove("Input.Version");
        Input = new InputModel { Version = Account.Version, Roles = [.. Account.Roles], Countries = [.. Account.Countries] };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var account = await directory.FindAsync(id, ct);
        if (account is null)
        {
            return false;
        }
        Account = account;
        Recent = await auditLog.RecentForAsync("user", id.ToString(), 20, ct);
        Countries = await countries.ListAsync(ct);
        return true;
    }

    [FeatureTexts(typeof(AdminText))]
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required")]
        [MaxLength(100, ErrorMessage = "MaxLength")]
        public string Version { get; set; } = "";

        [Display(Name = "Roles")]
        public List<string> Roles { get; set; } = [];

        [Display(Name = "Countries")]
        public List<string> Countries { get; set; } = [];
    }
}
