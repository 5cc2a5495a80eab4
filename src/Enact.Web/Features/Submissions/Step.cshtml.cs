using System.Globalization;
using Enact.Core.CaseStudies;
using Enact.Core.Files;
using Enact.Core.Submissions;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Submissions;

/// <summary>
/// One step of the submission template. Every way out of the step (next, previous, a step button, save, upload,
/// remove, invite) is a form POST that first saves what was typed as a draft; only format errors keep the person on
/// the step, with their text. The autosave handler answers JSON for <c>autosave.js</c>.
/// </summary>
[Authorize]
[FeatureTexts(typeof(SubmissionText))]
[UploadForm("Upload")]
public sealed class StepModel(SubmissionService submissions, SubmissionMail mail, IStringLocalizer<SubmissionText> s) : PageModel
{
    [BindProperty]
    public StepInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Where to go after saving: a step's slug, or "stay", "upload", "invite".</summary>
    [BindProperty]
    public string? Nav { get; set; }

    [BindProperty]
    public Guid? RemoveAttachment { get; set; }

    [BindProperty]
    public string? RemoveCoAuthor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public string Id { get; private set; } = "";
    public SubmissionStep Step { get; private set; }
    public SubmissionDraft Draft { get; private set; } = null!;

    /// <summary>Set when someone else saved the case study since the page was loaded: the saved values of this step.</summary>
    public DraftInput? Current { get; private set; }

    public bool Arabic => Cultures.Current == Cultures.Arabic;

    /// <summary>Whether the call (or an extension) still takes this draft; the template stays editable either way.</summary>
    public bool WindowOpen => submissions.IsWindowOpen(Draft.CaseStudy, Draft.Call);

