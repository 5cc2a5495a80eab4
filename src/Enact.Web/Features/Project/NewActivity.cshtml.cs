using Enact.Core.Projects;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Project;

/// <summary>Staff add an activity to a project: kind, status, titles and descriptions, at the end of the list unless they choose a place.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class NewActivityModel(ProjectCatalog projects, ProjectAdministration admin, IStringLocalizer<ProjectText> text, IStringLocalizer<SharedText> shared) : PageModel
{
    [BindProperty]
    public ActivityFormInput Input { get; set; } = new();

    public ProjectView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        Input = new ActivityFormInput { Kind = ActivityKinds.Workshop, Status = ActivityStatuses.Planned };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await admin.AddActivityAsync(CurrentUser.Actor(User), code, Input.ToInput(), Input.BeforeId(), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                return Redirect($"/{Cultures.Current}/projects/{code}/activities/{Bilingual.Id(outcome.Id!.Value)}?status=created");
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                // The list of places may have changed (an activity added or removed meanwhile): show it as it is now.
                await LoadAsync(code, ct);
                FeatureErrors.Add(ModelState, outcome.Errors, text, shared);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var view = await projects.FindAsync(code, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        return true;
    }
}
