using System.Globalization;
using System.Linq.Expressions;
using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Core.Files;
using Enact.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.News;

/// <summary>A news item as lists show it, with its picture's file and size when it has one (for a thumbnail).</summary>
public sealed record NewsSummary(int Id, string Slug, string TitleAr, string TitleEn, string? SummaryAr, string? SummaryEn, DateTime PublishedAt, NewsPicture? Picture = null);

/// <summary>A news item's picture as pages link it: the stored file (which versions its address) and its size in pixels.</summary>
public sealed record NewsPicture(Guid FileId, int Width, int Height);

/// <summary>
/// A news item as the editor writes it; the publication date is a day (shown as is, stored at 00:00 UTC). A new picture's
/// bytes replace the current one; <see cref="RemoveImage"/> drops it; the alternative texts are required with a picture.
/// </summary>
public sealed record NewsInput(
    string? Slug, string? TitleAr, string? TitleEn, string? SummaryAr, string? SummaryEn, string? BodyAr, string? BodyEn,
    DateOnly PublishedOn, int? ProjectId, int? ActivityId, int? EventId)
{
    public byte[]? Image { get; init; }
    public bool RemoveImage { get; init; }
    public string? ImageAltAr { get; init; }
    public string? ImageAltEn { get; init; }
}

/// <summary>A news item's picture as served: bytes, media type (found from the content), and whether the item is public.</summary>
public sealed record NewsImageFile(byte[] Content, string ContentType, Guid FileId, bool Published);

public static class NewsQueries
{
    public static IQueryable<NewsItem> Published(EnactDbContext db, DateTime now)
        => db.NewsItems.AsNoTracking().Where(n => n.PublishedAt <= now).OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id);

    public static readonly Expression<Func<NewsItem, NewsSummary>> Summary
        = n => new NewsSummary(n.Id, n.Slug, n.TitleAr, n.TitleEn, n.SummaryAr, n.SummaryEn, n.PublishedAt,
            n.ImageFileId == null ? null : new NewsPicture(n.ImageFileId.Value, n.ImageWidth ?? 0, n.ImageHeight ?? 0));
}

