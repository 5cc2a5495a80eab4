using Enact.Core.Calls;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Calls.Manage;

/// <summary>
/// Edits a call. When someone else saved it since the form was opened, what this editor typed stays in the form, the
/// saved values are shown beside it, and the form carries the new version: saving again is a deliberate choice.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditModel(CallService calls, IStringLocalizer<CallText> text, IStringLocalizer<SharedText> shared) : PageModel, ICallFormPage
{
    [BindProperty]
    public CallFormInput Input { get; set; } = new();

    /// <summary>"created" or "saved" after a redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public SubmissionCall Call { get; private set; } = null!;

    /// <summary>Set when the save was refused because the call changed meanwhile: the values now saved.</summary>
    public SubmissionCall? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var call = await calls.FindAsync(id, ct);
        if (call is null)
        {
            return NotFound();
        }
        Call = call;
        Input = CallFormInput.From(call);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var call = await calls.FindAsync(id, ct);
        if (call is null)
        {
            return NotFound();
        }
        Call = call;
        Status = null;
        var input = Input.ToCallInput(ModelState, text);
        if (input is null)
        {
            return Page();
        }
        var outcome = Guid.TryParse(Input.Version, out var version)
            ? await calls.UpdateAsync(CurrentUser.Actor(User), id, version, input, ct)
            : CallOutcome.Conflict;
        switch (outcome.Kind)
        {
            case CallOutcomeKind.Success:
                return Redirect($"/{Cultures.Current}/calls/manage/{id}?status=saved");
            case CallOutcomeKind.NotFound:
                return NotFound();
            case CallOutcomeKind.Conflict:
                var saved = await calls.FindAsync(id, ct);
                if (saved is null)
                {
                    return NotFound();
                }
                Saved = saved;
                Call = saved;
                Input.Version = saved.Version.ToString("D");
                ModelState.AddModelError("", shared["ConcurrencyConflict"]);
                return Page();
            default:
                CallErrors.Add(ModelState, outcome.Errors, text, shared);
                return Page();
        }
    }
}
