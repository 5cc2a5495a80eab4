using Enact.Core.Data;
using Enact.Core.Events;
using Enact.Core.Files;
using Enact.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.News;

/// <summary>
/// A bilingual news item: title, summary and body (Markdown, rendered sanitized) per language, a publication date, and
/// optional links to the project, activity and event it is about. Shown from <see cref="PublishedAt"/> on.
/// </summary>
public sealed class NewsItem : IVersioned
{
    public const int MaxSlugLength = 100;
    public const int MaxTitleLength = 300;
    public const int MaxSummaryLength = 1000;
    public const int MaxBodyLength = 20_000;
    public const int MaxImageAltLength = 500;

    /// <summary>The largest picture accepted: news pages stay light for readers on slow connections.</summary>
    public const long MaxImageLength = 1024 * 1024;

    public int Id { get; set; }

    /// <summary>The address of the public page: lower-case letters, digits and hyphens.</summary>
    public required string Slug { get; set; }

    public required string TitleAr { get; set; }
    public required string TitleEn { get; set; }
    public string? SummaryAr { get; set; }
    public string? SummaryEn { get; set; }

    /// <summary>Markdown.</summary>
    public string? BodyAr { get; set; }
    public string? BodyEn { get; set; }

    /// <summary>The instant of publication (UTC); the item is public from then on.</summary>
    public DateTime PublishedAt { get; set; }

    public int? ProjectId { get; set; }
    public int? ActivityId { get; set; }
    public int? EventId { get; set; }

    /// <summary>The optional picture (PNG, JPEG, GIF or WebP), its bytes in a <see cref="StoredFile"/> shared by every instance.</summary>
    public Guid? ImageFileId { get; set; }

    /// <summary>The picture's size in pixels, read from its header, for the width and height of every img element.</summary>
    public int? ImageWidth { get; set; }
    public int? ImageHeight { get; set; }

    /// <summary>The picture's alternative text in both languages (required with a picture).</summary>
    public string? ImageAltAr { get; set; }
    public string? ImageAltEn { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public static class NewsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<NewsItem>(e =>
        {
            e.Property(x => x.Slug).HasMaxLength(NewsItem.MaxSlugLength);
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.TitleAr).HasMaxLength(NewsItem.MaxTitleLength);
            e.Property(x => x.TitleEn).HasMaxLength(NewsItem.MaxTitleLength);
            e.Property(x => x.SummaryAr).HasMaxLength(NewsItem.MaxSummaryLength);
            e.Property(x => x.SummaryEn).HasMaxLength(NewsItem.MaxSummaryLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.PublishedAt);
            e.HasIndex(x => x.ActivityId);
            e.HasIndex(x => x.EventId);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<ProjectActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<PortalEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.ImageAltAr).HasMaxLength(NewsItem.MaxImageAltLength);
            e.Property(x => x.ImageAltEn).HasMaxLength(NewsItem.MaxImageAltLength);
            e.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.ImageFileId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
