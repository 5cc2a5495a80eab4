using Enact.Core.Accounts;
using Enact.Core.CaseStudies;
using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Review;

/// <summary>
/// An expert reviewer's assignment to one case study, and their review on the rubric: novelty, results,
/// replicability, inclusion and sustainability, each scored 1 to 5 with a comment. A reviewer sees only the case
/// studies assigned to them.
/// </summary>
public sealed class ReviewAssignment : IVersioned
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    public Guid Id { get; set; }
    public required string CaseStudyId { get; set; }
    public Guid ReviewerId { get; set; }
    public Guid? AssignedById { get; set; }
    public DateTime AssignedAt { get; set; }
    public DateTime? DueAt { get; set; }

    public int? Novelty { get; set; }
    public string? NoveltyComment { get; set; }
    public int? Results { get; set; }
    public string? ResultsComment { get; set; }
    public int? Replicability { get; set; }
    public string? ReplicabilityComment { get; set; }
    public int? Inclusion { get; set; }
    public string? InclusionComment { get; set; }
    public int? Sustainability { get; set; }
    public string? SustainabilityComment { get; set; }

    /// <summary>Overall comment to the editors.</summary>
    public string? Comment { get; set; }

    /// <summary>When the reviewer submitted the review (null while it is a draft).</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>When an editor withdrew the assignment (the reviewer no longer sees the case study).</summary>
    public DateTime? WithdrawnAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

public static class ReviewModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ReviewAssignment>(e =>
        {
            e.Property(a => a.CaseStudyId).HasMaxLength(CaseStudy.MaxIdLength);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => new { a.CaseStudyId, a.ReviewerId }).IsUnique();
            e.HasIndex(a => a.ReviewerId);
            e.HasOne<CaseStudy>().WithMany().HasForeignKey(a => a.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<EnactUser>().WithMany().HasForeignKey(a => a.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
