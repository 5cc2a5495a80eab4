using System.ComponentModel.DataAnnotations;
using Enact.Core.Projects;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Project;

[FeatureTexts(typeof(ProjectText))]
public sealed class ProjectFormInput
{
    [Required(ErrorMessage = "Required")]
    [MaxLength(Enact.Core.Projects.Project.MaxNameLength, ErrorMessage = "MaxLength")]
    [Display(Name = "NameAr")]
    public string? NameAr { get; set; }

    [Required(ErrorMessage = "Required")]
    [MaxLength(Enact.Core.Projects.Project.MaxNameLength, ErrorMessage = "MaxLength")]
    [Display(Name = "NameEn")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Required")]
    [MaxLength(Enact.Core.Projects.Project.MaxLongTitleLength, ErrorMessage = "MaxLength")]
    [Display(Name = "LongTitleAr")]
    public string? LongTitleAr { get; set; }

    [Required(ErrorMessage = "Required")]
    [MaxLength(Enact.Core.Projects.Project.MaxLongTitleLength, ErrorMessage = "MaxLength")]
    [Display(Name = "LongTitleEn")]
    public string? LongTitleEn { get; set; }

    [MaxLength(Enact.Core.Projects.Project.MaxLongText, ErrorMessage = "MaxLength")]
    [Display(Name = "ObjectivesAr")]
    public string? ObjectivesAr { get; set; }

    [MaxLength(Enact.Core.Projects.Project.MaxLongText, ErrorMessage = "MaxLength")]
    [Display(Name = "ObjectivesEn")]
    public string? ObjectivesEn { get; set; }

    [MaxLength(Enact.Core.Projects.Project.MaxLongText, ErrorMessage = "MaxLength")]
    [Display(Name = "PartnersAr")]
    public string? PartnersAr { get; set; }

    [MaxLength(Enact.Core.Projects.Project.MaxLongText, ErrorMessage = "MaxLength")]
    [Display(Name = "PartnersEn")]
    public string? PartnersEn { get; set; }

    [MaxLength(100)]
    public string? Version { get; set; }

    public static ProjectFormInput From(Enact.Core.Projects.Project p) => new()
    {
        NameAr = p.NameAr, NameEn = p.NameEn, LongTitleAr = p.LongTitleAr, LongTitleEn = p.LongTitleEn,
        ObjectivesAr = p.ObjectivesAr, ObjectivesEn = p.ObjectivesEn, PartnersAr = p.PartnersAr, PartnersEn = p.PartnersEn,
        Version = p.Version.ToString("D"),
    };

    public ProjectInput ToInput() => new(NameAr, NameEn, LongTitleAr, LongTitleEn, ObjectivesAr, ObjectivesEn, PartnersAr, PartnersEn);
}

/// <summary>Staff edit a project's names, objectives and partners.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditProjectModel(ProjectCatalog projects, IStringLocalizer<ProjectText> text, IStringLocalizer<SharedText> shared) : PageModel
{
    [BindProperty]
    public ProjectFormInput Input { get; set; } = new();

    public ProjectView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var view = await projects.FindAsync(code, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        Input = ProjectFormInput.From(view.Project);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var view = await projects.FindAsync(code, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = Guid.TryParse(Input.Version, out var version)
            ? await projects.UpdateProjectAsync(CurrentUser.Actor(User), code, version, Input.ToInput(), ct)
            : Outcome.Conflict;
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                return Redirect($"/{Cultures.Current}/projects/{code}?status=saved");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Conflict:
                Input.Version = view.Project.Version.ToString("D");
                ModelState.AddModelError("", shared["ConcurrencyConflict"]);
                return Page();
            default:
                FeatureErrors.Add(ModelState, outcome.Errors, text, shared);
                return Page();
        }
    }
}
