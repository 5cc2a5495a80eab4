using Enact.Core.Accounts;
using Enact.Core.Data;
using Enact.Core.Organisations;
using Enact.Core.Projects;
using Enact.Core.Reference;
using Enact.Web.Features.Admin;
using Enact.Web.Features.Project;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Organisations;

/// <summary>Members (and staff) edit an organisation; a stale version is shown as a conflict with the saved values.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EditModel(OrganisationDirectory directory, EnactDbContext db, IStringLocalizer<OrganisationText> text, IStringLocalizer<SharedText> shared)
    : PageModel, IOrganisationFormPage
{
    [BindProperty]
    public OrganisationFormInput Input { get; set; } = new();

    public IReadOnlyList<Country> Countries { get; private set; } = [];

    public Organisation Organisation { get; private set; } = null!;

    public Organisation? Saved { get; private set; }

    private bool IsStaff => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var organisation = await directory.FindAsync(id, ct);
        if (organisation is null)
        {
            return NotFound();
        }
        if (!IsStaff && !(CurrentUser.Id(User) is Guid userId && await directory.IsMemberAsync(id, userId, ct)))
        {
            return Forbid();
        }
        Organisation = organisation;
        Countries = await OrganisationPages.CountriesAsync(db, ct);
        Input = OrganisationFormInput.From(organisation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var organisation = await directory.FindAsync(id, ct);
        if (organisation is null || CurrentUser.Id(User) is not Guid userId)
        {
            return NotFound();
        }
        Organisation = organisation;
        Countries = await OrganisationPages.CountriesAsync(db, ct);
        if (!IsStaff && !await directory.IsMemberAsync(id, userId, ct))
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = Guid.TryParse(Input.Version, out var version)
            ? await directory.UpdateAsync(CurrentUser.Actor(User), userId, IsStaff, id, version, Input.ToInput(), ct)
            : Outcome.Conflict;
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                return Redirect($"/{Cultures.Current}/organisations/{id}?status=saved");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            case OutcomeKind.Conflict:
                Saved = await directory.FindAsync(id, ct);
                if (Saved is null)
                {
                    return NotFound();
                }
                Input.Version = Saved.Version.ToString("D");
                ModelState.AddModelError("", shared["ConcurrencyConflict"]);
                return Page();
            default:
                FeatureErrors.Add(ModelState, outcome.Errors, text, shared);
                return Page();
        }
    }
}
