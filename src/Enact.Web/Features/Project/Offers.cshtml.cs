using Enact.Core.Organisations;
using Enact.Core.Projects;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Project;

/// <summary>An editor's answer to one offer: accept or decline, with a message.</summary>
public sealed class AnswerForm
{
    public int OfferId { get; set; }
    public string? Version { get; set; }
    public string? Text { get; set; }
    /// <summary>"accept" or "decline", from the button pressed.</summary>
    public string? Decision { get; set; }
}

/// <summary>Editors see the offers made on an activity and answer each open one; the answer goes to the person by e-mail.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class OffersModel(
    ProjectCatalog projects,
    CollaborationService collaboration,
    TimeProvider time,
    IStringLocalizer<OrganisationText> text,
    IStringLocalizer<SharedText> shared) : PageModel
{
    public ActivityView View { get; private set; } = null!;
    public IReadOnlyList<OfferView> Offers { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty]
    public AnswerForm Answer { get; set; } = new();

    /// <summary>The offer whose form was sent back with errors (its typed answer is kept).</summary>
    public int? FailedOfferId { get; private set; }

    public static string FieldId(int offerId) => "answer-" + Bilingual.Id(offerId);

    public async Task<IActionResult> OnGetAsync(string code, int id, CancellationToken ct)
        => await LoadAsync(code, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, int id, CancellationToken ct)
    {
        if (!await LoadAsync(code, id, ct))
        {
            return NotFound();
        }
        Status = null;
        var offer = Offers.FirstOrDefault(o => o.Id == Answer.OfferId);
        if (offer is null)
        {
            return NotFound();
        }
        FailedOfferId = offer.Id;
        var key = FieldId(offer.Id);
        if (Answer.Decision is not ("accept" or "decline"))
        {
            ModelState.AddModelError(key, text["DecisionRequired"]);
            return Page();
        }
        var baseUrl = $"{Request.Scheme}://{Request.Host.ToUriComponent()}{Request.PathBase}";
        var outcome = Guid.TryParse(Answer.Version, out var version)
            ? await collaboration.AnswerAsync(CurrentUser.Actor(User), offer.Id, version, Answer.Decision == "accept", Answer.Text, baseUrl, ct)
            : Outcome.Conflict;
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                return Redirect($"/{Cultures.Current}/projects/{code}/activities/{id}/offers?status=answered#offer-{offer.Id}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Conflict:
                await LoadAsync(code, id, ct);
                ModelState.AddModelError("", text["OfferAnsweredMeanwhile"]);
                return Page();
            default:
                foreach (var error in outcome.Errors)
                {
                    var message = text[error.Key, text["AnswerText"].Value];
                    ModelState.AddModelError(error.Field.Length == 0 ? "" : key, message.ResourceNotFound ? shared[error.Key, text["AnswerText"].Value] : message);
                }
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
        Offers = await collaboration.ForActivityAsync(id, ct);
        return true;
    }
}
