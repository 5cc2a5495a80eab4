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

    /// <summary>The status as written in URLs, audit entries and resource keys: <c>changes-requested</c>.</summary>
    public static string StatusCode(CaseStudyStatus status) => status switch
    {
        CaseStudyStatus.InReview => "in-review",
        CaseStudyStatus.ChangesRequested => "changes-requested",
        _ => status.ToString().ToLowerInvariant(),
    };
}
