using System.ComponentModel.DataAnnotations;
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

[FeatureTexts(typeof(ProjectText))]
public sealed class ProjectFormInput
{
    /// <summary>Only on the new-project form (a project's address does not change); the service checks it.</summary>
    [Display(Name = "Code")]
    public string? Code { get; set; }

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

    /// <summary>The ticked terms of the <c>dimension</c> taxonomy.</summary>
    [Display(Name = "DimensionIds")]
    public List<int> DimensionIds { get; set; } = [];

    /// <summary>The ticked goals (1 to 17).</summary>
    [Display(Name = "Sdgs")]
    public List<int> Sdgs { get; set; } = [];

    [MaxLength(100)]
    public string? Version { get; set; }

    public static ProjectFormInput From(Enact.Core.Projects.Project p, IEnumerable<int> dimensionIds) => new()
    {
        NameAr = p.NameAr, NameEn = p.NameEn, LongTitleAr = p.LongTitleAr, LongTitleEn = p.LongTitleEn,
        ObjectivesAr = p.ObjectivesAr, ObjectivesEn = p.ObjectivesEn, PartnersAr = p.PartnersAr, PartnersEn = p.PartnersEn,
        DimensionIds = [.. dimensionIds], Sdgs = [.. p.SdgNumbers],
        Version = p.Version.ToString("D"),
    };

    public ProjectInput ToInput() => new(NameAr, NameEn, LongTitleAr, LongTitleEn, ObjectivesAr, ObjectivesEn, PartnersAr, PartnersEn);

    public ProjectClassification ToClassification() => new(DimensionIds, Sdgs);
}

/// <summary>Staff edit a project's names, objectives, partners, dimensions and SDGs; a stale version is a conflict.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditProjectModel(ProjectCatalog projects, ProjectAdministration admin, IStringLocalizer<ProjectText> text, IStringLocalizer<SharedText> shared) : PageModel
{
    [BindProperty]
    public ProjectFormInput Input { get; set; } = new();

    public ProjectView View { get; private set; } = null!;

    public IReadOnlyList<TaxonomyTerm> Dimensions { get; private set; } = [];

    /// <summary>Set when the save was refused because the project changed meanwhile: the page shows the saved values.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        Input = ProjectFormInput.From(View.Project, View.Dimensions.Select(d => d.Id));
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
        var outcome = Guid.TryParse(Input.Version, out var version)
            ? await admin.UpdateProjectAsync(CurrentUser.Actor(User), code, version, Input.ToInput(), Input.ToClassification(), ct)
            : Outcome.Conflict;
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                return Redirect($"/{Cultures.Current}/projects/{code}?status=saved");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Conflict:
                // The page shows the project as saved now (above the form); the editor's text stays in the form.
                if (!await LoadAsync(code, ct))
                {
                    return NotFound();
                }
                Conflict = true;
                Input.Version = View.Project.Version.ToString("D");
                ModelState.AddModelError("", shared["ConcurrencyConflict"]);
                return Page();
            default:
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
        Dimensions = await admin.DimensionsAsync(ct);
        return true;
    }
}
