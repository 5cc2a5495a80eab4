using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.CaseStudies;
using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enact.Core.Review;

/// <summary>
/// What editors do to submitted case studies: screen, assign and withdraw reviewers, request changes, accept, reject,
/// publish (merging a revision onto its published original) and archive. Each action is one method: it checks the
/// form's version of the case study (a stale form is a conflict), moves the state through <see cref="CaseStudyWorkflow"/>
/// (transition and audit entry), saves everything in one transaction, and after the commit e-mails the owner and
/// co-authors (and an assigned reviewer).
/// </summary>
public sealed partial class ReviewDesk(
    EnactDbContext db,
    CaseStudyWorkflow workflow,
    AuditTrail audit,
    TimeProvider clock,
    IReviewNotifier notifier,
    ILogger<ReviewDesk> logger)
{
    /// <summary>The states a case study can be in while editors work on it (the queue's default view).</summary>
    public static readonly IReadOnlyList<CaseStudyStatus> ActiveStates =
        [CaseStudyStatus.Submitted, CaseStudyStatus.Screening, CaseStudyStatus.InReview, CaseStudyStatus.ChangesRequested, CaseStudyStatus.Accepted];

    /// <summary>Every state the queue can filter on (drafts belong to their owners and are never shown to editors).</summary>
    public static readonly IReadOnlyList<CaseStudyStatus> QueueStates =
        [.. ActiveStates, CaseStudyStatus.Published, CaseStudyStatus.Rejected, CaseStudyStatus.Withdrawn, CaseStudyStatus.Archived];

    /// <summary>The moves an editor decides (the others belong to the owner: submit, answer changes, withdraw).</summary>
    public static readonly IReadOnlySet<CaseStudyStatus> EditorMoves = new HashSet<CaseStudyStatus>
    {
        CaseStudyStatus.Screening, CaseStudyStatus.ChangesRequested, CaseStudyStatus.Accepted,
        CaseStudyStatus.Rejected, CaseStudyStatus.Published, CaseStudyStatus.Archived,
    };

    public const int QueueLimit = 500;

    /// <summary>Reviewers can be assigned or withdrawn while the case study is screened or in review.</summary>
    public static bool CanManageReviewers(CaseStudyStatus status) => status is CaseStudyStatus.Screening or CaseStudyStatus.InReview;

    /// <summary>The decisions an editor can take from <paramref name="status"/>, in the workflow's order.</summary>
    public static IReadOnlyList<CaseStudyStatus> EditorActions(CaseStudyStatus status)
        => CaseStudyWorkflow.NextStates(status).Where(EditorMoves.Contains).ToList();

    /// <summary>The decisions an editor can take on <paramref name="caseStudy"/>: none on a revision already published onto its original.</summary>
    public static IReadOnlyList<CaseStudyStatus> EditorActions(CaseStudy caseStudy)
    {
        ArgumentNullException.ThrowIfNull(caseStudy);
        return caseStudy.MergedAt is not null ? [] : EditorActions(caseStudy.Status);
    }

    public Task<ReviewOutcome> StartScreeningAsync(AuditActor actor, string id, Guid version, CancellationToken ct = default)
        => MoveAsync(actor, id, version, CaseStudyStatus.Screening, null, ct);

    public Task<ReviewOutcome> RequestChangesAsync(AuditActor actor, string id, Guid version, string? reason, CancellationToken ct = default)
        => MoveAsync(actor, id, version, CaseStudyStatus.ChangesRequested, reason, ct);

    public Task<ReviewOutcome> AcceptAsync(AuditActor actor, string id, Guid version, string? reason, CancellationToken ct = default)
        => MoveAsync(actor, id, version, CaseStudyStatus.Accepted, reason, ct);

    public Task<ReviewOutcome> RejectAsync(AuditActor actor, string id, Guid version, string? reason, CancellationToken ct = default)
        => MoveAsync(actor, id, version, CaseStudyStatus.Rejected, reason, ct);

    public Task<ReviewOutcome> ArchiveAsync(AuditActor actor, string id, Guid version, string? reason, CancellationToken ct = default)
        => MoveAsync(actor, id, version, CaseStudyStatus.Archived, reason, ct);

    /// <summary>
    /// Publishes an accepted case study (its first publication adds publication number 1), brings an archived one back,
    /// or, for a revision, copies it onto the published original (fields, terms, attachment links), adds the next
    /// publication number and archives the revision; all in one transaction.
    /// </summary>
    public Task<ReviewOutcome> PublishAsync(AuditActor actor, string id, Guid version, string? reason = null, CancellationToken ct = default)
        => MoveAsync(actor, id, version, CaseStudyStatus.Published, reason, ct);

    private async Task<ReviewOutcome> MoveAsync(AuditActor actor, string id, Guid version, CaseStudyStatus to, string? reason, CancellationToken ct)
    {
        var caseStudy = await db.CaseStudies.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (caseStudy is null || caseStudy.Status == CaseStudyStatus.Draft)
        {
            return ReviewOutcome.NotFound;
        }
        if (caseStudy.Version != version)
        {
            return ReviewOutcome.Conflict;
        }
        if (!EditorActions(caseStudy).Contains(to))
        {
            return ReviewOutcome.NotAllowed();
        }
        if (CaseStudyWorkflow.RequiresReason(to) && string.IsNullOrWhiteSpace(reason))
        {
            return ReviewOutcome.Invalid("ErrorReasonRequired");
        }
        db.Entry(caseStudy).Property(c => c.Version).OriginalValue = version;

        var now = clock.GetUtcNow().UtcDateTime;
        if (to == CaseStudyStatus.Published && caseStudy.RevisionOfId is { } originalId)
        {
            if (caseStudy.Status != CaseStudyStatus.Accepted)
            {
                return ReviewOutcome.NotAllowed();
            }
            var original = await db.CaseStudies.Include(c => c.Terms).SingleOrDefaultAsync(c => c.Id == originalId, ct);
            if (original is null || original.Status != CaseStudyStatus.Published)
            {
                return ReviewOutcome.NotAllowed("ErrorOriginalNotPublished");
            }
            await MergeAsync(actor, caseStudy, original, now, ct);
        }
        else
        {
            var first = caseStudy.Status == CaseStudyStatus.Accepted && caseStudy.PublishedAt is null;
            workflow.Apply(caseStudy, to, actor, reason);
            if (to == CaseStudyStatus.Published && first)
            {
                db.CaseStudyPublications.Add(new CaseStudyPublication
                {
                    CaseStudyId = caseStudy.Id,
                    Number = await NextPublicationNumberAsync(caseStudy.Id, ct),
                    PublishedAt = now,
                    PublishedById = actor.UserId,
                });
            }
        }

        if (!await SaveAsync(ct))
        {
            return ReviewOutcome.Conflict;
        }
        LogMoved(logger, id, to);
        await NotifyOwnersAsync(caseStudy, to, reason, ct);
        return ReviewOutcome.Success;
    }

    private async Task MergeAsync(AuditActor actor, CaseStudy revision, CaseStudy original, DateTime now, CancellationToken ct)
    {
        var originalVersion = original.Version;
        RevisionMerge.CopyFields(revision, original);

        // Terms: the original's links become the revision's.
        var revisionTerms = await db.CaseStudyTerms.AsNoTracking().Where(t => t.CaseStudyId == revision.Id).Select(t => t.TermId).ToListAsync(ct);
        foreach (var term in original.Terms.Where(t => !revisionTerms.Contains(t.TermId)).ToList())
        {
            original.Terms.Remove(term);
        }
        foreach (var termId in revisionTerms.Where(t => !original.Terms.Exists(o => o.TermId == t)))
        {
            original.Terms.Add(new CaseStudyTerm { CaseStudyId = original.Id, TermId = termId });
        }

        // Attachments: the original links the revision's files (the stored bytes are shared, not copied).
        db.CaseStudyAttachments.RemoveRange(await db.CaseStudyAttachments.Where(a => a.CaseStudyId == original.Id).ToListAsync(ct));
        var attachments = await db.CaseStudyAttachments.AsNoTracking().Where(a => a.CaseStudyId == revision.Id).ToListAsync(ct);
        db.CaseStudyAttachments.AddRange(attachments.Select(a => RevisionMerge.CopyAttachment(a, original.Id)));

        // Imported case studies have no publication rows: their first publication is recorded before this one.
        var number = await NextPublicationNumberAsync(original.Id, ct);
        if (number == 1 && original.PublishedAt is { } firstPublished)
        {
            db.CaseStudyPublications.Add(new CaseStudyPublication { CaseStudyId = original.Id, Number = 1, PublishedAt = firstPublished });
            number = 2;
        }
        db.CaseStudyPublications.Add(new CaseStudyPublication
        {
            CaseStudyId = original.Id,
            Number = number,
            PublishedAt = now,
            PublishedById = actor.UserId,
            RevisionId = revision.Id,
        });
        workflow.ApplyMerge(revision, original, actor);
        // The original must not have changed meanwhile either (another revision published at the same time).
        db.Entry(original).Property(c => c.Version).OriginalValue = originalVersion;
    }

    private async Task<int> NextPublicationNumberAsync(string caseStudyId, CancellationToken ct)
        => (await db.CaseStudyPublications.Where(p => p.CaseStudyId == caseStudyId).MaxAsync(p => (int?)p.Number, ct) ?? 0) + 1;

    /// <summary>Assigns a reviewer (an account with the Reviewer role); from screening this starts the review.</summary>
    public async Task<ReviewOutcome> AssignReviewerAsync(AuditActor actor, string id, Guid version, Guid reviewerId, CancellationToken ct = default)
    {
        var caseStudy = await db.CaseStudies.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (caseStudy is null || caseStudy.Status == CaseStudyStatus.Draft)
        {
            return ReviewOutcome.NotFound;
        }
        if (caseStudy.Version != version)
        {
            return ReviewOutcome.Conflict;
        }
        if (!CanManageReviewers(caseStudy.Status))
        {
            return ReviewOutcome.NotAllowed();
        }
        var reviewer = await ReviewerQuery().Where(u => u.Id == reviewerId).SingleOrDefaultAsync(ct);
        if (reviewer is null)
        {
            return ReviewOutcome.Invalid("ErrorNotAReviewer");
        }
        if (caseStudy.OwnerId == reviewerId)
        {
            return ReviewOutcome.Invalid("ErrorReviewerIsOwner");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var assignment = await db.ReviewAssignments.SingleOrDefaultAsync(a => a.CaseStudyId == id && a.ReviewerId == reviewerId, ct);
        if (assignment is { WithdrawnAt: null })
        {
            return ReviewOutcome.Invalid("ErrorAlreadyAssigned");
        }
        if (assignment is null)
        {
            assignment = new ReviewAssignment { Id = Guid.NewGuid(), CaseStudyId = id, ReviewerId = reviewerId };
            db.ReviewAssignments.Add(assignment);
        }
        assignment.AssignedAt = now;
        assignment.AssignedById = actor.UserId;
        assignment.WithdrawnAt = null;

        db.Entry(caseStudy).Property(c => c.Version).OriginalValue = version;
        var moved = caseStudy.Status == CaseStudyStatus.Screening;
        if (moved)
        {
            workflow.Apply(caseStudy, CaseStudyStatus.InReview, actor);
        }
        else
        {
            // Renews the version, so a form shown before this assignment is stale.
            caseStudy.UpdatedAt = now;
        }
        audit.Record(actor, "review.assigned", "CaseStudy", id, after: new { assignment = assignment.Id, reviewer = reviewerId, reviewer.Email });
        if (!await SaveAsync(ct))
        {
            return ReviewOutcome.Conflict;
        }

        await SendAsync(() => notifier.ReviewerAssignedAsync(new AssignmentNotice(
            reviewer.Email!, reviewer.DisplayName, Language(reviewer.PreferredLanguage), assignment.Id, id, Title(caseStudy, reviewer.PreferredLanguage)), ct));
        if (moved)
        {
            await NotifyOwnersAsync(caseStudy, CaseStudyStatus.InReview, null, ct);
        }
        return ReviewOutcome.Success;
    }

    /// <summary>Withdraws an assignment: the reviewer no longer sees the case study; a review they submitted stays on record.</summary>
    public async Task<ReviewOutcome> WithdrawReviewerAsync(AuditActor actor, string id, Guid version, Guid assignmentId, CancellationToken ct = default)
    {
        var caseStudy = await db.CaseStudies.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (caseStudy is null || caseStudy.Status == CaseStudyStatus.Draft)
        {
            return ReviewOutcome.NotFound;
        }
        if (caseStudy.Version != version)
        {
            return ReviewOutcome.Conflict;
        }
        if (!CanManageReviewers(caseStudy.Status))
        {
            return ReviewOutcome.NotAllowed();
        }
        var assignment = await db.ReviewAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.CaseStudyId == id && a.WithdrawnAt == null, ct);
        if (assignment is null)
        {
            return ReviewOutcome.NotFound;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        assignment.WithdrawnAt = now;
        db.Entry(caseStudy).Property(c => c.Version).OriginalValue = version;
        caseStudy.UpdatedAt = now;
        audit.Record(actor, "review.withdrawn", "CaseStudy", id, after: new { assignment = assignment.Id, reviewer = assignment.ReviewerId });
        return await SaveAsync(ct) ? ReviewOutcome.Success : ReviewOutcome.Conflict;
    }

    /// <summary>Accounts that can be assigned: active, with the Reviewer role.</summary>
    public async Task<IReadOnlyList<ReviewerOption>> ReviewersAsync(CancellationToken ct = default)
        => await ReviewerQuery().OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new ReviewerOption(u.Id, u.DisplayName, u.Email!)).ToListAsync(ct);

    private IQueryable<EnactUser> ReviewerQuery()
        => from u in db.Users.AsNoTracking()
           where u.IsActive && u.Email != null
               && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Reviewer))
           select u;

    /// <summary>The editors' queue: case studies in the chosen states (default: those being worked on), with counts per state under the other filters.</summary>
    public async Task<ReviewQueueView> QueueAsync(ReviewQueueFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var scoped = db.CaseStudies.AsNoTracking().Where(c => c.Status != CaseStudyStatus.Draft);
        if (filter.CallId is { } callId)
        {
            scoped = scoped.Where(c => c.CallId == callId);
        }
        if (!string.IsNullOrEmpty(filter.Country))
        {
            scoped = scoped.Where(c => c.CountryCode == filter.Country);
        }
        var counts = await scoped.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var states = filter.States.Count > 0 ? filter.States : ActiveStates;
        var items = await scoped.Where(c => states.Contains(c.Status))
            .OrderBy(c => c.SubmittedAt ?? c.UpdatedAt).ThenBy(c => c.Id)
            .Take(QueueLimit)
            .Select(c => new ReviewQueueItem(
                c.Id, c.TitleAr, c.TitleEn, c.CountryCode, c.CallId, c.Status, c.SubmittedAt, c.UpdatedAt, c.RevisionOfId,
                db.ReviewAssignments.Count(a => a.CaseStudyId == c.Id && a.WithdrawnAt == null),
                db.ReviewAssignments.Count(a => a.CaseStudyId == c.Id && a.WithdrawnAt == null && a.SubmittedAt != null)))
            .ToListAsync(ct);
        var calls = await db.SubmissionCalls.AsNoTracking().OrderByDescending(c => c.OpensAt)
            .Select(c => new CallOption(c.Id, c.TitleAr, c.TitleEn)).ToListAsync(ct);
        return new ReviewQueueView(
            items,
            QueueStates.ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0),
            calls);
    }

    /// <summary>Everything editors see of one case study (null for drafts and unknown ids).</summary>
    public async Task<ReviewCase?> GetCaseAsync(string id, CancellationToken ct = default)
    {
        var caseStudy = await db.CaseStudies.AsNoTracking().Include(c => c.Terms).ThenInclude(t => t.Term)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id && c.Status != CaseStudyStatus.Draft, ct);
        if (caseStudy is null)
        {
            return null;
        }
        var attachments = await db.CaseStudyAttachments.AsNoTracking().Where(a => a.CaseStudyId == id)
            .OrderBy(a => a.Position).ThenBy(a => a.FileName).ToListAsync(ct);
        var transitions = await (from t in db.CaseStudyTransitions.AsNoTracking()
                                 where t.CaseStudyId == id
                                 join u in db.Users on t.ActorId equals u.Id into us
                                 from u in us.DefaultIfEmpty()
                                 orderby t.At, t.Id
                                 select new TransitionView(t.From, t.To, t.At, u == null ? null : u.DisplayName, t.Reason)).ToListAsync(ct);
        var assignments = await (from a in db.ReviewAssignments.AsNoTracking()
                                 where a.CaseStudyId == id
                                 join u in db.Users on a.ReviewerId equals u.Id
                                 orderby a.AssignedAt
                                 select new AssignmentView(a, u.DisplayName, u.Email!)).ToListAsync(ct);
        var publications = await db.CaseStudyPublications.AsNoTracking().Where(p => p.CaseStudyId == id).OrderBy(p => p.Number).ToListAsync(ct);
        var owner = caseStudy.OwnerId is { } ownerId
            ? await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => new PersonView(u.DisplayName, u.Email!)).SingleOrDefaultAsync(ct)
            : null;
        var coAuthors = await db.CaseStudyCoAuthors.AsNoTracking().Where(a => a.CaseStudyId == id).OrderBy(a => a.Email).Select(a => a.Email).ToListAsync(ct);
        string? callTitleAr = null, callTitleEn = null;
        if (caseStudy.CallId is { } callId)
        {
            var call = await db.SubmissionCalls.AsNoTracking().Where(c => c.Id == callId).Select(c => new { c.TitleAr, c.TitleEn }).SingleOrDefaultAsync(ct);
            (callTitleAr, callTitleEn) = (call?.TitleAr, call?.TitleEn);
        }
        return new ReviewCase(caseStudy, attachments, transitions, assignments, publications, owner, coAuthors, callTitleAr, callTitleEn);
    }

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // Two publications numbered at once, or the same reviewer assigned twice at once.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e)
        => e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }
            || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    /// <summary>Tells the owner and co-authors (each once, in their language) where the case study now stands.</summary>
    private async Task NotifyOwnersAsync(CaseStudy caseStudy, CaseStudyStatus status, string? reason, CancellationToken ct)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        foreach (var notice in await RecipientsAsync(caseStudy, status, reason, ct))
        {
            await SendAsync(() => notifier.StatusChangedAsync(notice, ct));
        }
    }

    private async Task<List<StatusNotice>> RecipientsAsync(CaseStudy caseStudy, CaseStudyStatus status, string? reason, CancellationToken ct)
    {
        var notices = new List<StatusNotice>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (caseStudy.OwnerId is { } ownerId)
        {
            var owner = await db.Users.AsNoTracking().Where(u => u.Id == ownerId && u.Email != null)
                .Select(u => new { u.Email, u.DisplayName, u.PreferredLanguage }).SingleOrDefaultAsync(ct);
            if (owner is not null && seen.Add(owner.Email!))
            {
                notices.Add(new StatusNotice(owner.Email!, owner.DisplayName, Language(owner.PreferredLanguage), caseStudy.Id,
                    Title(caseStudy, owner.PreferredLanguage), status, reason));
            }
        }
        var coAuthors = await (from a in db.CaseStudyCoAuthors.AsNoTracking()
                               where a.CaseStudyId == caseStudy.Id
                               join u in db.Users on a.NormalizedEmail equals u.NormalizedEmail into us
                               from u in us.DefaultIfEmpty()
                               orderby a.Email
                               select new { a.Email, Name = u == null ? null : u.DisplayName, Language = u == null ? null : u.PreferredLanguage })
            .ToListAsync(ct);
        foreach (var c in coAuthors.Where(c => seen.Add(c.Email)))
        {
            var language = Language(c.Language ?? caseStudy.OriginalLanguage);
            notices.Add(new StatusNotice(c.Email, c.Name ?? c.Email, language, caseStudy.Id, Title(caseStudy, language), status, reason));
        }
        return notices;
    }

    private async Task SendAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
