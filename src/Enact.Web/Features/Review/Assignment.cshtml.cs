using System.ComponentModel.DataAnnotations;
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
/// A reviewer's assignment: the case study (read-only, with attachments) and the rubric form, saved as a draft or
/// submitted (all five scores required; then read-only). Someone else's assignment answers 403.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class AssignmentModel(ReviewerDesk desk, IStringLocalizer<ReviewText> text) : PageModel
{
    public const string SubmitIntent = "submit";

    [BindProperty]
    public RubricForm Input { get; set; } = new();

    /// <summary>"submit" to submit the review; anything else saves a draft.</summary>
    [BindProperty]
    public string? Intent { get; set; }

    /// <summary>"draft" or "submitted" after a redirect.</summary>
    [BindProperty(SupportsGet = true, Name = "saved")]
    public string? Saved { get; set; }

    public ReviewerCase Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid assignmentId, CancellationToken ct)
    {
        var result = await LoadAsync(assignmentId, ct);
        if (result is not null)
        {
            return result;
        }
        Input = RubricForm.From(Case.Assignment);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid assignmentId, CancellationToken ct)
    {
        if (CurrentUser.Id(User) is not { } me)
        {
            return Forbid();
        }
        var submit = string.Equals(Intent, SubmitIntent, StringComparison.Ordinal);
        if (submit)
        {
            foreach (var (criterion, score) in Rubric.Criteria.Zip(Input.Scores))
            {
                if (score is null)
                {
                    ModelState.AddModelError("Input." + criterion, text["ErrorScoreMissing", text["Criterion." + criterion].Value]);
                }
            }
        }
        if (ModelState.IsValid)
        {
            var outcome = await desk.SaveAsync(CurrentUser.Actor(User), me, assignmentId, Input.Version, Input.ToInput(), submit, ct);
            switch (outcome.Result)
            {
                case ReviewResult.Succeeded:
                    return Redirect($"/{Cultures.Current}/review/assignments/{assignmentId:D}?saved={(submit ? "submitted" : "draft")}");
                case ReviewResult.NotFound:
                    return NotFound();
                case ReviewResult.Forbidden:
                    return Forbid();
                case ReviewResult.Conflict:
                    ModelState.AddModelError("", text["ErrorReviewConflict"]);
                    break;
                default:
                    ModelState.AddModelError("", text[outcome.Error ?? "ErrorNotAllowed"]);
                    break;
            }
        }
        var result = await LoadAsync(assignmentId, ct);
        if (result is not null)
        {
            return result;
        }
        if (ModelState.ErrorCount > 0 && ModelState[""]?.Errors.Any(e => e.ErrorMessage == text["ErrorReviewConflict"].Value) == true)
        {
            // Show what is saved now, with its version, so the reviewer decides again.
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }
            Input = RubricForm.From(Case.Assignment);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        Saved = null;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid assignmentId, CancellationToken ct)
    {
        if (CurrentUser.Id(User) is not { } me)
        {
            return Forbid();
        }
        var (outcome, found) = await desk.GetAsync(me, assignmentId, ct);
        switch (outcome.Result)
        {
            case ReviewResult.Forbidden:
                return Forbid();
            case ReviewResult.Succeeded:
                Case = found!;
                return null;
            default:
                return NotFound();
        }
    }

    /// <summary>The first error of a field.</summary>
    public string? ErrorOf(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    [FeatureTexts(typeof(ReviewText))]
    public sealed class RubricForm
    {
        public Guid Version { get; set; }

        [Range(ReviewAssignment.MinScore, ReviewAssignment.MaxScore, ErrorMessage = "ErrorScoreRange")]
        [Display(Name = "Criterion.Novelty")]
        public int? Novelty { get; set; }

        [MaxLength(Rubric.MaxCommentLength, ErrorMessage = "ErrorCommentTooLong")]
        public string? NoveltyComment { get; set; }

        [Range(ReviewAssignment.MinScore, ReviewAssignment.MaxScore, ErrorMessage = "ErrorScoreRange")]
        [Display(Name = "Criterion.Results")]
        public int? Results { get; set; }

        [MaxLength(Rubric.MaxCommentLength, ErrorMessage = "ErrorCommentTooLong")]
        public string? ResultsComment { get; set; }

        [Range(ReviewAssignment.MinScore, ReviewAssignment.MaxScore, ErrorMessage = "ErrorScoreRange")]
        [Display(Name = "Criterion.Replicability")]
        public int? Replicability { get; set; }

        [MaxLength(Rubric.MaxCommentLength, ErrorMessage = "ErrorCommentTooLong")]
        public string? ReplicabilityComment { get; set; }

        [Range(ReviewAssignment.MinScore, ReviewAssignment.MaxScore, ErrorMessage = "ErrorScoreRange")]
        [Display(Name = "Criterion.Inclusion")]
        public int? Inclusion { get; set; }

        [MaxLength(Rubric.MaxCommentLength, ErrorMessage = "ErrorCommentTooLong")]
        public string? InclusionComment { get; set; }

        [Range(ReviewAssignment.MinScore, ReviewAssignment.MaxScore, ErrorMessage = "ErrorScoreRange")]
        [Display(Name = "Criterion.Sustainability")]
        public int? Sustainability { get; set; }

        [MaxLength(Rubric.MaxCommentLength, ErrorMessage = "ErrorCommentTooLong")]
        public string? SustainabilityComment { get; set; }

        [MaxLength(Rubric.MaxCommentLength, ErrorMessage = "ErrorCommentTooLong")]
        public string? Comment { get; set; }

        public IReadOnlyList<int?> Scores => [Novelty, Results, Replicability, Inclusion, Sustainability];

        public IReadOnlyList<string?> Comments => [NoveltyComment, ResultsComment, ReplicabilityComment, InclusionComment, SustainabilityComment];

        public RubricInput ToInput() => new(Novelty, NoveltyComment, Results, ResultsComment, Replicability, ReplicabilityComment,
            Inclusion, InclusionComment, Sustainability, SustainabilityComment, Comment);

        public static RubricForm From(ReviewAssignment a) => new()
        {
            Version = a.Version,
            Novelty = a.Novelty,
            NoveltyComment = a.NoveltyComment,
            Results = a.Results,
            ResultsComment = a.ResultsComment,
            Replicability = a.Replicability,
            ReplicabilityComment = a.ReplicabilityComment,
            Inclusion = a.Inclusion,
            InclusionComment = a.InclusionComment,
            Sustainability = a.Sustainability,
            SustainabilityComment = a.SustainabilityComment,
            Comment = a.Comment,
        };
    }
}
