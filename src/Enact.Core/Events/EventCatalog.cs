using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Events;

public sealed record EventListItem(
    int Id, string Slug, string Kind, string Format, string TitleAr, string TitleEn, string? SummaryAr, string? SummaryEn,
    DateTime StartsAt, DateTime EndsAt, string TimeZone, string? VenueAr, string? VenueEn);

public sealed record EventList(IReadOnlyList<EventListItem> Upcoming, IReadOnlyList<EventListItem> Past, IReadOnlyList<int> Years,
    IReadOnlyList<EventProjectOption> Projects);

/// <summary>A project that has events, for the list's project filter.</summary>
public sealed record EventProjectOption(string Code, string NameAr, string NameEn);

public sealed record RatingSummary(double Average, int Count);

/// <summary>The signed-in reader's place: their registration (if any), their place on the waiting list, whether they rated.</summary>
public sealed record ParticipantView(RegistrationStatus? Status, int? WaitlistPosition, bool Attended, bool HasRated, int? Score);

public sealed record EventDetail(PortalEvent Event, RatingSummary Ratings, int Registered, int Waitlisted, ParticipantView? Participant);

/// <summary>Public reading of events: the list (upcoming and past, by kind and year) and one event's page.</summary>
public sealed class EventCatalog(EnactDbContext db)
{
    /// <summary>The list filtered by kind, year and project (<paramref name="project"/> is a project code: events linked to any of its activities).</summary>
    public async Task<EventList> ListAsync(string? kind, int? year, string? project, DateTime utcNow, CancellationToken ct = default)
    {
        var query = db.Events.AsNoTracking().Where(e => e.Published);
        if (kind is not null)
        {
            query = query.Where(e => e.Kind == kind);
        }
        if (project is not null)
        {
            var linked = from link in db.ProjectActivityEvents
                         join activity in db.ProjectActivities on link.ActivityId equals activity.Id
                         join p in db.Projects on activity.ProjectId equals p.Id
                         where p.Code == project
                         select link.EventId;
            query = query.Where(e => linked.Contains(e.Id));
        }
        // Only projects with a published event: choosing one always lists something.
        var projects = await (from link in db.ProjectActivityEvents
                              join activity in db.ProjectActivities on link.ActivityId equals activity.Id
                              join p in db.Projects on activity.ProjectId equals p.Id
                              join e in db.Events on link.EventId equals e.Id
                              where e.Published
                              select new EventProjectOption(p.Code, p.NameAr, p.NameEn))
            .Distinct().ToListAsync(ct);
        var items = await query
            .OrderBy(e => e.StartsAt)
            .Select(e => new EventListItem(e.Id, e.Slug, e.Kind, e.Format, e.TitleAr, e.TitleEn, e.SummaryAr, e.SummaryEn,
                e.StartsAt, e.EndsAt, e.TimeZone, e.VenueAr, e.VenueEn))
            .ToListAsync(ct);
        var years = items.Select(i => EventTimeZones.ToLocal(i.StartsAt, i.TimeZone).Year).Distinct().OrderDescending().ToList();
        if (year is not null)
        {
            items = [.. items.Where(i => EventTimeZones.ToLocal(i.StartsAt, i.TimeZone).Year == year)];
        }
        var upcoming = items.Where(i => i.EndsAt > utcNow).ToList();
        var past = items.Where(i => i.EndsAt <= utcNow).OrderByDescending(i => i.StartsAt).ToList();
        return new EventList(upcoming, past, years, [.. projects.OrderBy(p => p.Code, StringComparer.Ordinal)]);
    }

    /// <summary>Published events not yet ended, soonest first (the calendar feed).</summary>
    public async Task<IReadOnlyList<PortalEvent>> UpcomingAsync(DateTime utcNow, int max = 200, CancellationToken ct = default)
        => await db.Events.AsNoTracking()
            .Where(e => e.Published && e.EndsAt > utcNow)
            .OrderBy(e => e.StartsAt)
            .Take(max)
            .ToListAsync(ct);

    /// <summary>One published event with its documents and summaries (staff also see unpublished ones); null when unknown.</summary>
    public async Task<EventDetail?> GetAsync(string slug, Guid? userId, bool staff, CancellationToken ct = default)
    {
        var e = await db.Events.AsNoTracking()
            .Include(x => x.OutcomePoints.OrderBy(p => p.Position))
            .Include(x => x.Presentations.OrderBy(p => p.Position))
            .Include(x => x.Documents.OrderBy(p => p.Position))
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Slug == slug && (x.Published || staff), ct);
        if (e is null)
        {
            return null;
        }
        var scores = await db.EventRatings.Where(r => r.EventId == e.Id).Select(r => r.Score).ToListAsync(ct);
        var ratings = new RatingSummary(scores.Count == 0 ? 0 : scores.Average(), scores.Count);
        var counts = await db.EventRegistrations.Where(r => r.EventId == e.Id && r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var registered = counts.Where(c => c.Key == RegistrationStatus.Registered).Sum(c => c.Count);
        var waitlisted = counts.Where(c => c.Key == RegistrationStatus.Waitlisted).Sum(c => c.Count);
        ParticipantView? participant = null;
        if (userId is Guid uid)
        {
            var mine = await db.EventRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == e.Id && r.UserId == uid, ct);
            var rating = await db.EventRatings.AsNoTracking().Where(r => r.EventId == e.Id && r.UserId == uid).Select(r => (int?)r.Score).FirstOrDefaultAsync(ct);
            int? position = null;
            if (mine is { Status: RegistrationStatus.Waitlisted })
            {
                position = 1 + await db.EventRegistrations.CountAsync(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waitlisted
                    && (r.CreatedAt < mine.CreatedAt || (r.CreatedAt == mine.CreatedAt && r.Id < mine.Id)), ct);
            }
            participant = new ParticipantView(mine?.Status, position, mine?.Attended ?? false, rating is not null, rating);
        }
        return new EventDetail(e, ratings, registered, waitlisted, participant);
    }

    /// <summary>A published event's image or document bytes; null when there is none.</summary>
    public async Task<(byte[] Content, string ContentType, string? FileName)?> GetFileAsync(string slug, long? documentId, bool staff, CancellationToken ct = default)
    {
        var e = await db.Events.AsNoTracking().Where(x => x.Slug == slug && (x.Published || staff))
            .Select(x => new { x.Id, x.ImageFileId }).FirstOrDefaultAsync(ct);
        if (e is null)
        {
            return null;
        }
        if (documentId is null)
        {
            if (e.ImageFileId is not Guid imageId)
            {
                return null;
            }
            var image = await db.StoredFiles.AsNoTracking().Where(f => f.Id == imageId).Select(f => new { f.Content, f.ContentType }).FirstOrDefaultAsync(ct);
            return image is null ? null : (image.Content, image.ContentType, null);
        }
        var doc = await db.EventDocuments.AsNoTracking().Where(d => d.Id == documentId && d.EventId == e.Id)
            .Select(d => new { d.FileId, d.FileName, d.ContentType }).FirstOrDefaultAsync(ct);
        if (doc is null)
        {
            return null;
        }
        var bytes = await db.StoredFiles.AsNoTracking().Where(f => f.Id == doc.FileId).Select(f => f.Content).FirstOrDefaultAsync(ct);
        return bytes is null ? null : (bytes, doc.ContentType, doc.FileName);
    }
}
