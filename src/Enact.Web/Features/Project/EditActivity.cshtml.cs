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

    /// <summary>New activity only: the id of the activity it goes before; empty for the end of the list.</summary>
    [Display(Name = "Before")]
    public string? Before { get; set; }

    /// <summary>The ticked events: the ones that belong to the activity.</summary>
    [Display(Name = "EventIds")]
    public List<int> EventIds { get; set; } = [];

    /// <summary>The ticked calls for submissions.</summary>
    [Display(Name = "CallIds")]
    public List<int> CallIds { get; set; } = [];

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

    public ActivityLinks ToLinks() => new(EventIds, CallIds);

    /// <summary>The activity chosen as the place of a new one, or null for the end (or for a value no option has).</summary>
    public int? BeforeId()
        => int.TryParse(Before, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>
/// Staff edit an activity's kind, status and texts, and tick the events and calls that belong to it; all saved together.
/// A stale version shows the saved values (texts and links) beside the form, which keeps what the editor chose.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditActivityModel(ProjectCatalog projects, ProjectAdministration admin, TimeProvider time, IStringLocalizer<ProjectText> text, IStringLocalizer<SharedText> shared) : PageModel
{
    [BindProperty]
    public ActivityFormInput Input { get; set; } = new();

    public ActivityView View { get; private set; } = null!;

    /// <summary>Every event and call an editor may tick, and the ones linked now.</summary>
    public ActivityLinkChoices Choices { get; private set; } = new([], [], ActivityLinks.None);

    /// <summary>Set when the save was refused because the activity changed meanwhile.</summary>
    public ProjectActivity? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int id, CancellationToken ct)
    {
        if (!await LoadAsync(code, id, ct))
        {
            return NotFound();
        }
        Input = ActivityFormInput.From(View.Activity);
        Input.EventIds = [.. Choices.Linked.EventIds];
        Input.CallIds = [.. Choices.Linked.CallIds];
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
            ? await admin.SaveActivityAsync(CurrentUser.Actor(User), code, id, version, Input.ToInput(), Input.ToLinks(), ct)
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
        Choices = await admin.LinkChoicesAsync(id, ct);
        return true;
    }
}
