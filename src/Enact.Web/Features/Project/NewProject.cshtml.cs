using Enact.Core.Projects;
using Enact.Core.Reference;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Project;

/// <summary>Staff create a project: its code (the page's address), names, full titles, objectives, partners, dimensions and SDGs.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class NewProjectModel(ProjectAdministration admin, IStringLocalizer<ProjectText> text, IStringLocalizer<SharedText> shared) : PageModel
{
    [BindProperty]
    public ProjectFormInput Input { get; set; } = new();

    public IReadOnlyList<TaxonomyTerm> Dimensions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Dimensions = await admin.DimensionsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Dimensions = await admin.DimensionsAsync(ct);
        if (!ModelState.IsValid)
        {
            // The code's errors too, so the editor corrects everything at once.
            FeatureErrors.Add(ModelState, await admin.CheckCodeAsync(Input.Code, ct), text, shared);
            return Page();
        }
        var outcome = await admin.CreateProjectAsync(CurrentUser.Actor(User), Input.Code, Input.ToInput(), Input.ToClassification(), ct);
        if (outcome.Succeeded)
        {
            return Redirect($"/{Cultures.Current}/projects/{ProjectAdministration.NormalizeCode(Input.Code)}?status=created");
        }
        FeatureErrors.Add(ModelState, outcome.Errors, text, shared);
        return Page();
    }
}
