using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Files;

/// <summary>
/// The bytes of an uploaded file, kept in the database so that every instance sharing it serves the same files
/// (instances are stateless). Metadata lives with what the file is attached to (for example
/// <c>CaseStudyAttachment</c>), so listings never load the content.
/// </summary>
public sealed class StoredFile
{
    /// <summary>The largest file accepted anywhere: 20 MB.</summary>
    public const long MaxLength = 20L * 1024 * 1024;

    public Guid Id { get; set; }

    /// <summary>The media type found by looking at the content, never the one the browser sent.</summary>
    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>Lower-case hexadecimal SHA-256 of the content.</summary>
    public required string Sha256 { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? UploadedById { get; set; }

    public required byte[] Content { get; set; }
}

public static class FilesModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<StoredFile>(e =>
        {
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.Sha256).HasMaxLength(64);
        });
    }
}
