using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Enact.Core.Events;
using Enact.Core.Files;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Events.Manage;

/// <summary>Staff create (no id) and edit an event; times are entered in the event's own time zone.</summary>
[Authorize(Policy = Policies.Staff)]
[FeatureTexts(typeof(EventText))]
[UploadForm("Input.NewDocument")]
public sealed class EditModel(EventAdministration events, EventMails mails, IStringLocalizer<EventText> text) : PageModel
{
    public const string LocalFormat = "yyyy-MM-ddTHH:mm";

    [BindProperty]
    public EventForm Input { get; set; } = new();

    public PortalEvent? Existing { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is int existing)
        {
            Existing = await events.FindAsync(existing, ct);
            if (Existing is null)
            {
                return NotFound();
            }
            Input = EventForm.From(Existing);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (id is int existingId)
        {
            Existing = await events.FindAsync(existingId, ct);
            if (Existing is null)
            {
                return NotFound();
            }
        }
        var starts = ParseLocal(Input.StartsLocal, "Input.StartsLocal", required: true);
        var ends = ParseLocal(Input.EndsLocal, "Input.EndsLocal", required: true);
        var opens = ParseLocal(Input.RegistrationOpensLocal, "Input.RegistrationOpensLocal", required: false);
        var closes = ParseLocal(Input.RegistrationClosesLocal, "Input.RegistrationClosesLocal", required: false);
        var image = await ReadAsync(Input.Image, EventAdministration.MaxImageLength, "Input.Image", "ImageTooLarge", ct);
        var document = await ReadAsync(Input.NewDocument, StoredFile.MaxLength, "Input.NewDocument", "DocumentTooLarge", ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var input = new EventInput
        {
            Slug = Input.Slug.Trim(),
            Kind = Input.Kind,
            Format = Input.Format,
            TitleAr = Input.TitleAr,
            TitleEn = Input.TitleEn,
            SummaryAr = Input.SummaryAr,
            SummaryEn = Input.SummaryEn,
            BodyAr = Input.BodyAr,
            BodyEn = Input.BodyEn,
            AgendaAr = Input.AgendaAr,
            AgendaEn = Input.AgendaEn,
            PlatformName = Input.PlatformName,
            OnlineLink = Input.OnlineLink,
            VenueAr = Input.VenueAr,
            VenueEn = Input.VenueEn,
            StartsLocal = starts!.Value,
            EndsLocal = ends!.Value,
            TimeZone = Input.TimeZone,
            ContactNameAr = Input.ContactNameAr,
            ContactNameEn = Input.ContactNameEn,
            ContactTitleAr = Input.ContactTitleAr,
            ContactTitleEn = Input.ContactTitleEn,
            ContactEmail = Input.ContactEmail,
            ImageAltAr = Input.ImageAltAr,
            ImageAltEn = Input.ImageAltEn,
            Image = image is null ? null : new UploadedFile(image, Input.Image!.FileName),
            RemoveImage = Input.RemoveImage,
            RegistrationOpensLocal = opens,
            RegistrationClosesLocal = closes,
            Capacity = Input.Capacity,
            Published = Input.Published,
            OutcomePoints = Pair(Lines(Input.OutcomeAr), Lines(Input.OutcomeEn)),
            Presentations = [.. Input.Presentations.Select(p => new PresentationInput(p.PresenterAr, p.PresenterEn, p.TitleAr, p.TitleEn, p.SummaryAr, p.SummaryEn))],
            NewDocument = document is null ? null : new UploadedFile(document, Input.NewDocument!.FileName),
            NewDocumentNameAr = Input.NewDocumentNameAr,
            NewDocumentNameEn = Input.NewDocumentNameEn,
            RemoveDocuments = Input.RemoveDocuments,
        };
        var actor = CurrentUser.Actor(User);
        var outcome = id is int eventId
            ? await events.UpdateAsync(actor, eventId, Guid.TryParse(Input.Version, out var v) ? v : Guid.Empty, input, ct)
            : await events.CreateAsync(actor, input, ct);
        switch (outcome.Result)
        {
            case EventResult.NotFound:
                return NotFound();
            case EventResult.Succeeded:
                foreach (var promoted in outcome.Value!.Promoted)
                {
                    await mails.SendAsync(promoted, EventMails.Promoted, mails.BaseUrl(Request), ct);
                }
                return Redirect($"/{Cultures.Current}/events/manage/edit/{outcome.Value.Event.Id.ToString(CultureInfo.InvariantCulture)}?status=saved");
            case EventResult.Conflict:
                ModelState.AddModelError("", text["Conflict"]);
                if (id is int conflictId && await events.FindAsync(conflictId, ct) is { } current)
                {
                    // Show what the event is now (with its new version); the editor's own text is lost only if they leave.
                    Existing = current;
                    ModelState.Remove("Input.Version");
                    Input.Version = current.Version.ToString();
                }
                return Page();
            default:
                foreach (var error in outcome.Errors)
                {
                    ModelState.AddModelError(string.IsNullOrEmpty(error.Field) ? "" : "Input." + error.Field, text[error.Code]);
                }
                return Page();
        }
    }

    private DateTime? ParseLocal(string? value, string key, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                ModelState.AddModelError(key, text["DateRequired"]);
            }
            return null;
        }
        if (DateTime.TryParseExact(value.Trim(), [LocalFormat, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }
        ModelState.AddModelError(key, text["DateInvalid"]);
        return null;
    }

    /// <summary>The file's bytes, or null; a file over its limit is a field error (its content may not even have been kept, see UploadForm).</summary>
    private async Task<byte[]?> ReadAsync(IFormFile? file, long limit, string key, string tooLarge, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }
        if (file.Length > limit)
        {
            ModelState.AddModelError(key, text[tooLarge]);
            return null;
        }
        using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        return stream.ToArray();
    }

