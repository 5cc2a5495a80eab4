using Enact.Core.Submissions;
using Enact.Web.Features.Admin;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Submissions;

/// <summary>
/// "My submissions": the person's own and co-authored case studies with where each stands and its history; withdraw
/// before acceptance; propose an update of a published one. Focal points also see the drafts of their countries.
/// </summary>
[Authorize]
[FeatureTexts(typeof(SubmissionText))]
public sealed class MineModel(SubmissionService submissions, IStringLocalizer<SubmissionText> s) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Submitted { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Withdrawn { get; set; }

    [BindProperty]
    public string? Id { get; set; }

    public IReadOnlyList<MySubmission> Items { get; private set; } = [];
    public IReadOnlyList<MySubmission> CountryDrafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        var outcome = await submissions.WithdrawAsync(CurrentUser.Actor(User), SubmissionUser.From(User)!, Id ?? "", ct);
        return outcome.Result switch
        {
            SubmissionResult.Ok => Redirect($"/{Cultures.Current}/case-studies/submissions?withdrawn={Uri.EscapeDataString(Id!)}"),
            SubmissionResult.NotFound => NotFound(),
            SubmissionResult.Forbidden => Forbid(),
            _ => await ErrorAsync(s["Withdraw.Refused"], ct),
        };
    }

    public async Task<IActionResult> OnPostReviseAsync(CancellationToken ct)
    {
        var outcome = await submissions.ProposeRevisionAsync(CurrentUser.Actor(User), SubmissionUser.From(User)!, Id ?? "", ct);
        return outcome.Result switch
        {
            SubmissionResult.Ok => Redirect($"/{Cultures.Current}/case-studies/submissions/{outcome.Id}/organisation"),
            SubmissionResult.NotFound => NotFound(),
            SubmissionResult.Forbidden => Forbid(),
            _ => await ErrorAsync(s["Revision.Refused"], ct),
        };
    }

    private async Task<IActionResult> ErrorAsync(string message, CancellationToken ct)
    {
        ModelState.AddModelError("", message);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var who = SubmissionUser.From(User)!;
        Items = await submissions.ListMineAsync(who, ct);
        CountryDrafts = await submissions.ListCountryDraftsAsync(who, ct);
    }
}
