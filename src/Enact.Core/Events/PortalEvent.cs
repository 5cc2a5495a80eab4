using Enact.Core.Accounts;
using Enact.Core.Data;
using Enact.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Events;

/// <summary>
/// An event of the portal (web discussion, workshop, expert group meeting, conference, training). Start and end are
/// instants stored in UTC; <see cref="TimeZone"/> is the IANA zone in which the event is announced (for example
/// <c>Asia/Beirut</c>), so pages show "10:00–13:00 Beirut time" and each reader's own time beside it.
/// Texts are stored per language; summary, body and agenda are Markdown (rendered through <c>SafeHtml</c>).
/// </summary>
public sealed class PortalEvent : IVersioned
{
    public const int MaxSlugLength = 100;
    public const int MaxTitleLength = 300;
    public const int MaxShortText = 300;
    public const int MaxLongText = 20_000;

    public int Id { get; set; }

    /// <summary>The address of the public page: lower-case letters, digits and hyphens.</summary>
    public required string Slug { get; set; }

    /// <summary>One of <see cref="EventKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>One of <see cref="EventFormats"/>.</summary>
    public required string Format { get; set; }

    public required string TitleAr { get; set; }
    public required string TitleEn { get; set; }
    public string? SummaryAr { get; set; }
    public string? SummaryEn { get; set; }
    public string? BodyAr { get; set; }
    public string? BodyEn { get; set; }
    public string? AgendaAr { get; set; }
    public string? AgendaEn { get; set; }

    /// <summary>The online platform's name ("Zoom") and the link to join, shown to registered people only.</summary>
    public string? PlatformName { get; set; }
    public string? OnlineLink { get; set; }

    /// <summary>Where it takes place, as people read it ("Zoom and UN House, Beirut").</summary>
    public string? VenueAr { get; set; }
    public string? VenueEn { get; set; }

    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>IANA time zone identifier.</summary>
    public required string TimeZone { get; set; }

    public string? ContactNameAr { get; set; }
    public string? ContactNameEn { get; set; }
    public string? ContactTitleAr { get; set; }
    public string? ContactTitleEn { get; set; }
    public string? ContactEmail { get; set; }

    public Guid? ImageFileId { get; set; }
    public string? ImageAltAr { get; set; }
    public string? ImageAltEn { get; set; }

    /// <summary>Registration window (UTC); no registration when <see cref="RegistrationOpensAt"/> is null.</summary>
    public DateTime? RegistrationOpensAt { get; set; }
    public DateTime? RegistrationClosesAt { get; set; }

    /// <summary>Places; null means no limit. Beyond it, people join the waiting list.</summary>
    public int? Capacity { get; set; }

    public bool Published { get; set; }

    /// <summary>
    /// Bumped by every registration change before it counts places, so concurrent registrations for one event queue
    /// on this row (a row lock in PostgreSQL, the write lock in SQLite) and never exceed the capacity.
    /// </summary>
    public int RegistrationSequence { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<EventOutcomePoint> OutcomePoints { get; set; } = [];
    public List<EventPresentation> Presentations { get; set; } = [];
    public List<EventDocument> Documents { get; set; } = [];

    public bool HasEndedAt(DateTime utcNow) => EndsAt <= utcNow;

    public bool IsRegistrationOpenAt(DateTime utcNow)
        => RegistrationOpensAt is { } opens && opens <= utcNow
            && utcNow < (RegistrationClosesAt ?? StartsAt)
            && utcNow < EndsAt;
}

/// <summary>One numbered point of the outcome document, in order of <see cref="Position"/> (1, 2, 3…).</summary>
public sealed class EventOutcomePoint
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public int Position { get; set; }
    public string? TextAr { get; set; }
    public string? TextEn { get; set; }
}

/// <summary>A summary of one presentation (or of the discussion that followed): presenter and title optional; the summary is Markdown.</summary>
public sealed class EventPresentation
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public int Position { get; set; }
    public string? PresenterAr { get; set; }
    public string? PresenterEn { get; set; }
    public string? TitleAr { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryAr { get; set; }
    public string? SummaryEn { get; set; }
}

/// <summary>A file attached to an event (slides, report); the bytes are a <see cref="StoredFile"/>.</summary>
public sealed class EventDocument
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public int Position { get; set; }
    public Guid FileId { get; set; }
    public required string NameAr { get; set; }
    public required string NameEn { get; set; }
    /// <summary>The name given on download (sanitized; never used as a path).</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
}

