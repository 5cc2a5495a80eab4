using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Events;

public sealed record UploadedFile(byte[] Content, string FileName);

public sealed record PresentationInput(string? PresenterAr, string? PresenterEn, string? TitleAr, string? TitleEn, string? SummaryAr, string? SummaryEn);

public sealed record OutcomePointInput(string? TextAr, string? TextEn);

/// <summary>What an editor submits; times are wall-clock times in <see cref="TimeZone"/>.</summary>
public sealed record EventInput
{
    public required string Slug { get; init; }
    public required string Kind { get; init; }
    public required string Format { get; init; }
    public required string TitleAr { get; init; }
    public required string TitleEn { get; init; }
    public string? SummaryAr { get; init; }
    public string? SummaryEn { get; init; }
    public string? BodyAr { get; init; }
    public string? BodyEn { get; init; }
    public string? AgendaAr { get; init; }
    public string? AgendaEn { get; init; }
    public string? PlatformName { get; init; }
    public string? OnlineLink { get; init; }
    public string? VenueAr { get; init; }
    public string? VenueEn { get; init; }
    public DateTime StartsLocal { get; init; }
    public DateTime EndsLocal { get; init; }
    public required string TimeZone { get; init; }
    public string? ContactNameAr { get; init; }
    public string? ContactNameEn { get; init; }
    public string? ContactTitleAr { get; init; }
    public string? ContactTitleEn { get; init; }
    public string? ContactEmail { get; init; }
    public string? ImageAltAr { get; init; }
    public string? ImageAltEn { get; init; }
    public UploadedFile? Image { get; init; }
    public bool RemoveImage { get; init; }
    public DateTime? RegistrationOpensLocal { get; init; }
    public DateTime? RegistrationClosesLocal { get; init; }
    public int? Capacity { get; init; }
    public bool Published { get; init; }
    public IReadOnlyList<OutcomePointInput> OutcomePoints { get; init; } = [];
    public IReadOnlyList<PresentationInput> Presentations { get; init; } = [];
    public UploadedFile? NewDocument { get; init; }
    public string? NewDocumentNameAr { get; init; }
    public string? NewDocumentNameEn { get; init; }
    public IReadOnlyList<long> RemoveDocuments { get; init; } = [];
}

public sealed record EventSaved(PortalEvent Event, IReadOnlyList<RegistrationNotice> Promoted);

public sealed record RegistrationRow(
    long Id, string DisplayName, string Email, string StakeholderCategory, string CountryCode, string? Gender, string? AgeBand,
    RegistrationStatus Status, DateTime CreatedAt, bool Attended);

