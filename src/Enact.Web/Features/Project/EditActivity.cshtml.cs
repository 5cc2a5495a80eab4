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
public sealed class ActivityFormInput
{
    [Required(ErrorMessage = "Required")]
    [Display(Name = "KindLabel")]
    public string? Kind { get; set; }

    [Required(ErrorMessage = "Required")]
    [Display(Name = "StatusLabel")]
    public string? Status { get; set; }

    [Required(ErrorMessage = "Required")]
    [MaxLength(ProjectActivity.MaxTitleLength, ErrorMessage = "MaxLength")]
    [Display(Name = "TitleAr")]
    public string? TitleAr { get; set; }

    [Required(ErrorMessage = "Required")]
    [MaxLength(ProjectActivity.MaxTitleLength, ErrorMessage = "MaxLength")]
    [Display(Name = "TitleEn")]
    public string? TitleEn { get; set; }

    [MaxLength(Enact.Core.Projects.Project.MaxLongText, ErrorMessage = "MaxLength")]
    [Display(Name = "DescriptionAr")]
    public string? DescriptionAr { get; set; }

    [MaxLength(Enact.Core.Projects.Project.MaxLongText, ErrorMessage = "MaxLength")]
    [Display(Name = "DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [MaxLength(100)]
    public string? Version { get; set; }

    public static ActivityFormInput From(ProjectActivity a) => new()
    {
        Kind = a.Kind,
        Status = a.Status,
        TitleAr = a.TitleAr,
        TitleEn = a.TitleEn,
        DescriptionAr = a.DescriptionAr,
        DescriptionEn = a.DescriptionEn,
        Version = a.Version.ToString("D"),
    };

    public ActivityInput ToInput() => new(Kind, Status, TitleAr, TitleEn, DescriptionAr, DescriptionEn);
}

/// <summary>Staff edit an activity's kind, status and texts; a stale version shows the saved values beside the form.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditActivityModel(ProjectCatalog projects, TimeProvider time, IStringLocalizer<ProjectText> text, IStringLocalizer<SharedText> shared) : PageModel
{
    [BindProperty]
    public ActivityFormInput Input { get; set; } = new();

    public ActivityView View { get; private set; } = null!;

    /// <summary>Set when the save was refused because the activity changed meanwhile.</summary>
    public ProjectActivity? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int id, CancellationToken ct)
    {
        if (!await LoadAsync(code, id, ct))
        {
            return NotFound();
        }
        Input = ActivityFormInput.From(View.Activity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, int id, CancellationToken ct)
    {
        if (!await LoadAsync(code, id, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = Guid.TryParse(Input.Version, out var version)
            ? await projects.UpdateActivityAsync(CurrentUser.Actor(User), code, id, version, Input.ToInput(), ct)
            : Outcome.Conflict;
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                return Redirect($"/{Cultures.Current}/projects/{code}/activities/{id}?status=saved");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Conflict:
                if (!await LoadAsync(code, id, ct))
                {
                    return NotFound();
                }
                Saved = View.Activity;
                Input.Version = Saved.Version.ToString("D");
                ModelState.AddModelError("", shared["ConcurrencyConflict"]);
                return Page();
            default:
                FeatureErrors.Add(ModelState, outcome.Errors, text, shared);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(string code, int id, CancellationToken ct)
    {
        var view = await projects.FindActivityAsync(code, id, time.GetUtcNow().UtcDateTime, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        return true;
    }
}