/// <summary>
/// News: the public list, page and feed show items published by now; the pages of events and activities show the news
/// linked to them; staff create and edit items (checked against the version they saw, with an audit entry).
/// </summary>
public sealed class NewsService(EnactDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const int PageSize = 10;

    public async Task<(IReadOnlyList<NewsSummary> Items, int Total)> ListAsync(int page, int pageSize = PageSize, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = NewsQueries.Published(db, now);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize).Select(NewsQueries.Summary).ToListAsync(ct);
        return (items.Select(Utc).ToList(), total);
    }

    /// <summary>A published item, or (for staff previewing) any item.</summary>
    public async Task<NewsItem?> FindAsync(string slug, bool includeUnpublished = false, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = await db.NewsItems.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug && (includeUnpublished || n.PublishedAt <= now), ct);
        if (item is not null)
        {
            item.PublishedAt = ProjectCatalog.Utc(item.PublishedAt);
        }
        return item;
    }

    public async Task<NewsItem?> FindByIdAsync(int id, CancellationToken ct = default)
        => await db.NewsItems.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);

    /// <summary>A news item's picture: of a published item, or (for staff previewing) of any item; null when there is none.</summary>
    public async Task<NewsImageFile?> ImageAsync(string slug, bool includeUnpublished, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = await db.NewsItems.AsNoTracking().Where(n => n.Slug == slug && n.ImageFileId != null && (includeUnpublished || n.PublishedAt <= now))
            .Select(n => new { FileId = n.ImageFileId!.Value, Published = n.PublishedAt <= now }).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }
        var file = await db.StoredFiles.AsNoTracking().Where(f => f.Id == item.FileId).Select(f => new { f.Content, f.ContentType }).FirstOrDefaultAsync(ct);
        return file is null ? null : new NewsImageFile(file.Content, file.ContentType, item.FileId, item.Published);
    }

    /// <summary>The newest published items linked to an event ("related news" on its page).</summary>
    public async Task<IReadOnlyList<NewsSummary>> RelatedToEventAsync(int eventId, CancellationToken ct = default)
        => (await NewsQueries.Published(db, clock.GetUtcNow().UtcDateTime).Where(n => n.EventId == eventId).Take(5).Select(NewsQueries.Summary).ToListAsync(ct))
            .Select(Utc).ToList();

    /// <summary>The newest published items for the feed.</summary>
    public async Task<IReadOnlyList<NewsItem>> NewestAsync(int count = 20, CancellationToken ct = default)
    {
        var items = await NewsQueries.Published(db, clock.GetUtcNow().UtcDateTime).Take(count).ToListAsync(ct);
        foreach (var item in items)
        {
            item.PublishedAt = ProjectCatalog.Utc(item.PublishedAt);
            item.UpdatedAt = ProjectCatalog.Utc(item.UpdatedAt);
        }
        return items;
    }

    /// <summary>Every item, newest first, for editors.</summary>
    public async Task<IReadOnlyList<NewsSummary>> AllAsync(CancellationToken ct = default)
        => (await db.NewsItems.AsNoTracking().OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).Select(NewsQueries.Summary).ToListAsync(ct))
            .Select(Utc).ToList();

    public async Task<Outcome> CreateAsync(AuditActor actor, NewsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var (values, errors) = await ValidateAsync(input, null, hasImage: false, ct);
        if (values is null)
        {
            return Outcome.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new NewsItem { Slug = values.Slug!, TitleAr = "", TitleEn = "", CreatedAt = now, UpdatedAt = now };
        Apply(item, values);
        ApplyImage(item, values, actor, now);
        db.NewsItems.Add(item);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, "news.created", nameof(NewsItem), item.Id.ToString(CultureInfo.InvariantCulture), after: Snapshot(item));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(item.Id);
    }

    public async Task<Outcome> UpdateAsync(AuditActor actor, int id, Guid version, NewsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var item = await db.NewsItems.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (item is null)
        {
            return Outcome.NotFound;
        }
        if (item.Version != version)
        {
            return Outcome.Conflict;
        }
        var (values, errors) = await ValidateAsync(input, id, hasImage: item.ImageFileId is not null, ct);
        if (values is null)
        {
            return Outcome.Invalid(errors);
        }
        var before = Snapshot(item);
        var now = clock.GetUtcNow().UtcDateTime;
        Apply(item, values);
        ApplyImage(item, values, actor, now);
        item.UpdatedAt = now;
        audit.Record(actor, "news.updated", nameof(NewsItem), id.ToString(CultureInfo.InvariantCulture), before, Snapshot(item));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict;
        }
        return Outcome.Ok(id);
    }

    private static void Apply(NewsItem item, NewsInput v)
    {
        item.Slug = v.Slug!;
        item.TitleAr = v.TitleAr!;
        item.TitleEn = v.TitleEn!;
        item.SummaryAr = v.SummaryAr;
        item.SummaryEn = v.SummaryEn;
        item.BodyAr = v.BodyAr;
        item.BodyEn = v.BodyEn;
        item.PublishedAt = v.PublishedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        item.ProjectId = v.ProjectId;
        item.ActivityId = v.ActivityId;
        item.EventId = v.EventId;
    }

    /// <summary>
    /// A new picture is stored (checked by <see cref="FileInspector"/> in validation) and replaces the current one; a
    /// removal drops it with its alternative texts. The replaced file stays, as for events: files are never deleted under
    /// a reader who may still be loading them.
    /// </summary>
    private void ApplyImage(NewsItem item, NewsInput v, AuditActor actor, DateTime now)
    {
        if (v.Image is { } bytes)
        {
            var kind = FileInspector.Inspect(bytes)!;
            var (width, height) = ImageDimensions.Read(bytes)!.Value;
            var file = new StoredFile
            {
                Id = Guid.NewGuid(),
                ContentType = kind.ContentType,
                Length = bytes.LongLength,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
                CreatedAt = now,
                UploadedById = actor.UserId,
                Content = bytes,
            };
            db.StoredFiles.Add(file);
            item.ImageFileId = file.Id;
            item.ImageWidth = width;
            item.ImageHeight = height;
        }
        else if (v.RemoveImage)
        {
            item.ImageFileId = null;
            item.ImageWidth = null;
            item.ImageHeight = null;
        }
        var hasImage = item.ImageFileId is not null;
        item.ImageAltAr = hasImage ? v.ImageAltAr : null;
        item.ImageAltEn = hasImage ? v.ImageAltEn : null;
    }

    private async Task<(NewsInput? Values, List<FieldError> Errors)> ValidateAsync(NewsInput input, int? id, bool hasImage, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var slug = Texts.Clean(input.Slug)?.ToLowerInvariant();
        var v = input with
        {
            Slug = slug,
            TitleAr = Texts.Clean(input.TitleAr),
            TitleEn = Texts.Clean(input.TitleEn),
            SummaryAr = Texts.Clean(input.SummaryAr),
            SummaryEn = Texts.Clean(input.SummaryEn),
            BodyAr = Texts.Clean(input.BodyAr),
            BodyEn = Texts.Clean(input.BodyEn),
            ImageAltAr = Texts.Clean(input.ImageAltAr),
            ImageAltEn = Texts.Clean(input.ImageAltEn),
        };
        if (slug is null)
        {
            errors.Add(new("Slug", "Required"));
        }
        else if (!Texts.IsSlug(slug, NewsItem.MaxSlugLength))
        {
            errors.Add(new("Slug", "SlugInvalid"));
        }
        else if (await db.NewsItems.AnyAsync(n => n.Slug == slug && n.Id != (id ?? 0), ct))
        {
            errors.Add(new("Slug", "SlugTaken"));
        }
        Texts.Check(errors, "TitleAr", v.TitleAr, NewsItem.MaxTitleLength, required: true);
        Texts.Check(errors, "TitleEn", v.TitleEn, NewsItem.MaxTitleLength, required: true);
        Texts.Check(errors, "SummaryAr", v.SummaryAr, NewsItem.MaxSummaryLength, required: false);
        Texts.Check(errors, "SummaryEn", v.SummaryEn, NewsItem.MaxSummaryLength, required: false);
        Texts.Check(errors, "BodyAr", v.BodyAr, NewsItem.MaxBodyLength, required: false);
        Texts.Check(errors, "BodyEn", v.BodyEn, NewsItem.MaxBodyLength, required: false);
        if (v.ActivityId is { } activityId)
        {
            var projectId = await db.ProjectActivities.Where(a => a.Id == activityId).Select(a => (int?)a.ProjectId).FirstOrDefaultAsync(ct);
            if (projectId is null)
            {
                errors.Add(new("ActivityId", "ChoiceInvalid"));
            }
            else
            {
                // An item about an activity is about its project too.
                v = v with { ProjectId = projectId };
            }
        }
        if (v.ProjectId is { } p && !await db.Projects.AnyAsync(x => x.Id == p, ct))
        {
            errors.Add(new("ProjectId", "ChoiceInvalid"));
        }
        if (v.EventId is { } e && !await db.Events.AnyAsync(x => x.Id == e, ct))
        {
            errors.Add(new("EventId", "ChoiceInvalid"));
        }
        if (v.Image is { } image)
        {
            // Images only, found from the content; a file that claims to be one but has no readable size is refused too.
            if (FileInspector.Inspect(image) is not { IsImage: true } || ImageDimensions.Read(image) is null)
            {
                errors.Add(new("Image", "ImageType"));
            }
            else if (image.LongLength > NewsItem.MaxImageLength)
            {
                errors.Add(new("Image", "ImageTooLarge"));
            }
        }
        if (v.Image is not null || (hasImage && !v.RemoveImage))
        {
            foreach (var (field, alt) in new[] { ("ImageAltAr", v.ImageAltAr), ("ImageAltEn", v.ImageAltEn) })
            {
                if (alt is null)
                {
                    errors.Add(new(field, "ImageAltRequired"));
                }
                Texts.Check(errors, field, alt, NewsItem.MaxImageAltLength, required: false);
            }
        }
        return errors.Count > 0 ? (null, errors) : (v, errors);
    }

    private static object Snapshot(NewsItem n) => new
    {
        n.Slug, n.TitleAr, n.TitleEn, n.SummaryAr, n.SummaryEn, n.BodyAr, n.BodyEn,
        PublishedAt = ProjectCatalog.Utc(n.PublishedAt), n.ProjectId, n.ActivityId, n.EventId,
        n.ImageFileId, n.ImageAltAr, n.ImageAltEn,
    };

    private static NewsSummary Utc(NewsSummary n) => n with { PublishedAt = ProjectCatalog.Utc(n.PublishedAt) };
}
