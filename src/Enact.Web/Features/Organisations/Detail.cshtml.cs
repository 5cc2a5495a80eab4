using Enact.Core.Accounts;
using Enact.Core.Data;
using Enact.Core.Organisations;
using Enact.Core.Projects;
using Enact.Core.Reference;
using Enact.Web.Features.Admin;
using Enact.Web.Features.Project;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Organisations;

/// <summary>
/// One organisation: its facts and whether it is verified; members edit it, editors verify it; a signed-in person who is
/// not a member asks to join it from here, and members and editors find the members and pending requests.
/// </summary>
[EnableRateLimiting(EnactServices.AuthRateLimit)]
public sealed class DetailModel(
    OrganisationDirectory directory,
    MembershipService membership,
    EnactDbContext db,
    IAuthorizationService authorization,
    IStringLocalizer<OrganisationMembershipText> membershipText,
    IStringLocalizer<SharedText> shared) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<Country> Countries { get; private set; } = [];
    public bool IsMember { get; private set; }
    public int MemberCount { get; private set; }

    /// <summary>The signed-in person's own pending request to join, if any.</summary>
    public MembershipRequestView? MyRequest { get; private set; }

    /// <summary>Pending requests, counted for members and editors only.</summary>
    public int PendingCount { get; private set; }

    [BindProperty]
    public JoinForm Join { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty]
    public string? Version { get; set; }

    [BindProperty]
    public bool Verify { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
        => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVerifyAsync(int id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }
        var outcome = Guid.TryParse(Version, out var version)
            ? await directory.SetVerifiedAsync(CurrentUser.Actor(User), id, version, Verify, ct)
            : Outcome.Conflict;
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                return Redirect($"/{Cultures.Current}/organisations/{id}?status={(Verify ? "verified" : "unverified")}");
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                if (!await LoadAsync(id, ct))
                {
                    return NotFound();
                }
                Status = null;
                ModelState.AddModelError("", shared["ConcurrencyConflict"]);
                return Page();
        }
    }

    /// <summary>A signed-in person asks to join, with an optional message to the members.</summary>
    public async Task<IActionResult> OnPostJoinAsync(int id, CancellationToken ct)
    {
        if (CurrentUser.Id(User) is not Guid userId)
        {
            return Challenge();
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Status = null;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await membership.RequestAsync(CurrentUser.Actor(User), userId, id, Join.Message, $"{Request.Scheme}://{Request.Host.ToUriComponent()}{Request.PathBase}", ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                return Redirect($"/{Cultures.Current}/organisations/{id}?status=requested#membership-heading");
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                FeatureErrors.Add(ModelState, outcome.Errors, membershipText, shared, "Join.");
                return Page();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var organisation = await directory.FindAsync(id, ct);
        if (organisation is null)
        {
            return false;
        }
        Organisation = organisation;
        Countries = await OrganisationPages.CountriesAsync(db, ct);
        MemberCount = await directory.MemberCountAsync(id, ct);
        IsMember = CurrentUser.Id(User) is Guid userId && await directory.IsMemberAsync(id, userId, ct);
        if (IsMember || IsStaff)
        {
            PendingCount = await membership.PendingCountAsync(id, ct);
        }
        if (!IsMember && CurrentUser.Id(User) is Guid person)
        {
            MyRequest = await membership.PendingOfAsync(id, person, ct);
        }
        return true;
    }

    public bool IsStaff => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor);
}
