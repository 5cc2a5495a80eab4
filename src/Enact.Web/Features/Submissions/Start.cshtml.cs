using Enact.Core.Calls;
using Enact.Core.Submissions;
using Enact.Web.Features.Admin;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Submissions;

/// <summary>
/// Starts a submission under a call (<c>?call={id}</c>): the country (a focal point's own countries only) and the
/// language written first. Without a call, lists the open calls. A closed call is refused with a message.
/// </summary>
[Authorize]
[FeatureTexts(typeof(SubmissionText))]
public sealed class StartModel(SubmissionService submissions, IStringLocalizer<SubmissionText> s, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "call")]
    public int? CallId { get; set; }

    [BindProperty]
    public string? Country { get; set; }

    [BindProperty]
    public string? OriginalLanguage { get; set; }

    public SubmissionCall? Call { get; private set; }
    public IReadOnlyList<OpenCall> OpenCalls { get; private set; } = [];
    public bool CallOpen { get; private set; }
    public Submitter Who { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (CallId is not null && Call is null)
        {
            return NotFound();
        }
        OriginalLanguage ??= Cultures.Current;
        if (Who.IsFocalPoint && !Who.IsStaff && Who.Countries.Count == 1)
        {
            Country = Who.Countries.First();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (CallId is not { } callId || Call is null)
        {
            return NotFound();
        }
        var outcome = await submissions.StartAsync(CurrentUser.Actor(User), Who, callId, Country, OriginalLanguage, ct);
        switch (outcome.Result)
        {
            case SubmissionResult.Ok:
                return Redirect($"/{Cultures.Current}/case-studies/submissions/{outcome.Id}/organisation");
            case SubmissionResult.NotFound:
                return NotFound();
            case SubmissionResult.Closed:
                CallOpen = false;
                ModelState.AddModelError("", s["Start.Closed"]);
                return Page();
            default:
                foreach (var error in outcome.Errors)
                {
                    ModelState.AddModelError(error.Field, $"{SubmissionTexts.Label(s, error.Field)}: {SubmissionTexts.Error(s, error)}");
                }
                return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Who = SubmissionUser.From(User)!;
        if (CallId is { } id)
        {
            Call = await submissions.FindCallAsync(id, ct);
            CallOpen = Call?.IsOpenAt(clock.GetUtcNow().UtcDateTime) == true;
        }
        else
        {
            OpenCalls = await submissions.OpenCallsAsync(ct);
        }
    }
}
