using Enact.Core.Submissions;
using Enact.Web.Features.Admin;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Submissions;

/// <summary>
/// The whole case study as typed, in both languages, with what is still missing (each linked to its step and field)
/// and the final submit. People who may only see the case study (staff, assigned reviewers) get the read-only view.
/// </summary>
[Authorize]
[FeatureTexts(typeof(SubmissionText))]
public sealed class PreviewModel(SubmissionService submissions, SubmissionMail mail, IStringLocalizer<SubmissionText> s) : PageModel
{
    [BindProperty]
    public string? Version { get; set; }

    public SubmissionDraft Draft { get; private set; } = null!;
    public IReadOnlyList<MissingField> Missing { get; private set; } = [];
    public bool WindowOpen { get; private set; }
    public bool Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
        => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var refusal = await LoadAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!Guid.TryParse(Version, out var version))
        {
            return BadRequest();
        }
        var answer = Draft.CaseStudy.Status == Core.CaseStudies.CaseStudyStatus.ChangesRequested;
        var outcome = await submissions.SubmitAsync(CurrentUser.Actor(User), SubmissionUser.From(User)!, id, version, ct);
        switch (outcome.Result)
        {
            case SubmissionResult.Ok:
                await mail.SendSubmittedAsync(Request, id, StepModel.TitleOf(Draft.CaseStudy), answer, outcome.Recipients, ct);
                return Redirect($"/{Cultures.Current}/case-studies/submissions?submitted={Uri.EscapeDataString(id)}");
            case SubmissionResult.NotFound:
                return NotFound();
            case SubmissionResult.Forbidden:
                return Forbid();
            case SubmissionResult.Closed:
                Closed = true;
                ModelState.AddModelError("", s["Submit.Closed"]);
                break;
            case SubmissionResult.Conflict:
                ModelState.AddModelError("", s["Submit.Conflict"]);
                break;
            case SubmissionResult.Incomplete:
                ModelState.AddModelError("", s["Submit.Incomplete"]);
                break;
            default:
                ModelState.AddModelError("", s["Submit.NotEditable"]);
                break;
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        var who = SubmissionUser.From(User);
        if (who is null)
        {
            return NotFound();
        }
        var (result, draft) = await submissions.GetAsync(who, id, ct);
        if (draft is null)
        {
            return result == SubmissionResult.Forbidden ? Forbid() : NotFound();
        }
        Draft = draft;
        Missing = SubmissionService.Missing(draft.CaseStudy, draft.Terms, draft.Attachments);
        WindowOpen = submissions.IsWindowOpen(draft.CaseStudy, draft.Call);
        return null;
    }
}
