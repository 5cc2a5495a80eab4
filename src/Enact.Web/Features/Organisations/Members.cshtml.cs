using Enact.Core.Accounts;
using Enact.Core.Organisations;
using Enact.Core.Projects;
using Enact.Web.Features.Admin;
using Enact.Web.Features.Project;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Organisations;

/// <summary>
/// An organisation's members and pending requests to join, for its members and editors: approve or decline a request
/// (checked against the version seen), remove a member, or leave. Anyone else is refused with a clear message (403).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MembersModel(
    OrganisationDirectory directory,
    MembershipService membership,
    IStringLocalizer<OrganisationMembershipText> text,
    IStringLocalizer<SharedText> shared) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<MemberView> Members { get; private set; } = [];
    public IReadOnlyList<MembershipRequestView> Requests { get; private set; } = [];

    /// <summary>Set when the person may not see this page: the page shows only this message, with status 403.</summary>
    public bool Refused { get; private set; }

    public Guid? Me { get; private set; }

    public bool IsMember => Me is Guid me && Members.Any(m => m.UserId == me);

    public bool IsStaff => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor);

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty]
    public int RequestId { get; set; }

    [BindProperty]
    public string? Version { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    /// <summary>An optional reply sent to the person with the decision.</summary>
    [BindProperty]
    public string? Reply { get; set; }

    [BindProperty]
    public Guid MemberId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
        => await LoadAsync(id, ct) switch
        {
            null => NotFound(),
            false => RefusedPage(),
            true => Page(),
        };

    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct)
    {
        if (CurrentUser.Id(User) is not Guid me)
        {
            return Challenge();
        }
        if (Decision is not ("approve" or "decline"))
        {
            return BadRequest();
        }
        var approve = Decision == "approve";
        var outcome = Guid.TryParse(Version, out var version)
            ? await membership.DecideAsync(CurrentUser.Actor(User), me, IsStaff, id, RequestId, version, approve, Reply, BaseUrl(), ct)
            : Outcome.Conflict;
        return await AfterAsync(id, outcome, approve ? "approved" : "declined", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (CurrentUser.Id(User) is not Guid me)
        {
            return Challenge();
        }
        var outcome = await membership.RemoveAsync(CurrentUser.Actor(User), me, IsStaff, id, MemberId, ct);
        if (outcome.Succeeded && MemberId == me)
        {
            return Redirect($"/{Cultures.Current}/organisations/{id}?status=left");
        }
        return await AfterAsync(id, outcome, "removed", ct);
    }

    public async Task<IActionResult> OnPostLeaveAsync(int id, CancellationToken ct)
    {
        if (CurrentUser.Id(User) is not Guid me)
        {
            return Challenge();
        }
        var outcome = await membership.RemoveAsync(CurrentUser.Actor(User), me, IsStaff, id, me, ct);
        return outcome.Succeeded
            ? Redirect($"/{Cultures.Current}/organisations/{id}?status=left")
            : await AfterAsync(id, outcome, "left", ct);
    }

    private async Task<IActionResult> AfterAsync(int id, Outcome outcome, string status, CancellationToken ct)
    {
        if (outcome.Succeeded)
        {
            return Redirect($"/{Cultures.Current}/organisations/{id}/members?status={status}");
        }
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }
        var loaded = await LoadAsync(id, ct);
        if (loaded is null)
        {
            return NotFound();
        }
        if (outcome.Kind == OutcomeKind.Forbidden || loaded == false)
        {
            return RefusedPage();
        }
        Status = null;
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            ModelState.AddModelError("", text["RequestAlreadyDecided"]);
        }
        else if (outcome.Errors.Any(e => e.Field == "Reply"))
        {
            // The reply stays in its request's box (see the page); the message says what to change.
            ModelState.AddModelError("", text["ReplyTooLong", MembershipService.MaxReplyLength]);
        }
        else
        {
            FeatureErrors.Add(ModelState, outcome.Errors, text, shared, "");
        }
        return Page();
    }

    /// <summary>Loads the page's data: null when there is no such organisation, false when the person may not see it.</summary>
    private async Task<bool?> LoadAsync(int id, CancellationToken ct)
    {
        var organisation = await directory.FindAsync(id, ct);
        if (organisation is null)
        {
            return null;
        }
        Organisation = organisation;
        Me = CurrentUser.Id(User);
        if (!await membership.MayManageAsync(id, Me, IsStaff, ct))
        {
            Refused = true;
            return false;
        }
        Members = await membership.MembersAsync(id, ct);
        Requests = await membership.PendingAsync(id, ct);
        return true;
    }

    private PageResult RefusedPage()
    {
        Refused = true;
        Status = null;
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }

    private string BaseUrl() => $"{Request.Scheme}://{Request.Host.ToUriComponent()}{Request.PathBase}";
}
