using Enact.Core.CaseStudies;

namespace Enact.Core.Review;

/// <summary>A case study moved to a new state: one person (owner or co-author) to tell, in their language.</summary>
public sealed record StatusNotice(
    string To,
    string Name,
    string Language,
    string CaseStudyId,
    string? Title,
    CaseStudyStatus Status,
    string? Reason);

/// <summary>A reviewer was assigned a case study.</summary>
public sealed record AssignmentNotice(
    string To,
    string Name,
    string Language,
    Guid AssignmentId,
    string CaseStudyId,
    string? Title);

/// <summary>
/// Sends the review e-mails (composed and localized by the web layer, which knows the texts and the site's address).
/// <see cref="ReviewDesk"/> calls it after its transaction committed.
/// </summary>
public interface IReviewNotifier
{
    Task StatusChangedAsync(StatusNotice notice, CancellationToken cancellationToken = default);

    Task ReviewerAssignedAsync(AssignmentNotice notice, CancellationToken cancellationToken = default);
}

/// <summary>The result of a review action: success, or the reason it was refused (a key of the review texts).</summary>
public sealed record ReviewOutcome(ReviewResult Result, string? Error = null)
{
    public bool Succeeded => Result == ReviewResult.Succeeded;

    public static readonly ReviewOutcome Success = new(ReviewResult.Succeeded);
    public static readonly ReviewOutcome NotFound = new(ReviewResult.NotFound, "ErrorNotFound");
    public static readonly ReviewOutcome Conflict = new(ReviewResult.Conflict, "ErrorConflict");
    public static readonly ReviewOutcome Forbidden = new(ReviewResult.Forbidden, "ErrorForbidden");

    public static ReviewOutcome NotAllowed(string error = "ErrorNotAllowed") => new(ReviewResult.NotAllowed, error);

    public static ReviewOutcome Invalid(string error) => new(ReviewResult.Invalid, error);
}

public enum ReviewResult
{
    Succeeded,
    NotFound,
    /// <summary>The case study (or review) changed since the form was shown.</summary>
    Conflict,
    /// <summary>The action is not allowed from the current state.</summary>
    NotAllowed,
    /// <summary>A business rule refused the input (missing reason, unknown reviewer, incomplete rubric).</summary>
    Invalid,
    /// <summary>The person may not act on this (e.g. someone else's assignment).</summary>
    Forbidden,
}
