using System.ComponentModel.DataAnnotations;
using Enact.Core.CaseStudies;
using Enact.Core.Review;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Review;

/// <summary>
/// One case study for editors: every field in both languages, attachments, history, assignments and reviews, and the
/// decisions allowed from its state. Each decision is one form posting to its own handler with the version shown.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CaseModel(ReviewDesk desk, IStringLocalizer<ReviewText> text) : PageModel
{
    [BindProperty]
    public ActionInput Input { get; set; } = new();

    /// <summary>What was just done (after a redirect): a status code, "assigned" or "withdrawn".</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    public ReviewCase Case { get; private set; } = null!;
    public IReadOnlyList<ReviewerOption> Reviewers { get; private set; } = [];

    /// <summary>The form whose post failed (its typed reason is shown again): a status code or "assign".</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
        => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostScreenAsync(string id, CancellationToken ct)
        => DecideAsync(id, CaseStudyStatus.Screening, (a, v, r) => desk.StartScreeningAsync(a, id, v, ct), ct);

    public Task<IActionResult> OnPostChangesAsync(string id, CancellationToken ct)
        => DecideAsync(id, CaseStudyStatus.ChangesRequested, (a, v, r) => desk.RequestChangesAsync(a, id, v, r, ct), ct);

    public Task<IActionResult> OnPostAcceptAsync(string id, CancellationToken ct)
        => DecideAsync(id, CaseStudyStatus.Accepted, (a, v, r) => desk.AcceptAsync(a, id, v, r, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(string id, CancellationToken ct)
        => DecideAsync(id, CaseStudyStatus.Rejected, (a, v, r) => desk.RejectAsync(a, id, v, r, ct), ct);

    public Task<IActionResult> OnPostPublishAsync(string id, CancellationToken ct)
        => DecideAsync(id, CaseStudyStatus.Published, (a, v, r) => desk.PublishAsync(a, id, v, r, ct), ct);

    public Task<IActionResult> OnPostArchiveAsync(string id, CancellationToken ct)
        => DecideAsync(id, CaseStudyStatus.Archived, (a, v, r) => desk.ArchiveAsync(a, id, v, r, ct), ct);

    public async Task<IActionResult> OnPostAssignAsync(string id, CancellationToken ct)
    {
        const string form = "assign";
        if (Input.ReviewerId is not { } reviewerId)
        {
            ModelState.AddModelError(nameof(ActionInput.ReviewerId), text["ErrorNotAReviewer"]);
            return await RedisplayAsync(id, form, ct);
        }
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id, form, ct);
        }
        var outcome = await desk.AssignReviewerAsync(CurrentUser.Actor(User), id, Input.Version, reviewerId, ct);
        return outcome.Succeeded
            ? Redirect($"/{Cultures.Current}/review/{Uri.EscapeDataString(id)}?done=assigned")
            : await FailAsync(id, form, outcome, nameof(ActionInput.ReviewerId), ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string id, CancellationToken ct)
    {
        if (Input.AssignmentId is not { } assignmentId || !ModelState.IsValid)
        {
            return await FailAsync(id, "withdraw", ReviewOutcome.NotFound, "", ct);
        }
        var outcome = await desk.WithdrawReviewerAsync(CurrentUser.Actor(User), id, Input.Version, assignmentId, ct);
        return outcome.Succeeded
            ? Redirect($"/{Cultures.Current}/review/{Uri.EscapeDataString(id)}?done=withdrawn")
            : await FailAsync(id, "withdraw", outcome, "", ct);
    }

    private async Task<IActionResult> DecideAsync(string id, CaseStudyStatus to, Func<Enact.Core.Audit.AuditActor, Guid, string?, Task<ReviewOutcome>> act, CancellationToken ct)
    {
        var code = CaseStudyWorkflow.StatusCode(to);
        var reasonField = ReasonField(to);
        if (!ModelState.IsValid)
        {
            // Data annotations speak of "Input.Reason"; each form has its own reason field.
            if (ModelState.TryGetValue("Input.Reason", out var entry) && entry.Errors.Count > 0)
            {
                ModelState.AddModelError(reasonField, entry.Errors[0].ErrorMessage);
                ModelState.Remove("Input.Reason");
            }
            return await RedisplayAsync(id, code, ct);
        }
        var outcome = await act(CurrentUser.Actor(User), Input.Version, Input.Reason);
        return outcome.Succeeded
            ? Redirect($"/{Cultures.Current}/review/{Uri.EscapeDataString(id)}?done={code}")
            : await FailAsync(id, code, outcome, reasonField, ct);
    }

    /// <summary>The id of a decision's reason field ("reason-accepted").</summary>
    public static string ReasonField(CaseStudyStatus to) => "reason-" + CaseStudyWorkflow.StatusCode(to);

    private async Task<IActionResult> FailAsync(string id, string form, ReviewOutcome outcome, string field, CancellationToken ct)
    {
        if (outcome.Result == ReviewResult.NotFound && form != "withdraw")
        {
            return NotFound();
        }
        ModelState.AddModelError(outcome.Result == ReviewResult.Invalid ? field : "", text[outcome.Error ?? "ErrorNotAllowed"]);
        var result = await RedisplayAsync(id, form, ct);
        if (outcome.Result is ReviewResult.Conflict or ReviewResult.NotAllowed)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return result;
    }

    private async Task<IActionResult> RedisplayAsync(string id, string form, CancellationToken ct)
    {
        FailedForm = form;
        Done = null;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var found = await desk.GetCaseAsync(id, ct);
        if (found is null)
        {
            return false;
        }
        Case = found;
        if (ReviewDesk.CanManageReviewers(found.CaseStudy.Status))
        {
            Reviewers = await desk.ReviewersAsync(ct);
        }
        return true;
    }

    /// <summary>The reason typed in the form that failed, so it is not lost.</summary>
    public string? ReasonFor(string form) => FailedForm == form ? Input.Reason : null;

    /// <summary>The first error of a field, for its aria-describedby.</summary>
    public string? ErrorOf(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    [FeatureTexts(typeof(ReviewText))]
    public sealed class ActionInput
    {
        /// <summary>The case study's version when the page was shown.</summary>
        public Guid Version { get; set; }

        [MaxLength(2000, ErrorMessage = "MaxLength")]
        [Display(Name = "Reason")]
        public string? Reason { get; set; }

        [Display(Name = "Reviewer")]
        public Guid? ReviewerId { get; set; }

        public Guid? AssignmentId { get; set; }
    }
}