    private static List<string> Lines(string? text)
        => [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static List<OutcomePointInput> Pair(List<string> ar, List<string> en)
        => [.. Enumerable.Range(0, Math.Max(ar.Count, en.Count)).Select(i => new OutcomePointInput(i < ar.Count ? ar[i] : null, i < en.Count ? en[i] : null))];

    public sealed class PresentationForm
    {
        [MaxLength(200, ErrorMessage = "MaxLength")] public string? PresenterAr { get; set; }
        [MaxLength(200, ErrorMessage = "MaxLength")] public string? PresenterEn { get; set; }
        [MaxLength(300, ErrorMessage = "MaxLength")] public string? TitleAr { get; set; }
        [MaxLength(300, ErrorMessage = "MaxLength")] public string? TitleEn { get; set; }
        [MaxLength(20000, ErrorMessage = "MaxLength")] public string? SummaryAr { get; set; }
        [MaxLength(20000, ErrorMessage = "MaxLength")] public string? SummaryEn { get; set; }
    }

    public sealed class EventForm
    {
        public string? Version { get; set; }

        [Required(ErrorMessage = "Required"), MaxLength(100, ErrorMessage = "MaxLength"), Display(Name = "SlugLabel")]
        public string Slug { get; set; } = "";

        [Required(ErrorMessage = "Required"), Display(Name = "KindLabel")]
        public string Kind { get; set; } = EventKinds.WebDiscussion;

        [Required(ErrorMessage = "Required"), Display(Name = "FormatLabel")]
        public string Format { get; set; } = EventFormats.Online;

        [Required(ErrorMessage = "Required"), MaxLength(300, ErrorMessage = "MaxLength"), Display(Name = "TitleArLabel")]
        public string TitleAr { get; set; } = "";

        [Required(ErrorMessage = "Required"), MaxLength(300, ErrorMessage = "MaxLength"), Display(Name = "TitleEnLabel")]
        public string TitleEn { get; set; } = "";

        [MaxLength(20000, ErrorMessage = "MaxLength"), Display(Name = "SummaryArLabel")] public string? SummaryAr { get; set; }
        [MaxLength(20000, ErrorMessage = "MaxLength"), Display(Name = "SummaryEnLabel")] public string? SummaryEn { get; set; }
        [MaxLength(20000, ErrorMessage = "MaxLength"), Display(Name = "BodyArLabel")] public string? BodyAr { get; set; }
        [MaxLength(20000, ErrorMessage = "MaxLength"), Display(Name = "BodyEnLabel")] public string? BodyEn { get; set; }
        [MaxLength(20000, ErrorMessage = "MaxLength"), Display(Name = "AgendaArLabel")] public string? AgendaAr { get; set; }
        [MaxLength(20000, ErrorMessage = "MaxLength"), Display(Name = "AgendaEnLabel")] public string? AgendaEn { get; set; }
        [MaxLength(100, ErrorMessage = "MaxLength"), Display(Name = "PlatformLabel")] public string? PlatformName { get; set; }
        [MaxLength(500, ErrorMessage = "MaxLength"), Display(Name = "OnlineLinkLabel")] public string? OnlineLink { get; set; }
        [MaxLength(300, ErrorMessage = "MaxLength"), Display(Name = "VenueArLabel")] public string? VenueAr { get; set; }
        [MaxLength(300, ErrorMessage = "MaxLength"), Display(Name = "VenueEnLabel")] public string? VenueEn { get; set; }

        [Display(Name = "StartsLabel")] public string? StartsLocal { get; set; }
        [Display(Name = "EndsLabel")] public string? EndsLocal { get; set; }

        [Required(ErrorMessage = "Required"), Display(Name = "TimeZoneLabel")]
        public string TimeZone { get; set; } = "Asia/Beirut";

        [MaxLength(200, ErrorMessage = "MaxLength"), Display(Name = "ContactNameArLabel")] public string? ContactNameAr { get; set; }
        [MaxLength(200, ErrorMessage = "MaxLength"), Display(Name = "ContactNameEnLabel")] public string? ContactNameEn { get; set; }
        [MaxLength(200, ErrorMessage = "MaxLength"), Display(Name = "ContactTitleArLabel")] public string? ContactTitleAr { get; set; }
        [MaxLength(200, ErrorMessage = "MaxLength"), Display(Name = "ContactTitleEnLabel")] public string? ContactTitleEn { get; set; }
        [MaxLength(256, ErrorMessage = "MaxLength"), Display(Name = "ContactEmailLabel")] public string? ContactEmail { get; set; }

        [Display(Name = "ImageLabel")] public IFormFile? Image { get; set; }
        [Display(Name = "RemoveImageLabel")] public bool RemoveImage { get; set; }
        [MaxLength(500, ErrorMessage = "MaxLength"), Display(Name = "ImageAltArLabel")] public string? ImageAltAr { get; set; }
        [MaxLength(500, ErrorMessage = "MaxLength"), Display(Name = "ImageAltEnLabel")] public string? ImageAltEn { get; set; }

        [Display(Name = "RegistrationOpensLabel")] public string? RegistrationOpensLocal { get; set; }
        [Display(Name = "RegistrationClosesLabel")] public string? RegistrationClosesLocal { get; set; }

        [Range(1, 100_000, ErrorMessage = "CapacityInvalid"), Display(Name = "CapacityLabel")]
        public int? Capacity { get; set; }

        [Display(Name = "PublishedLabel")] public bool Published { get; set; }

        [MaxLength(50000, ErrorMessage = "MaxLength"), Display(Name = "OutcomeArLabel")] public string? OutcomeAr { get; set; }
        [MaxLength(50000, ErrorMessage = "MaxLength"), Display(Name = "OutcomeEnLabel")] public string? OutcomeEn { get; set; }

        public List<PresentationForm> Presentations { get; set; } = [];

        [Display(Name = "NewDocumentLabel")] public IFormFile? NewDocument { get; set; }
        [MaxLength(300, ErrorMessage = "MaxLength"), Display(Name = "DocumentNameArLabel")] public string? NewDocumentNameAr { get; set; }
        [MaxLength(300, ErrorMessage = "MaxLength"), Display(Name = "DocumentNameEnLabel")] public string? NewDocumentNameEn { get; set; }
        public List<long> RemoveDocuments { get; set; } = [];

        public static EventForm From(PortalEvent e) => new()
        {
            Version = e.Version.ToString(),
            Slug = e.Slug,
            Kind = e.Kind,
            Format = e.Format,
            TitleAr = e.TitleAr,
            TitleEn = e.TitleEn,
            SummaryAr = e.SummaryAr,
            SummaryEn = e.SummaryEn,
            BodyAr = e.BodyAr,
            BodyEn = e.BodyEn,
            AgendaAr = e.AgendaAr,
            AgendaEn = e.AgendaEn,
            PlatformName = e.PlatformName,
            OnlineLink = e.OnlineLink,
            VenueAr = e.VenueAr,
            VenueEn = e.VenueEn,
            StartsLocal = Local(e.StartsAt, e.TimeZone),
            EndsLocal = Local(e.EndsAt, e.TimeZone),
            TimeZone = e.TimeZone,
            ContactNameAr = e.ContactNameAr,
            ContactNameEn = e.ContactNameEn,
            ContactTitleAr = e.ContactTitleAr,
            ContactTitleEn = e.ContactTitleEn,
            ContactEmail = e.ContactEmail,
            ImageAltAr = e.ImageAltAr,
            ImageAltEn = e.ImageAltEn,
            RegistrationOpensLocal = e.RegistrationOpensAt is { } o ? Local(o, e.TimeZone) : null,
            RegistrationClosesLocal = e.RegistrationClosesAt is { } c ? Local(c, e.TimeZone) : null,
            Capacity = e.Capacity,
            Published = e.Published,
            OutcomeAr = string.Join('\n', e.OutcomePoints.OrderBy(p => p.Position).Select(p => p.TextAr ?? "")),
            OutcomeEn = string.Join('\n', e.OutcomePoints.OrderBy(p => p.Position).Select(p => p.TextEn ?? "")),
            Presentations = [.. e.Presentations.OrderBy(p => p.Position).Select(p => new PresentationForm
            {
                PresenterAr = p.PresenterAr, PresenterEn = p.PresenterEn, TitleAr = p.TitleAr, TitleEn = p.TitleEn, SummaryAr = p.SummaryAr, SummaryEn = p.SummaryEn,
            })],
        };

        private static string Local(DateTime utc, string zone) => EventTimeZones.ToLocal(utc, zone).ToString(LocalFormat, CultureInfo.InvariantCulture);
    }
}