/// <summary>A person's registration for an event. One row per event and person; cancelling keeps the row.</summary>
public sealed class EventRegistration : IVersioned
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public Guid UserId { get; set; }

    /// <summary>One of <see cref="StakeholderCategories"/>.</summary>
    public required string StakeholderCategory { get; set; }

    /// <summary>ISO 3166-1 alpha-2 (any country, not only the Arab states).</summary>
    public required string CountryCode { get; set; }

    /// <summary>Optional, for inclusion statistics: one of <see cref="Genders"/>.</summary>
    public string? Gender { get; set; }

    /// <summary>Optional: one of <see cref="AgeBands"/>.</summary>
    public string? AgeBand { get; set; }

    public RegistrationStatus Status { get; set; }

    /// <summary>When the person (last) registered: the waiting list is served in this order.</summary>
    public DateTime CreatedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    /// <summary>When a waiting-list place turned into a seat.</summary>
    public DateTime? PromotedAt { get; set; }

    public bool Attended { get; set; }

    /// <summary>Set once, atomically, by whichever instance sends the reminder the day before.</summary>
    public DateTime? ReminderSentAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum RegistrationStatus
{
    Registered = 0,
    Waitlisted = 1,
    Cancelled = 2,
}

/// <summary>A participant's rating after the event: 1 to 5 with an optional comment, once per person.</summary>
public sealed class EventRating
{
    public const int MaxCommentLength = 2000;

    public long Id { get; set; }
    public int EventId { get; set; }
    public Guid UserId { get; set; }
    public int Score { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class EventKinds
{
    public const string WebDiscussion = "web-discussion";
    public const string Workshop = "workshop";
    public const string ExpertGroupMeeting = "expert-group-meeting";
    public const string Conference = "conference";
    public const string Training = "training";

    public static readonly IReadOnlyList<string> All = [WebDiscussion, Workshop, ExpertGroupMeeting, Conference, Training];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

public static class EventFormats
{
    public const string Online = "online";
    public const string InPerson = "in-person";
    public const string Hybrid = "hybrid";

    public static readonly IReadOnlyList<string> All = [Online, InPerson, Hybrid];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

public static class StakeholderCategories
{
    public static readonly IReadOnlyList<string> All =
        ["government", "regional-international", "ngo", "academia", "private-sector", "other"];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

public static class Genders
{
    public static readonly IReadOnlyList<string> All = ["female", "male", "undisclosed"];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

public static class AgeBands
{
    public static readonly IReadOnlyList<string> All = ["under-25", "25-34", "35-44", "45-54", "55-64", "65-plus"];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

public static class EventsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<PortalEvent>(e =>
        {
            e.Property(x => x.Slug).HasMaxLength(PortalEvent.MaxSlugLength);
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Format).HasMaxLength(16);
            e.Property(x => x.TitleAr).HasMaxLength(PortalEvent.MaxTitleLength);
            e.Property(x => x.TitleEn).HasMaxLength(PortalEvent.MaxTitleLength);
            e.Property(x => x.PlatformName).HasMaxLength(100);
            e.Property(x => x.OnlineLink).HasMaxLength(500);
            e.Property(x => x.VenueAr).HasMaxLength(PortalEvent.MaxShortText);
            e.Property(x => x.VenueEn).HasMaxLength(PortalEvent.MaxShortText);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.ContactNameAr).HasMaxLength(200);
            e.Property(x => x.ContactNameEn).HasMaxLength(200);
            e.Property(x => x.ContactTitleAr).HasMaxLength(200);
            e.Property(x => x.ContactTitleEn).HasMaxLength(200);
            e.Property(x => x.ContactEmail).HasMaxLength(256);
            e.Property(x => x.ImageAltAr).HasMaxLength(500);
            e.Property(x => x.ImageAltEn).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.StartsAt);
            e.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.ImageFileId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.OutcomePoints).WithOne().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Presentations).WithOne().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Documents).WithOne().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EventOutcomePoint>(e => e.HasIndex(x => new { x.EventId, x.Position }));
        builder.Entity<EventPresentation>(e =>
        {
            e.Property(x => x.PresenterAr).HasMaxLength(200);
            e.Property(x => x.PresenterEn).HasMaxLength(200);
            e.Property(x => x.TitleAr).HasMaxLength(PortalEvent.MaxTitleLength);
            e.Property(x => x.TitleEn).HasMaxLength(PortalEvent.MaxTitleLength);
            e.HasIndex(x => new { x.EventId, x.Position });
        });
        builder.Entity<EventDocument>(e =>
        {
            e.Property(x => x.NameAr).HasMaxLength(PortalEvent.MaxShortText);
            e.Property(x => x.NameEn).HasMaxLength(PortalEvent.MaxShortText);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<EventRegistration>(e =>
        {
            e.Property(x => x.StakeholderCategory).HasMaxLength(32);
            e.Property(x => x.CountryCode).HasMaxLength(2);
            e.Property(x => x.Gender).HasMaxLength(16);
            e.Property(x => x.AgeBand).HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.EventId, x.UserId }).IsUnique();
            e.HasIndex(x => new { x.EventId, x.Status, x.CreatedAt });
            e.HasOne<PortalEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<EnactUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EventRating>(e =>
        {
            e.Property(x => x.Comment).HasMaxLength(EventRating.MaxCommentLength);
            e.HasIndex(x => new { x.EventId, x.UserId }).IsUnique();
            e.HasOne<PortalEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<EnactUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
