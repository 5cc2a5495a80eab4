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
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Organisations;

/// <summary>A registered person adds their organisation to the directory and becomes its member.</summary>
[Authorize(Policy = Policies.SignedIn)]
[EnableRateLimiting(EnactServices.AuthRateLimit)]
public sealed class CreateModel(OrganisationDirectory directory, EnactDbContext db, IStringLocalizer<OrganisationText> text, IStringLocalizer<SharedText> shared)
    : PageModel, IOrganisationFormPage
{
    [BindProperty]
    public OrganisationFormInput Input { get; set; } = new();

    public IReadOnlyList<Country> Countries { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Countries = await OrganisationPages.CountriesAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Countries = await OrganisationPages.CountriesAsync(db, ct);
        if (!ModelState.IsValid || CurrentUser.Id(User) is not Guid userId)
        {
            return Page();
        }
        var outcome = await directory.CreateAsync(CurrentUser.Actor(User), userId, Input.ToInput(), ct);
        if (outcome.Kind != OutcomeKind.Success)
        {
            FeatureErrors.Add(ModelState, outcome.Errors, text, shared);
            return Page();
        }
        return Redirect($"/{Cultures.Current}/organisations/{outcome.Id}?status=created");
    }
}

public static class OrganisationPages
{
    public static async Task<IReadOnlyList<Country>> CountriesAsync(EnactDbContext db, CancellationToken ct)
        => await db.Countries.AsNoTracking().OrderBy(c => c.NameEn).ToListAsync(ct);
}