/// <summary>Staff's side of events: create and edit (with concurrency and audit), attendance, registrations for export.</summary>
public sealed partial class EventAdministration(EnactDbContext db, AuditTrail audit, EventParticipation participation, TimeProvider clock)
{
    public const long MaxImageLength = 5L * 1024 * 1024;
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal) { "manage", "calendar", "new" };

    public async Task<IReadOnlyList<EventListItem>> ListAllAsync(CancellationToken ct = default)
        => await db.Events.AsNoTracking().OrderByDescending(e => e.StartsAt)
            .Select(e => new EventListItem(e.Id, e.Slug, e.Kind, e.Format, e.TitleAr, e.TitleEn, e.SummaryAr, e.SummaryEn,
                e.StartsAt, e.EndsAt, e.TimeZone, e.VenueAr, e.VenueEn))
            .ToListAsync(ct);

    public async Task<PortalEvent?> FindAsync(int id, CancellationToken ct = default)
        => await db.Events.AsNoTracking()
            .Include(x => x.OutcomePoints.OrderBy(p => p.Position))
            .Include(x => x.Presentations.OrderBy(p => p.Position))
            .Include(x => x.Documents.OrderBy(p => p.Position))
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id, ct);

    public Task<EventOutcome<EventSaved>> CreateAsync(AuditActor actor, EventInput input, CancellationToken ct = default)
        => SaveAsync(actor, null, null, input, ct);

    public Task<EventOutcome<EventSaved>> UpdateAsync(AuditActor actor, int id, Guid version, EventInput input, CancellationToken ct = default)
        => SaveAsync(actor, id, version, input, ct);

    private async Task<EventOutcome<EventSaved>> SaveAsync(AuditActor actor, int? id, Guid? version, EventInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = Validate(input);
        if (errors.Count == 0 && await db.Events.AnyAsync(e => e.Slug == input.Slug && (id == null || e.Id != id), ct))
        {
            errors.Add(new EventError("Slug", "SlugTaken"));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        PortalEvent ev;
        object? before = null;
        if (id is int existingId)
        {
            var found = await db.Events
                .Include(x => x.OutcomePoints).Include(x => x.Presentations).Include(x => x.Documents)
                .AsSplitQuery()
                .FirstOrDefaultAsync(e => e.Id == existingId, ct);
            if (found is null)
            {
                return EventOutcome.NotFound<EventSaved>();
            }
            if (found.Version != version)
            {
                return EventOutcome.Conflict<EventSaved>();
            }
            ev = found;
            before = Snapshot(ev);
            db.Entry(ev).Property(e => e.Version).OriginalValue = version.Value;
        }
        else
        {
            ev = new PortalEvent { Slug = input.Slug, Kind = input.Kind, Format = input.Format, TitleAr = "", TitleEn = "", TimeZone = input.TimeZone, CreatedAt = now, CreatedById = actor.UserId };
        }
        if (errors.Count > 0)
        {
            return EventOutcome.Refused<EventSaved>(errors);
        }
        var previousCapacity = ev.Capacity;
        Apply(ev, input, now);
        if (input.RemoveImage && input.Image is null)
        {
            ev.ImageFileId = null;
        }
        if (input.Image is not null)
        {
            ev.ImageFileId = Store(input.Image, actor, now).Id;
        }
        foreach (var doc in ev.Documents.Where(d => input.RemoveDocuments.Contains(d.Id)).ToList())
        {
            ev.Documents.Remove(doc);
        }
        if (input.NewDocument is not null)
        {
            var file = Store(input.NewDocument, actor, now);
            ev.Documents.Add(new EventDocument
            {
                FileId = file.Id,
                NameAr = input.NewDocumentNameAr!.Trim(),
                NameEn = input.NewDocumentNameEn!.Trim(),
                FileName = SafeFileName(input.NewDocument.FileName, file.ContentType),
                ContentType = file.ContentType,
                Length = file.Length,
                Position = ev.Documents.Count == 0 ? 1 : ev.Documents.Max(d => d.Position) + 1,
            });
        }
        if (id is null)
        {
            db.Events.Add(ev);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EventOutcome.Conflict<EventSaved>();
        }
        catch (DbUpdateException) when (id is null)
        {
            return EventOutcome.Refused<EventSaved>("SlugTaken", "Slug");
        }
        IReadOnlyList<EventRegistration> promoted = [];
        if (id is not null && (previousCapacity is not null && (ev.Capacity is null || ev.Capacity > previousCapacity)))
        {
            promoted = await participation.PromoteAsync(ev, now, ct);
        }
        audit.Record(actor, id is null ? "event.created" : "event.updated", "event", ev.Id.ToString(CultureInfo.InvariantCulture), before, Snapshot(ev));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var notices = new List<RegistrationNotice>();
        foreach (var p in promoted)
        {
            var u = await db.Users.AsNoTracking().Where(x => x.Id == p.UserId).Select(x => new { x.Email, x.PreferredLanguage, x.DisplayName }).FirstAsync(ct);
            notices.Add(new RegistrationNotice(p.Id, p.Status, u.Email ?? "", u.PreferredLanguage, u.DisplayName, ev));
        }
        return EventOutcome.Success<EventSaved>(new EventSaved(ev, notices));
    }

    private static object Snapshot(PortalEvent e) => new
    {
        e.Slug, e.Kind, e.Format, e.TitleAr, e.TitleEn, e.StartsAt, e.EndsAt, e.TimeZone, e.VenueAr, e.VenueEn, e.PlatformName,
        e.OnlineLink, e.Capacity, e.RegistrationOpensAt, e.RegistrationClosesAt, e.Published, e.ImageFileId,
        OutcomePoints = e.OutcomePoints.Count, Presentations = e.Presentations.Count, Documents = e.Documents.Count,
    };

    private static void Apply(PortalEvent ev, EventInput i, DateTime now)
    {
        ev.Slug = i.Slug;
        ev.Kind = i.Kind;
        ev.Format = i.Format;
        ev.TitleAr = i.TitleAr.Trim();
        ev.TitleEn = i.TitleEn.Trim();
        ev.SummaryAr = Clean(i.SummaryAr);
        ev.SummaryEn = Clean(i.SummaryEn);
        ev.BodyAr = Clean(i.BodyAr);
        ev.BodyEn = Clean(i.BodyEn);
        ev.AgendaAr = Clean(i.AgendaAr);
        ev.AgendaEn = Clean(i.AgendaEn);
        ev.PlatformName = Clean(i.PlatformName);
        ev.OnlineLink = Clean(i.OnlineLink);
        ev.VenueAr = Clean(i.VenueAr);
        ev.VenueEn = Clean(i.VenueEn);
        ev.TimeZone = i.TimeZone;
        ev.StartsAt = EventTimeZones.ToUtc(i.StartsLocal, i.TimeZone);
        ev.EndsAt = EventTimeZones.ToUtc(i.EndsLocal, i.TimeZone);
        ev.ContactNameAr = Clean(i.ContactNameAr);
        ev.ContactNameEn = Clean(i.ContactNameEn);
        ev.ContactTitleAr = Clean(i.ContactTitleAr);
        ev.ContactTitleEn = Clean(i.ContactTitleEn);
        ev.ContactEmail = Clean(i.ContactEmail);
        ev.ImageAltAr = Clean(i.ImageAltAr);
        ev.ImageAltEn = Clean(i.ImageAltEn);
        ev.RegistrationOpensAt = i.RegistrationOpensLocal is { } o ? EventTimeZones.ToUtc(o, i.TimeZone) : null;
        ev.RegistrationClosesAt = i.RegistrationClosesLocal is { } c ? EventTimeZones.ToUtc(c, i.TimeZone) : null;
        ev.Capacity = i.Capacity;
        ev.Published = i.Published;
        ev.UpdatedAt = now;

        ev.OutcomePoints.Clear();
        var position = 1;
        foreach (var p in i.OutcomePoints.Where(p => Clean(p.TextAr) is not null || Clean(p.TextEn) is not null))
        {
            ev.OutcomePoints.Add(new EventOutcomePoint { Position = position++, TextAr = Clean(p.TextAr), TextEn = Clean(p.TextEn) });
        }
        ev.Presentations.Clear();
        position = 1;
        foreach (var p in i.Presentations.Where(p => Clean(p.SummaryAr) is not null || Clean(p.SummaryEn) is not null || Clean(p.TitleAr) is not null || Clean(p.TitleEn) is not null))
        {
            ev.Presentations.Add(new EventPresentation
            {
                Position = position++,
                PresenterAr = Clean(p.PresenterAr),
                PresenterEn = Clean(p.PresenterEn),
                TitleAr = Clean(p.TitleAr),
                TitleEn = Clean(p.TitleEn),
                SummaryAr = Clean(p.SummaryAr),
                SummaryEn = Clean(p.SummaryEn),
            });
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private StoredFile Store(UploadedFile upload, AuditActor actor, DateTime now)
    {
        var file = new StoredFile
        {
            Id = Guid.NewGuid(),
            ContentType = EventFileTypes.Detect(upload.Content) ?? "application/octet-stream",
            Length = upload.Content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content)),
            CreatedAt = now,
            UploadedById = actor.UserId,
            Content = upload.Content,
        };
        db.StoredFiles.Add(file);
        return file;
    }

    private static string SafeFileName(string name, string contentType)
    {
        var baseName = Path.GetFileNameWithoutExtension(name);
        var safe = new string([.. baseName.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.')]);
        if (safe.Length == 0)
        {
            safe = "document";
        }
        if (safe.Length > 100)
        {
            safe = safe[..100];
        }
        return safe + EventFileTypes.Extension(contentType);
    }

    public static List<EventError> Validate(EventInput i)
    {
        var errors = new List<EventError>();
        if (!SlugPattern().IsMatch(i.Slug) || i.Slug.Length > PortalEvent.MaxSlugLength || ReservedSlugs.Contains(i.Slug))
        {
            errors.Add(new("Slug", "SlugInvalid"));
        }
        if (!EventKinds.IsKnown(i.Kind))
        {
            errors.Add(new("Kind", "KindInvalid"));
        }
        if (!EventFormats.IsKnown(i.Format))
        {
            errors.Add(new("Format", "FormatInvalid"));
        }
        if (!EventTimeZones.IsValid(i.TimeZone))
        {
            errors.Add(new("TimeZone", "TimeZoneInvalid"));
        }
        else
        {
            var starts = EventTimeZones.ToUtc(i.StartsLocal, i.TimeZone);
            var ends = EventTimeZones.ToUtc(i.EndsLocal, i.TimeZone);
            if (ends <= starts)
            {
                errors.Add(new("EndsLocal", "EndsBeforeStart"));
            }
            if (i.RegistrationOpensLocal is { } opens)
            {
                var closes = i.RegistrationClosesLocal is { } c ? EventTimeZones.ToUtc(c, i.TimeZone) : starts;
                if (closes <= EventTimeZones.ToUtc(opens, i.TimeZone))
                {
                    errors.Add(new("RegistrationClosesLocal", "RegistrationClosesBeforeOpens"));
                }
                else if (closes > ends)
                {
                    errors.Add(new("RegistrationClosesLocal", "RegistrationClosesAfterEnd"));
                }
            }
            else if (i.RegistrationClosesLocal is not null)
            {
                errors.Add(new("RegistrationOpensLocal", "RegistrationOpensRequired"));
            }
        }
        if (i.Capacity is < 1)
        {
            errors.Add(new("Capacity", "CapacityInvalid"));
        }
        if (i.Format != EventFormats.InPerson && !string.IsNullOrWhiteSpace(i.OnlineLink)
            && (!Uri.TryCreate(i.OnlineLink.Trim(), UriKind.Absolute, out var link) || link.Scheme is not ("https" or "http")))
        {
            errors.Add(new("OnlineLink", "OnlineLinkInvalid"));
        }
        if (!string.IsNullOrWhiteSpace(i.ContactEmail) && !MailAddress.TryCreate(i.ContactEmail.Trim(), out _))
        {
            errors.Add(new("ContactEmail", "EmailInvalid"));
        }
        if (i.Image is not null)
        {
            var type = EventFileTypes.Detect(i.Image.Content);
            if (type is not ("image/png" or "image/jpeg"))
            {
                errors.Add(new("Image", "ImageType"));
            }
            else if (i.Image.Content.LongLength > MaxImageLength)
            {
                errors.Add(new("Image", "ImageTooLarge"));
            }
        }
        if ((i.Image is not null || (!i.RemoveImage && (!string.IsNullOrWhiteSpace(i.ImageAltAr) || !string.IsNullOrWhiteSpace(i.ImageAltEn))))
            && (string.IsNullOrWhiteSpace(i.ImageAltAr) || string.IsNullOrWhiteSpace(i.ImageAltEn)))
        {
            errors.Add(new("ImageAltAr", "ImageAltRequired"));
        }
        if (i.NewDocument is not null)
        {
            if (EventFileTypes.Detect(i.NewDocument.Content) is null)
            {
                errors.Add(new("NewDocument", "DocumentType"));
            }
            else if (i.NewDocument.Content.LongLength > StoredFile.MaxLength)
            {
                errors.Add(new("NewDocument", "DocumentTooLarge"));
            }
            if (string.IsNullOrWhiteSpace(i.NewDocumentNameAr) || string.IsNullOrWhiteSpace(i.NewDocumentNameEn))
            {
                errors.Add(new("NewDocumentNameAr", "DocumentNameRequired"));
            }
        }
        return errors;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    public async Task<EventOutcome<bool>> SetAttendanceAsync(AuditActor actor, int eventId, long registrationId, bool attended, CancellationToken ct = default)
    {
        var r = await db.EventRegistrations.FirstOrDefaultAsync(x => x.Id == registrationId && x.EventId == eventId, ct);
        if (r is null)
        {
            return EventOutcome.NotFound<bool>();
        }
        if (r.Status == RegistrationStatus.Cancelled && attended)
        {
            return EventOutcome.Refused<bool>("AttendanceCancelled");
        }
        var before = r.Attended;
        r.Attended = attended;
        audit.Record(actor, "event.attendance", "event-registration", r.Id.ToString(CultureInfo.InvariantCulture), new { attended = before }, new { attended });
        await db.SaveChangesAsync(ct);
        return EventOutcome.Success<bool>(attended);
    }

    public async Task<IReadOnlyList<RegistrationRow>> RegistrationsAsync(int eventId, CancellationToken ct = default)
    {
        var rows = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new RegistrationRow(r.Id, u.DisplayName, u.Email ?? "", r.StakeholderCategory,
                r.CountryCode, r.Gender, r.AgeBand, r.Status, r.CreatedAt, r.Attended))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Status).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)];
    }
}

/// <summary>
/// What an uploaded file is, decided by its content through the shared <see cref="FileInspector"/> (never by its name
/// or the browser's word): images for the event picture, PDF and Office documents for slides and reports.
/// </summary>
public static class EventFileTypes
{
    public static string? Detect(byte[] content) => FileInspector.Inspect(content)?.ContentType;

    public static string Extension(string contentType)
        => FileKind.All.FirstOrDefault(k => k.ContentType == contentType)?.Extension ?? ".bin";
}
