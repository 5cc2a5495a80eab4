using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Search;

/// <summary>
/// The outbox of the search index: one row per change to a case study, written in the same transaction as the change
/// (see <see cref="IndexingOutbox"/>). Every instance applies the rows after its own saved cursor to its own index.
/// </summary>
public sealed class IndexingTask
{
    public long Id { get; set; }
    public required string CaseStudyId { get; set; }
    public IndexingKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum IndexingKind
{
    Upsert,
    Delete,
}

public static class IndexingModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<IndexingTask>(e =>
        {
            e.HasKey(t => t.Id);
            e.Property(t => t.CaseStudyId).HasMaxLength(100);
            e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(8);
            e.HasIndex(t => t.CreatedAt);
        });
    }
}
