using System.ComponentModel.DataAnnotations;
using Enact.Core.Organisations;
using Enact.Core.Projects;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Project;

/// <summary>What a member proposes, on behalf of one of their organisations.</summary>
[FeatureTexts(typeof(OrganisationText))]
public sealed class OfferForm
{
    [Required(ErrorMessage = "Required")]
    [Display(Name = "OfferOrganisation")]
    public int? OrganisationId { get; set; }

    [Required(ErrorMessage = "Required")]
    [MaxLength(CollaborationOffer.MaxProposalLength, ErrorMessage = "MaxLength")]
    [Display(Name = "Proposal")]
    public string? Proposal { get; set; }
}

/// <summary>
/// An activity: kind, status, description, its events, calls and news; a member of an organisation offers to
/// collaborate on it from here.
/// </summary>
[EnableRateLimiting(EnactServices.AuthRateLimit)]
public sealed class ActivityModel(
    ProjectCatalog projects,
    OrganisationDirectory organisations,
    CollaborationService collaboration,
    TimeProvider time,
    IStringLocalizer<OrganisationText> text,
    IStringLocalizer<SharedText> shared) : PageModel
{
    public ActivityView View { get; private set; } = null!;

    /// <summary>The signed-in person's organisations: the ones they may offer for.</summary>
    public IReadOnlyList<Organisation> MyOrganisations { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty]
    public OfferForm Offer { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, int id, CancellationToken ct)
        => await LoadAsync(code, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOfferAsync(string code, int id, CancellationToken ct)
    {
        if (CurrentUser.Id(User) is not Guid userId)
        {
            return Challenge();
        }
        if (!await LoadAsync(code, id, ct))
        {
            return NotFound();
        }
        Status = null;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await collaboration.OfferAsync(CurrentUser.Actor(User), userId, id, Offer.OrganisationId!.Value, Offer.Proposal, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                return Redirect($"/{Cultures.Current}/projects/{code}/activities/{id}?status=offered#offer-heading");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            default:
                FeatureErrors.Add(ModelState, outcome.Errors, text, shared, "Offer.");
                return Page();
        }
    }

    private async Task<bool> LoadAsync(string code, int id, CancellationToken ct)
    {
        var view = await projects.FindActivityAsync(code, id, time.GetUtcNow().UtcDateTime, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        if (CurrentUser.Id(User) is Guid userId)
        {
            MyOrganisations = await organisations.OfMemberAsync(userId, ct);
        }
        return true;
    }
}
