using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Enact.Core.Calls;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Calls.Manage;

/// <summary>An editor grants one submission more time, with a reason; the owner is told by e-mail.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ExtensionModel(CallService calls, IStringLocalizer<CallText> text, IStringLocalizer<SharedText> shared) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public SubmissionCall Call { get; private set; } = null!;
    public CallSubmission Submission { get; private set; } = null!;

    /// <summary>Set when another editor changed the extension since the form was opened.</summary>
    public bool Conflict { get; private set; }

    [FeatureTexts(typeof(CallText))]
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Required")]
        [MaxLength(40, ErrorMessage = "MaxLength")]
        [Display(Name = "ExtendedUntil")]
        public string? ExtendedUntil { get; set; }

        [Required(ErrorMessage = "Required")]
        [MaxLength(CallService.MaxReasonLength, ErrorMessage = "MaxLength")]
        [Display(Name = "Reason")]
        public string? Reason { get; set; }

        /// <summary>The extension the editor saw (round-trip UTC), empty for none.</summary>
        [MaxLength(40)]
        public string? Seen { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, string caseStudyId, CancellationToken ct)
    {
        if (!await LoadAsync(id, caseStudyId, ct))
        {
            return NotFound();
        }
        Input = new InputModel
        {
            Seen = SeenValue(Submission.ExtendedUntil),
            ExtendedUntil = CallTimes.ToLocalInput(Submission.ExtendedUntil ?? Call.ClosesAt.AddDays(7), Call.TimeZone),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string caseStudyId, CancellationToken ct)
    {
        if (!await LoadAsync(id, caseStudyId, ct))
        {
            return NotFound();
        }
        var untilOk = CallTimes.TryParseLocal(Input.ExtendedUntil, out var until);
        if (!untilOk && !string.IsNullOrWhiteSpace(Input.ExtendedUntil))
        {
            ModelState.AddModelError("Input.ExtendedUntil", text["DateTimeInvalid", text["ExtendedUntil"].Value]);
        }
        if (!ModelState.IsValid || !untilOk)
        {
            return Page();
        }
        DateTime? seen = DateTime.TryParse(Input.Seen, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var s) ? s.ToUniversalTime() : null;
        var baseUrl = $"{Request.Scheme}://{Request.Host.ToUriComponent()}{Request.PathBase}";
        var outcome = await calls.GrantExtensionAsync(CurrentUser.Actor(User), id, caseStudyId, seen, until, Input.Reason, baseUrl, ct);
        switch (outcome.Kind)
        {
            case CallOutcomeKind.Success:
                return Redirect($"/{Cultures.Current}/calls/{id}/submissions?status=extended");
            case CallOutcomeKind.NotFound:
                return NotFound();
            case CallOutcomeKind.Conflict:
                Conflict = true;
                Input.Seen = SeenValue(Submission.ExtendedUntil);
                ModelState.AddModelError("", shared["ConcurrencyConflict"]);
                return Page();
            default:
                CallErrors.Add(ModelState, outcome.Errors, text, shared);
                return Page();
        }
    }

    private static string SeenValue(DateTime? value) => value?.ToString("O", CultureInfo.InvariantCulture) ?? "";

    private async Task<bool> LoadAsync(int id, string caseStudyId, CancellationToken ct)
    {
        var call = await calls.FindAsync(id, ct);
        var submission = call is null ? null : (await calls.SubmissionsAsync(id, ct))?.FirstOrDefault(x => x.Id == caseStudyId);
        if (call is null || submission is null)
        {
            return false;
        }
        Call = call;
        Submission = submission;
        return true;
    }
}
