using System.ComponentModel.DataAnnotations;
using Enact.Core.Accounts;
using Enact.Core.Data;
using Enact.Core.Events;
using Enact.Core.Reference;
using Enact.Web.Features.Admin;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Events;

/// <summary>
/// One event: times in its zone and the reader's, place, contact, texts, outcome document, presentations, documents,
/// ratings; signed-in people register (or join the waiting list), cancel, and rate after the end.
/// </summary>
[FeatureTexts(typeof(EventText))]
public sealed class DetailModel(
    EventCatalog catalog,
    EventParticipation participation,
    EventMails mails,
    EnactDbContext db,
    IStringLocalizer<EventText> text,
    TimeProvider time) : PageModel
{
    public EventDetail Detail { get; private set; } = null!;
    public DateTime Now { get; private set; }
    public string ReaderZone { get; private set; } = EventTimeZones.Utc;

    /// <summary>Where <see cref="ReaderZone"/> came from: "query", "cookie", or "default" (UTC until reader-time.js tells).</summary>
    public string ReaderZoneSource { get; private set; } = "default";
    public IReadOnlyList<Country> Countries { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty]
    public RegistrationForm Registration { get; set; } = new();

    [BindProperty]
    public RatingForm Rating { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
        => await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(string slug, CancellationToken ct)
    {
        if (CurrentUser.Id(User) is not Guid userId)
        {
            return Challenge();
        }
        KeepOnly("Registration.");
        if (ModelState.IsValid)
        {
            if (Registration.CountryCode != "ZZ" && !await db.Countries.AnyAsync(c => c.Code == Registration.CountryCode, ct))
            {
                ModelState.AddModelError("Registration.CountryCode", text["CountryInvalid"]);
            }
            else
            {
                var outcome = await participation.RegisterAsync(CurrentUser.Actor(User), userId, slug,
                    new RegistrationInput(Registration.StakeholderCategory, Registration.CountryCode, Registration.Gender, Registration.AgeBand), ct);
                if (outcome.Result == EventResult.NotFound)
                {
                    return NotFound();
                }
                if (outcome.Succeeded)
                {
                    var own = outcome.Value!.Own;
                    await mails.SendAsync(own, own.Status == RegistrationStatus.Registered ? EventMails.Confirmed : EventMails.Waitlisted, mails.BaseUrl(Request), ct);
                    return Redirect($"/{Cultures.Current}/events/{slug}?status={(own.Status == RegistrationStatus.Registered ? "registered" : "waitlisted")}#registration");
                }
                AddErrors(outcome.Errors, "Registration");
            }
        }
        return await LoadAsync(slug, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCancelAsync(string slug, CancellationToken ct)
    {
        if (CurrentUser.Id(User) is not Guid userId)
        {
            return Challenge();
        }
        ModelState.Clear();
        var outcome = await participation.CancelAsync(CurrentUser.Actor(User), userId, slug, ct);
        if (outcome.Result == EventResult.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            foreach (var promoted in outcome.Value!.Promoted)
            {
                await mails.SendAsync(promoted, EventMails.Promoted, mails.BaseUrl(Request), ct);
            }
            return Redirect($"/{Cultures.Current}/events/{slug}?status=cancelled#registration");
        }
        AddErrors(outcome.Errors, "");
        return await LoadAsync(slug, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRateAsync(string slug, CancellationToken ct)
    {
        if (CurrentUser.Id(User) is not Guid userId)
        {
            return Challenge();
        }
        KeepOnly("Rating.");
        if (ModelState.IsValid)
        {
            var outcome = await participation.RateAsync(CurrentUser.Actor(User), userId, slug, Rating.Score ?? 0, Rating.Comment, ct);
            if (outcome.Result == EventResult.NotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                return Redirect($"/{Cultures.Current}/events/{slug}?status=rated#rating");
            }
            AddErrors(outcome.Errors, "Rating");
        }
        return await LoadAsync(slug, ct) ? Page() : NotFound();
    }

    /// <summary>
    /// Both forms of the page bind on every post; only the posted one's entries count. (A form that sent nothing binds
    /// without its prefix, hence keys like "Score": everything outside the posted form's prefix goes.)
    /// </summary>
    private void KeepOnly(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private void AddErrors(IEnumerable<EventError> errors, string prefix)
    {
        foreach (var error in errors)
        {
            var key = string.IsNullOrEmpty(error.Field) || string.IsNullOrEmpty(prefix) ? "" : $"{prefix}.{error.Field}";
            ModelState.AddModelError(key, text[error.Code]);
        }
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var staff = User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor);
        var detail = await catalog.GetAsync(slug, CurrentUser.Id(User), staff, ct);
        if (detail is null)
        {
            return false;
        }
        Detail = detail;
        Now = time.GetUtcNow().UtcDateTime;
        (ReaderZone, ReaderZoneSource) = EventFormat.ReaderZoneWithSource(HttpContext);
        Countries = await db.Countries.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);
        return true;
    }

    public sealed class RegistrationForm
    {
        [Required(ErrorMessage = "Required")]
        [Display(Name = "StakeholderCategoryLabel")]
        public string StakeholderCategory { get; set; } = "";

        [Required(ErrorMessage = "Required")]
        [Display(Name = "CountryLabel")]
        public string CountryCode { get; set; } = "";

        [Display(Name = "GenderLabel")]
        public string? Gender { get; set; }

        [Display(Name = "AgeBandLabel")]
        public string? AgeBand { get; set; }
    }

    public sealed class RatingForm
    {
        [Required(ErrorMessage = "Required")]
        [Range(1, 5, ErrorMessage = "RatingScoreRange")]
        [Display(Name = "ScoreLabel")]
        public int? Score { get; set; }

        [MaxLength(EventRating.MaxCommentLength, ErrorMessage = "MaxLength")]
        [Display(Name = "CommentLabel")]
        public string? Comment { get; set; }
    }
}
