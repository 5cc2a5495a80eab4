using Enact.Core.Audit;
using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Events;

public sealed record RegistrationInput(string StakeholderCategory, string CountryCode, string? Gender, string? AgeBand);

/// <summary>Who a message about a registration goes to, and about which event.</summary>
public sealed record RegistrationNotice(long RegistrationId, RegistrationStatus Status, string Email, string Language, string DisplayName, PortalEvent Event);

/// <summary>The result of a registration change: the person's own notice, and those moved up from the waiting list.</summary>
public sealed record RegistrationChange(RegistrationNotice Own, IReadOnlyList<RegistrationNotice> Promoted);

/// <summary>
/// A person's side of an event: register (a seat while places remain, otherwise the waiting list), cancel (the first
/// people waiting move up in the same transaction), rate after the end, and the reminder the day before.
/// </summary>
public sealed class EventParticipation(EnactDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<EventOutcome<RegistrationChange>> RegisterAsync(AuditActor actor, Guid userId, string slug, RegistrationInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return EventOutcome.Refused<RegistrationChange>(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await LockEventAsync(slug, ct);
        if (ev is null)
        {
            return EventOutcome.NotFound<RegistrationChange>();
        }
        if (!ev.IsRegistrationOpenAt(now))
        {
            return EventOutcome.Refused<RegistrationChange>(ev.RegistrationOpensAt is { } opens && now < opens ? "RegistrationNotOpen" : "RegistrationClosed");
        }
        var registration = await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventId == ev.Id && r.UserId == userId, ct);
        if (registration is { Status: not RegistrationStatus.Cancelled })
        {
            return EventOutcome.Refused<RegistrationChange>("AlreadyRegistered");
        }
        // Counted after the event row is locked: a concurrent registration for this event waits for our commit.
        var seats = await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Registered, ct);
        var status = ev.Capacity is null || seats < ev.Capacity ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted;
        if (registration is null)
        {
            registration = new EventRegistration
            {
                EventId = ev.Id,
                UserId = userId,
                StakeholderCategory = input.StakeholderCategory,
                CountryCode = input.CountryCode.ToUpperInvariant(),
            };
            db.EventRegistrations.Add(registration);
        }
        registration.StakeholderCategory = input.StakeholderCategory;
        registration.CountryCode = input.CountryCode.ToUpperInvariant();
        registration.Gender = string.IsNullOrEmpty(input.Gender) ? null : input.Gender;
        registration.AgeBand = string.IsNullOrEmpty(input.AgeBand) ? null : input.AgeBand;
        registration.Status = status;
        registration.CreatedAt = now;
        registration.CancelledAt = null;
        registration.PromotedAt = null;
        registration.ReminderSentAt = null;
        await db.SaveChangesAsync(ct);
        audit.Record(actor, status == RegistrationStatus.Registered ? "event.registered" : "event.waitlisted", "event-registration",
            registration.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), after: new { ev.Slug, status = status.ToString() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return EventOutcome.Success<RegistrationChange>(new RegistrationChange(await NoticeAsync(registration.Id, ev, ct), []));
    }

    public async Task<EventOutcome<RegistrationChange>> CancelAsync(AuditActor actor, Guid userId, string slug, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await LockEventAsync(slug, ct);
        if (ev is null)
        {
            return EventOutcome.NotFound<RegistrationChange>();
        }
        var registration = await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventId == ev.Id && r.UserId == userId, ct);
        if (registration is null || registration.Status == RegistrationStatus.Cancelled)
        {
            return EventOutcome.Refused<RegistrationChange>("NotRegistered");
        }
        if (ev.HasEndedAt(now))
        {
            return EventOutcome.Refused<RegistrationChange>("EventEnded");
        }
        var before = registration.Status;
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAt = now;
        await db.SaveChangesAsync(ct);
        var promoted = await PromoteAsync(ev, now, ct);
        audit.Record(actor, "event.cancelled", "event-registration", registration.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before: new { status = before.ToString() }, after: new { status = nameof(RegistrationStatus.Cancelled), promoted = promoted.Select(p => p.Id).ToList() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var notices = new List<RegistrationNotice>();
        foreach (var p in promoted)
        {
            notices.Add(await NoticeAsync(p.Id, ev, ct));
        }
        return EventOutcome.Success<RegistrationChange>(new RegistrationChange(await NoticeAsync(registration.Id, ev, ct), notices));
    }

    /// <summary>Moves the first people waiting into free seats (called inside the caller's transaction, after the event row is locked).</summary>
    internal async Task<List<EventRegistration>> PromoteAsync(PortalEvent ev, DateTime now, CancellationToken ct)
    {
        var promoted = new List<EventRegistration>();
        if (ev.HasEndedAt(now))
        {
            return promoted;
        }
        var seats = await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Registered, ct);
        var free = ev.Capacity is int capacity ? capacity - seats : int.MaxValue;
        if (free <= 0)
        {
            return promoted;
        }
        var waiting = await db.EventRegistrations
            .Where(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Take(free == int.MaxValue ? 10_000 : free)
            .ToListAsync(ct);
        foreach (var r in waiting)
        {
            r.Status = RegistrationStatus.Registered;
            r.PromotedAt = now;
            promoted.Add(r);
        }
        await db.SaveChangesAsync(ct);
        return promoted;
    }

    /// <summary>
    /// Bumps the event's registration sequence first, so that this transaction holds the event row (PostgreSQL row
    /// lock, SQLite write lock) until it commits; then reads the event.
    /// </summary>
    internal async Task<PortalEvent?> LockEventAsync(string slug, CancellationToken ct)
    {
        var changed = await db.Events.Where(e => e.Slug == slug && e.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.RegistrationSequence, e => e.RegistrationSequence + 1), ct);
        return changed == 0 ? null : await db.Events.AsNoTracking().FirstAsync(e => e.Slug == slug, ct);
    }

    public async Task<EventOutcome<EventRating>> RateAsync(AuditActor actor, Guid userId, string slug, int score, string? comment, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug && e.Published, ct);
        if (ev is null)
        {
            return EventOutcome.NotFound<EventRating>();
        }
        if (score is < 1 or > 5)
        {
            return EventOutcome.Refused<EventRating>("RatingScoreRange", "Score");
        }
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is { Length: > EventRating.MaxCommentLength })
        {
            return EventOutcome.Refused<EventRating>("RatingCommentTooLong", "Comment");
        }
        if (!ev.HasEndedAt(now))
        {
            return EventOutcome.Refused<EventRating>("RatingNotYet");
        }
        var participated = await db.EventRegistrations.AnyAsync(r => r.EventId == ev.Id && r.UserId == userId
            && (r.Status == RegistrationStatus.Registered || r.Attended), ct);
        if (!participated)
        {
            return EventOutcome.Refused<EventRating>("RatingParticipantsOnly");
        }
        if (await db.EventRatings.AnyAsync(r => r.EventId == ev.Id && r.UserId == userId, ct))
        {
            return EventOutcome.Refused<EventRating>("RatingAlreadyGiven");
        }
        var rating = new EventRating { EventId = ev.Id, UserId = userId, Score = score, Comment = comment, CreatedAt = now };
        db.EventRatings.Add(rating);
        audit.Record(actor, "event.rated", "event", ev.Slug, after: new { score });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (event, person): a second rating sent at the same moment.
            return EventOutcome.Refused<EventRating>("RatingAlreadyGiven");
        }
        return EventOutcome.Success<EventRating>(rating);
    }

    /// <summary>
    /// Claims the reminders due at <paramref name="utcNow"/> (seats of published events starting within 24 hours):
    /// each registration is claimed by one atomic update, so with several instances each reminder goes once.
    /// </summary>
    public async Task<IReadOnlyList<RegistrationNotice>> ClaimDueRemindersAsync(DateTime utcNow, CancellationToken ct = default)
    {
        var horizon = utcNow.AddHours(24);
        var due = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Registered && r.ReminderSentAt == null)
            .Join(db.Events.Where(e => e.Published && e.StartsAt > utcNow && e.StartsAt <= horizon), r => r.EventId, e => e.Id, (r, e) => r.Id)
            .Take(500)
            .ToListAsync(ct);
        var claimed = new List<RegistrationNotice>();
        var events = new Dictionary<int, PortalEvent>();
        foreach (var id in due)
        {
            var won = await db.EventRegistrations.Where(r => r.Id == id && r.ReminderSentAt == null && r.Status == RegistrationStatus.Registered)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentAt, utcNow), ct);
            if (won == 1)
            {
                var eventId = await db.EventRegistrations.Where(r => r.Id == id).Select(r => r.EventId).FirstAsync(ct);
                if (!events.TryGetValue(eventId, out var ev))
                {
                    ev = await db.Events.AsNoTracking().FirstAsync(e => e.Id == eventId, ct);
                    events[eventId] = ev;
                }
                claimed.Add(await NoticeAsync(id, ev, ct));
            }
        }
        return claimed;
    }

    private async Task<RegistrationNotice> NoticeAsync(long registrationId, PortalEvent ev, CancellationToken ct)
    {
        var row = await db.EventRegistrations.AsNoTracking().Where(r => r.Id == registrationId)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.Status, u.Email, u.PreferredLanguage, u.DisplayName })
            .FirstAsync(ct);
        return new RegistrationNotice(registrationId, row.Status, row.Email ?? "", row.PreferredLanguage, row.DisplayName, ev);
    }

    private static List<EventError> Validate(RegistrationInput input)
    {
        var errors = new List<EventError>();
        if (!StakeholderCategories.IsKnown(input.StakeholderCategory))
        {
            errors.Add(new EventError("StakeholderCategory", "StakeholderCategoryInvalid"));
        }
        if (input.CountryCode is not { Length: 2 } || !input.CountryCode.All(char.IsAsciiLetter))
        {
            errors.Add(new EventError("CountryCode", "CountryInvalid"));
        }
        if (!string.IsNullOrEmpty(input.Gender) && !Genders.IsKnown(input.Gender))
        {
            errors.Add(new EventError("Gender", "GenderInvalid"));
        }
        if (!string.IsNullOrEmpty(input.AgeBand) && !AgeBands.IsKnown(input.AgeBand))
        {
            errors.Add(new EventError("AgeBand", "AgeBandInvalid"));
        }
        return errors;
    }
}
