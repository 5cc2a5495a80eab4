using Enact.Core.Audit;
using Enact.Core.CaseStudies;
using Enact.Core.Data;

namespace Enact.Core.Review;

/// <summary>
/// The one place that moves a case study between states. It checks that the move is allowed, sets the status and
/// its dates, and adds the transition and the audit entry to the caller's DbContext, so they are saved in the same
/// transaction as the change. It does not save and does not send e-mail: the calling service does both.
/// </summary>
/// <remarks>
/// draft → submitted → screening → in review ⇄ changes requested → accepted → published; screening can also ask for
/// changes; an editor can reject from screening or review; the owner can withdraw before acceptance; a published case
/// study can be archived and brought back.
/// </remarks>
public sealed class CaseStudyWorkflow(EnactDbContext db, AuditTrail audit, TimeProvider clock)
{
    private static readonly Dictionary<CaseStudyStatus, CaseStudyStatus[]> Allowed = new()
    {
        [CaseStudyStatus.Draft] = [CaseStudyStatus.Submitted, CaseStudyStatus.Withdrawn],
        [CaseStudyStatus.Submitted] = [CaseStudyStatus.Screening, CaseStudyStatus.Withdrawn],
        [CaseStudyStatus.Screening] = [CaseStudyStatus.InReview, CaseStudyStatus.ChangesRequested, CaseStudyStatus.Rejected, CaseStudyStatus.Withdrawn],
        [CaseStudyStatus.InReview] = [CaseStudyStatus.ChangesRequested, CaseStudyStatus.Accepted, CaseStudyStatus.Rejected, CaseStudyStatus.Withdrawn],
        [CaseStudyStatus.ChangesRequested] = [CaseStudyStatus.InReview, CaseStudyStatus.Withdrawn],
        [CaseStudyStatus.Accepted] = [CaseStudyStatus.Published, CaseStudyStatus.ChangesRequested],
        [CaseStudyStatus.Published] = [CaseStudyStatus.Archived],
        [CaseStudyStatus.Archived] = [CaseStudyStatus.Published],
        [CaseStudyStatus.Rejected] = [],
        [CaseStudyStatus.Withdrawn] = [],
    };

    /// <summary>Decisions an editor must explain.</summary>
    private static readonly HashSet<CaseStudyStatus> NeedReason =
        [CaseStudyStatus.ChangesRequested, CaseStudyStatus.Accepted, CaseStudyStatus.Rejected, CaseStudyStatus.Archived];

    public static bool IsAllowed(CaseStudyStatus from, CaseStudyStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<CaseStudyStatus> NextStates(CaseStudyStatus from) => Allowed[from];

    public static bool RequiresReason(CaseStudyStatus to) => NeedReason.Contains(to);

    /// <summary>
    /// Moves <paramref name="caseStudy"/> (tracked by the same context) to <paramref name="to"/>. Throws
    /// <see cref="InvalidOperationException"/> for a move the workflow does not allow or a missing reason: callers check
    /// <see cref="IsAllowed"/> and <see cref="RequiresReason"/> first and show people a message.
    /// </summary>
    public CaseStudyTransition Apply(CaseStudy caseStudy, CaseStudyStatus to, AuditActor actor, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(caseStudy);
        ArgumentNullException.ThrowIfNull(actor);
        var from = caseStudy.Status;
        if (!IsAllowed(from, to))
        {
            throw new InvalidOperationException($"A case study cannot go from {from} to {to}.");
        }
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is null && RequiresReason(to))
        {
            throw new InvalidOperationException($"Moving a case study to {to} needs a reason.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        caseStudy.Status = to;
        caseStudy.UpdatedAt = now;
        if (to == CaseStudyStatus.Submitted)
        {
            caseStudy.SubmittedAt = now;
        }
        if (to == CaseStudyStatus.Published && caseStudy.PublishedAt is null)
        {
            caseStudy.PublishedAt = now;
        }

        var transition = new CaseStudyTransition
        {
            CaseStudyId = caseStudy.Id,
            From = from,
            To = to,
            At = now,
            ActorId = actor.UserId,
            Reason = reason,
        };
        db.CaseStudyTransitions.Add(transition);
        audit.Record(actor, "case-study." + StatusCode(to), "CaseStudy", caseStudy.Id,
            new { status = StatusCode(from) }, new { status = StatusCode(to), reason });
        return transition;
    }

    /// <summary>
    /// Publishes an accepted <paramref name="revision"/> onto its published <paramref name="original"/> (the caller copies
    /// the content in the same transaction): the original stays published and records a publication step, and the revision
    /// is archived with <see cref="CaseStudy.MergedAt"/> set, so it never shows anywhere public. Throws
    /// <see cref="InvalidOperationException"/> when the revision is not accepted or the original not published.
    /// </summary>
    public void ApplyMerge(CaseStudy revision, CaseStudy original, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(actor);
        if (!string.Equals(revision.RevisionOfId, original.Id, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{revision.Id} is not a revision of {original.Id}.");
        }
        if (revision.Status != CaseStudyStatus.Accepted || original.Status != CaseStudyStatus.Published)
        {
            throw new InvalidOperationException($"A revision in {revision.Status} cannot be published onto a case study in {original.Status}.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        revision.Status = CaseStudyStatus.Archived;
        revision.MergedAt = now;
        revision.UpdatedAt = now;
        original.UpdatedAt = now;
        db.CaseStudyTransitions.Add(new CaseStudyTransition
        {
            CaseStudyId = revision.Id,
            From = CaseStudyStatus.Accepted,
            To = CaseStudyStatus.Archived,
            At = now,
            ActorId = actor.UserId,
        });
        db.CaseStudyTransitions.Add(new CaseStudyTransition
        {
            CaseStudyId = original.Id,
            From = CaseStudyStatus.Published,
            To = CaseStudyStatus.Published,
            At = now,
            ActorId = actor.UserId,
        });
        audit.Record(actor, "case-study.revision-merged", "CaseStudy", revision.Id,
            new { status = StatusCode(CaseStudyStatus.Accepted) }, new { status = StatusCode(CaseStudyStatus.Archived), mergedInto = original.Id });
        audit.Record(actor, "case-study.published", "CaseStudy", original.Id,
            new { status = StatusCode(CaseStudyStatus.Published) }, new { status = StatusCode(CaseStudyStatus.Published), revision = revision.Id });
    }

    /// <summary>The status as written in URLs, audit entries and resource keys: <c>changes-requested</c>.</summary>
    public static string StatusCode(CaseStudyStatus status) => status switch
    {
        CaseStudyStatus.InReview => "in-review",
        CaseStudyStatus.ChangesRequested => "changes-requested",
        _ => status.ToString().ToLowerInvariant(),
    };
}
