using Enact.Core.Audit;
using Enact.Core.CaseStudies;
using Enact.Core.Data;
using Enact.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Review;

/// <summary>The rubric's five criteria, scored 1 to 5 with a comment each.</summary>
public static class Rubric
{
    public const int MaxCommentLength = 4000;

    public static readonly IReadOnlyList<string> Criteria = ["Novelty", "Results", "Replicability", "Inclusion", "Sustainability"];

    public static IReadOnlyList<int?> Scores(ReviewAssignment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return [a.Novelty, a.Results, a.Replicability, a.Inclusion, a.Sustainability];
    }

    public static IReadOnlyList<string?> Comments(ReviewAssignment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return [a.NoveltyComment, a.ResultsComment, a.ReplicabilityComment, a.InclusionComment, a.SustainabilityComment];
    }

    /// <summary>The mean of the five scores of a submitted review; null for a draft.</summary>
    public static double? Average(ReviewAssignment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var scores = Scores(a);
        return a.SubmittedAt is null || scores.Any(s => s is null) ? null : scores.Average(s => (double)s!.Value);
    }
}

/// <summary>What a reviewer writes: five scores (null while undecided) with comments, and an overall comment.</summary>
public sealed record RubricInput(
    int? Novelty, string? NoveltyComment,
    int? Results, string? ResultsComment,
    int? Replicability, string? ReplicabilityComment,
    int? Inclusion, string? InclusionComment,
    int? Sustainability, string? SustainabilityComment,
    string? Comment)
{
    public IReadOnlyList<int?> Scores => [Novelty, Results, Replicability, Inclusion, Sustainability];
}

public sealed record MyAssignment(Guid Id, string CaseStudyId, string? TitleAr, string? TitleEn, string CountryCode, CaseStudyStatus Status, DateTime AssignedAt, DateTime? SubmittedAt);

/// <summary>A reviewer's own assignment with the case study it concerns (read-only for them).</summary>
public sealed record ReviewerCase(ReviewAssignment Assignment, CaseStudy CaseStudy, IReadOnlyList<CaseStudyAttachment> Attachments)
{
    /// <summary>The review can be changed: not yet submitted, and the case study is still under review.</summary>
    public bool IsOpen => Assignment.SubmittedAt is null && ReviewerDesk.AcceptsReviews(CaseStudy.Status);
}

/// <summary>
/// What reviewers do: list what is assigned to them (and nothing else), open one assignment, save the rubric as a
/// draft or submit it (all five scores required; a submitted review is final).
/// </summary>
public sealed class ReviewerDesk(EnactDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static bool AcceptsReviews(CaseStudyStatus status) => status is CaseStudyStatus.InReview or CaseStudyStatus.ChangesRequested;

    /// <summary>The reviewer's assignments that were not withdrawn, newest first.</summary>
    public async Task<IReadOnlyList<MyAssignment>> AssignmentsAsync(Guid reviewerId, CancellationToken ct = default)
        => await (from a in db.ReviewAssignments.AsNoTracking()
                  where a.ReviewerId == reviewerId && a.WithdrawnAt == null
                  join c in db.CaseStudies on a.CaseStudyId equals c.Id
                  orderby a.AssignedAt descending
                  select new MyAssignment(a.Id, c.Id, c.TitleAr, c.TitleEn, c.CountryCode, c.Status, a.AssignedAt, a.SubmittedAt))
            .ToListAsync(ct);

    /// <summary>One assignment of this reviewer: Forbidden when it is someone else's, NotFound when unknown or withdrawn.</summary>
    public async Task<(ReviewOutcome Outcome, ReviewerCase? Case)> GetAsync(Guid reviewerId, Guid assignmentId, CancellationToken ct = default)
    {
        var assignment = await db.ReviewAssignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null)
        {
            return (ReviewOutcome.NotFound, null);
        }
        if (assignment.ReviewerId != reviewerId)
        {
            return (ReviewOutcome.Forbidden, null);
        }
        if (assignment.WithdrawnAt is not null)
        {
            return (ReviewOutcome.NotFound, null);
        }
        var caseStudy = await db.CaseStudies.AsNoTracking().Include(c => c.Terms).ThenInclude(t => t.Term).AsSplitQuery()
            .SingleAsync(c => c.Id == assignment.CaseStudyId, ct);
        var attachments = await db.CaseStudyAttachments.AsNoTracking().Where(a => a.CaseStudyId == caseStudy.Id)
            .OrderBy(a => a.Position).ThenBy(a => a.FileName).ToListAsync(ct);
        return (ReviewOutcome.Success, new ReviewerCase(assignment, caseStudy, attachments));
    }

    /// <summary>Saves the rubric; with <paramref name="submit"/> all five scores are required and the review becomes final.</summary>
    public async Task<ReviewOutcome> SaveAsync(AuditActor actor, Guid reviewerId, Guid assignmentId, Guid version, RubricInput input, bool submit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var assignment = await db.ReviewAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null || assignment.WithdrawnAt is not null)
        {
            return ReviewOutcome.NotFound;
        }
        if (assignment.ReviewerId != reviewerId)
        {
            return ReviewOutcome.Forbidden;
        }
        if (assignment.Version != version)
        {
            return ReviewOutcome.Conflict;
        }
        var status = await db.CaseStudies.Where(c => c.Id == assignment.CaseStudyId).Select(c => c.Status).SingleAsync(ct);
        if (assignment.SubmittedAt is not null || !AcceptsReviews(status))
        {
            return ReviewOutcome.NotAllowed("ErrorReviewClosed");
        }
        if (input.Scores.Any(s => s is { } v && (v < ReviewAssignment.MinScore || v > ReviewAssignment.MaxScore)))
        {
            return ReviewOutcome.Invalid("ErrorScoreRange");
        }
        if (submit && input.Scores.Any(s => s is null))
        {
            return ReviewOutcome.Invalid("ErrorScoresRequired");
        }
        var comments = new[] { input.NoveltyComment, input.ResultsComment, input.ReplicabilityComment, input.InclusionComment, input.SustainabilityComment, input.Comment };
        if (comments.Any(c => c?.Length > Rubric.MaxCommentLength))
        {
            return ReviewOutcome.Invalid("ErrorCommentTooLong");
        }

        db.Entry(assignment).Property(a => a.Version).OriginalValue = version;
        assignment.Novelty = input.Novelty;
        assignment.NoveltyComment = Clean(input.NoveltyComment);
        assignment.Results = input.Results;
        assignment.ResultsComment = Clean(input.ResultsComment);
        assignment.Replicability = input.Replicability;
        assignment.ReplicabilityComment = Clean(input.ReplicabilityComment);
        assignment.Inclusion = input.Inclusion;
        assignment.InclusionComment = Clean(input.InclusionComment);
        assignment.Sustainability = input.Sustainability;
        assignment.SustainabilityComment = Clean(input.SustainabilityComment);
        assignment.Comment = Clean(input.Comment);
        if (submit)
        {
            assignment.SubmittedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(actor, "review.submitted", "CaseStudy", assignment.CaseStudyId,
                after: new { assignment = assignment.Id, input.Novelty, input.Results, input.Replicability, input.Inclusion, input.Sustainability });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReviewOutcome.Conflict;
        }
        return ReviewOutcome.Success;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