    public async Task<IActionResult> OnGetAsync(string id, string step, CancellationToken ct)
    {
        var refusal = await LoadAsync(id, step, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!Draft.IsEditable)
        {
            return Redirect($"/{Cultures.Current}/case-studies/submissions/{id}/preview");
        }
        Input = FromDraft();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string step, CancellationToken ct)
    {
        var refusal = await LoadAsync(id, step, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var who = SubmissionUser.From(User)!;
        var actor = CurrentUser.Actor(User);
        if (!ModelState.IsValid || !Guid.TryParse(Input.Version, out var version))
        {
            return Page();
        }
        var saved = await submissions.SaveStepAsync(actor, who, id, Step, version, Input.ToDraft(), ct);
        switch (saved.Result)
        {
            case SubmissionResult.NotFound:
                return NotFound();
            case SubmissionResult.Forbidden:
                return Forbid();
            case SubmissionResult.NotEditable:
                return Redirect($"/{Cultures.Current}/case-studies/submissions/{id}/preview");
            case SubmissionResult.Conflict:
                await ReloadAsync(ct);
                Current = DraftInput.From(Draft.CaseStudy, Draft.Terms, Draft.Attachments);
                ModelState.Remove("Input.Version");
                Input.Version = Draft.CaseStudy.Version.ToString("D", CultureInfo.InvariantCulture);
                ModelState.AddModelError("", s["Conflict.Message"]);
                return Page();
            case SubmissionResult.Invalid:
                SubmissionTexts.AddErrors(ModelState, s, saved.Errors);
                return Page();
        }

        // The step is saved; now the action the person asked for.
        SubmissionOutcome? action = null;
        var anchor = "";
        if (Upload is { Length: > 0 } file)
        {
            // A file over the limit was dropped while the form was read (UploadForm): only its length is known.
            byte[] content = [];
            if (file.Length <= StoredFile.MaxLength)
            {
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                content = buffer.ToArray();
            }
            action = await submissions.AddAttachmentAsync(actor, who, id, file.FileName, file.Length, content, Input.UploadAltAr, Input.UploadAltEn, ct);
            anchor = "#attachments";
        }
        else if (Nav == "upload")
        {
            action = SubmissionOutcome.Invalid("Upload", "Error.FileMissing");
        }
        else if (RemoveAttachment is { } attachmentId)
        {
            action = await submissions.RemoveAttachmentAsync(actor, who, id, attachmentId, ct);
            anchor = "#attachments";
        }
        else if (Nav == "invite")
        {
            action = await submissions.InviteCoAuthorAsync(actor, who, id, Input.CoAuthorEmail, Cultures.Current, ct);
            if (action.Succeeded)
            {
                var inviter = User.FindFirst("enact:name")?.Value ?? User.Identity?.Name ?? "";
                await mail.SendInvitationAsync(Request, id, TitleOf(Draft.CaseStudy), inviter, action.Recipients[0], ct);
            }
            anchor = "#co-authors";
        }
        else if (RemoveCoAuthor is not null)
        {
            action = await submissions.RemoveCoAuthorAsync(actor, who, id, RemoveCoAuthor, ct);
            anchor = "#co-authors";
        }
        if (action is { Result: SubmissionResult.Invalid })
        {
            await ReloadAsync(ct);
            SubmissionTexts.AddErrors(ModelState, s, action.Errors);
            ModelState.Remove("Input.Version");
            Input.Version = Draft.CaseStudy.Version.ToString("D", CultureInfo.InvariantCulture);
            Input.AltTexts = Draft.Attachments.Select(a => new AltTextInput { Id = a.Id, Ar = a.AltTextAr, En = a.AltTextEn }).ToList();
            return Page();
        }
        if (action is { Result: SubmissionResult.Forbidden })
        {
            return Forbid();
        }
        var target = SubmissionSteps.Parse(Nav) is { } next ? SubmissionSteps.Slug(next) : SubmissionSteps.Slug(Step);
        var query = target == SubmissionSteps.Slug(Step) ? "?saved=" + (Nav is "upload" or "invite" ? Nav : "step") : "";
        anchor = target == SubmissionSteps.Slug(Step) ? anchor : "";
        return Redirect($"/{Cultures.Current}/case-studies/submissions/{id}/{target}{query}{anchor}");
    }

    /// <summary>Autosave: the step's form posted by <c>autosave.js</c>; answers the new version and a status message.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(string id, string step, CancellationToken ct)
    {
        var parsed = SubmissionSteps.Parse(step);
        var who = SubmissionUser.From(User);
        if (parsed is null || who is null || !Guid.TryParse(Input.Version, out var version))
        {
            return BadRequest();
        }
        var saved = await submissions.SaveStepAsync(CurrentUser.Actor(User), who, id, parsed.Value, version, Input.ToDraft(), ct);
        return saved.Result switch
        {
            SubmissionResult.Ok => new JsonResult(new
            {
                version = saved.Version,
                savedAt = saved.SavedAt,
                message = s["Autosave.Saved", (saved.SavedAt ?? DateTime.UtcNow).ToString("HH:mm", CultureInfo.InvariantCulture)].Value,
            }),
            SubmissionResult.Conflict => new JsonResult(new { message = s["Autosave.Conflict"].Value }) { StatusCode = StatusCodes.Status409Conflict },
            SubmissionResult.Invalid => new JsonResult(new
            {
                message = s["Autosave.Invalid"].Value,
                errors = saved.Errors.Select(e => new { field = e.Field, message = SubmissionTexts.Error(s, e) }),
            }) { StatusCode = StatusCodes.Status400BadRequest },
            SubmissionResult.Forbidden => Forbid(),
            SubmissionResult.NotEditable => new JsonResult(new { message = s["Autosave.NotEditable"].Value }) { StatusCode = StatusCodes.Status409Conflict },
            _ => NotFound(),
        };
    }

    private async Task<IActionResult?> LoadAsync(string id, string step, CancellationToken ct)
    {
        var parsed = SubmissionSteps.Parse(step);
        var who = SubmissionUser.From(User);
        if (parsed is null or SubmissionStep.Preview || who is null)
        {
            return NotFound();
        }
        Id = id;
        Step = parsed.Value;
        var (result, draft) = await submissions.GetAsync(who, id, ct);
        if (draft is null)
        {
            return result == SubmissionResult.Forbidden ? Forbid() : NotFound();
        }
        if (draft.Access < SubmissionAccess.Edit)
        {
            return Forbid();
        }
        Draft = draft;
        return null;
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        var (_, draft) = await submissions.GetAsync(SubmissionUser.From(User)!, Id, ct);
        Draft = draft ?? Draft;
    }

    private StepInput FromDraft()
        => StepInput.From(DraftInput.From(Draft.CaseStudy, Draft.Terms, Draft.Attachments), Draft.CaseStudy.Version);

    public static string? TitleOf(CaseStudy c)
        => c.OriginalLanguage == "en" ? c.TitleEn ?? c.TitleAr : c.TitleAr ?? c.TitleEn;

    // ── Helpers for the view ──

    public string? ErrorOf(string field)
        => ModelState.TryGetValue("Input." + field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public BilingualField Bi(string name, bool multiline, string? hintKey = null, int maxLength = SubmissionService.MaxTextLength)
        => new(name, s["Field." + name], hintKey is null ? null : s[hintKey].Value, multiline, Input.Text(name + "Ar"), Input.Text(name + "En"),
            ErrorOf(name + "Ar"), ErrorOf(name + "En"), Draft.CaseStudy.OriginalLanguage, maxLength);

    public TermGroup Terms(string field, string taxonomy, string? hintKey = null)
        => new(field, s["Field." + field], hintKey is null ? null : s[hintKey].Value, TermOptions.Of(taxonomy, Arabic), Input.Codes(field), ErrorOf(field));

    /// <summary>The saved value of a field, shown beside the person's text after a conflict.</summary>
    public string? CurrentValue(string field) => Current is null ? null : typeof(DraftInput).GetProperty(field)?.GetValue(Current) switch
    {
        List<string> list => string.Join(", ", list),
        bool b => b ? s["Yes"] : s["No"],
        var v => v?.ToString(),
    };
}