#pragma warning disable CA1031 // The decision is saved: a mail server failure is logged, never shown as a failed action.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogMailFailed(logger, e);
        }
    }

    private static string Language(string? language) => language == "en" ? "en" : "ar";

    private static string? Title(CaseStudy c, string? language)
        => language == "en" ? c.TitleEn ?? c.TitleAr : c.TitleAr ?? c.TitleEn;

    [LoggerMessage(Level = LogLevel.Information, Message = "Case study {CaseStudyId} moved to {Status}")]
    private static partial void LogMoved(ILogger logger, string caseStudyId, CaseStudyStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A review e-mail could not be sent")]
    private static partial void LogMailFailed(ILogger logger, Exception exception);
}

public sealed record ReviewerOption(Guid Id, string Name, string Email);

public sealed record CallOption(int Id, string TitleAr, string TitleEn);

public sealed record PersonView(string Name, string Email);

public sealed class ReviewQueueFilter
{
    public IReadOnlyList<CaseStudyStatus> States { get; init; } = [];
    public int? CallId { get; init; }
    public string? Country { get; init; }
}

public sealed record ReviewQueueItem(
    string Id,
    string? TitleAr,
    string? TitleEn,
    string CountryCode,
    int? CallId,
    CaseStudyStatus Status,
    DateTime? SubmittedAt,
    DateTime UpdatedAt,
    string? RevisionOfId,
    int Reviewers,
    int Reviews);

public sealed record ReviewQueueView(IReadOnlyList<ReviewQueueItem> Items, IReadOnlyDictionary<CaseStudyStatus, int> Counts, IReadOnlyList<CallOption> Calls);

public sealed record TransitionView(CaseStudyStatus? From, CaseStudyStatus To, DateTime At, string? Actor, string? Reason);

public sealed record AssignmentView(ReviewAssignment Assignment, string ReviewerName, string ReviewerEmail)
{
    /// <summary>The average of the five scores of a submitted review.</summary>
    public double? Average => Rubric.Average(Assignment);
}

/// <summary>One case study as editors see it.</summary>
public sealed record ReviewCase(
    CaseStudy CaseStudy,
    IReadOnlyList<CaseStudyAttachment> Attachments,
    IReadOnlyList<TransitionView> Transitions,
    IReadOnlyList<AssignmentView> Assignments,
    IReadOnlyList<CaseStudyPublication> Publications,
    PersonView? Owner,
    IReadOnlyList<string> CoAuthors,
    string? CallTitleAr,
    string? CallTitleEn);
