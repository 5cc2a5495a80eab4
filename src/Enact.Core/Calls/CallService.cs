using Enact.Core.Audit;
using Enact.Core.CaseStudies;
using Enact.Core.Data;
using Enact.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enact.Core.Calls;

/// <summary>A call as the editor writes it: opening and closing are local date-times in <see cref="TimeZone"/>.</summary>
public sealed record CallInput(
    string? TitleAr,
    string? TitleEn,
    string? DescriptionAr,
    string? DescriptionEn,
    DateTime OpensLocal,
    DateTime ClosesLocal,
    string? TimeZone);

/// <summary>A business-rule error: the input field it belongs to (empty for the whole form) and the key of its message.</summary>
public sealed record CallError(string Field, string Key);

public enum CallOutcomeKind
{
    Success,
    Invalid,
    Conflict,
    NotFound,
}

public sealed record CallOutcome(CallOutcomeKind Kind, IReadOnlyList<CallError> Errors, int? Id = null)
{
    public bool Succeeded => Kind == CallOutcomeKind.Success;
    public static CallOutcome Ok(int id) => new(CallOutcomeKind.Success, [], id);
    public static CallOutcome Invalid(IReadOnlyList<CallError> errors) => new(CallOutcomeKind.Invalid, errors);
    public static readonly CallOutcome Conflict = new(CallOutcomeKind.Conflict, []);
    public static readonly CallOutcome NotFound = new(CallOutcomeKind.NotFound, []);
}

/// <summary>One submission answering a call, as editors see it in the call's list.</summary>
public sealed record CallSubmission(
    string Id,
    string? TitleAr,
    string? TitleEn,
    string? OwnerName,
    string? OwnerEmail,
    CaseStudyStatus Status,
    DateTime? ExtendedUntil,
    DateTime? SubmittedAt)
{
    /// <summary>Drafts and submissions sent back for changes: the ones a deadline (or an extension) still matters to.</summary>
    public bool IsUnfinished => Status is CaseStudyStatus.Draft or CaseStudyStatus.ChangesRequested;
}

/// <summary>
/// Calls for submissions: editors create and edit them, anyone lists and reads them, editors grant one submission an
/// extension. Each change runs in one transaction with its audit entry; edits are checked against the version the
/// editor saw.
/// </summary>
public sealed partial class CallService(
    EnactDbContext db,
    AuditTrail audit,
    TimeProvider clock,
    IMailSender mail,
    ICallMessages messages,
    ILogger<CallService> logger)
{
    public const int MaxDescriptionLength = 20_000;
    public const int MaxReasonLength = 1_000;

    public async Task<IReadOnlyList<SubmissionCall>> ListAsync(CancellationToken ct = default)
        => await db.SubmissionCalls.AsNoTracking().OrderByDescending(c => c.ClosesAt).ThenBy(c => c.Id).ToListAsync(ct);

    public async Task<SubmissionCall?> FindAsync(int id, CancellationToken ct = default)
        => await db.SubmissionCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    public async Task<CallOutcome> CreateAsync(AuditActor actor, CallInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var (values, errors) = Validate(input);
        if (values is null)
        {
            return CallOutcome.Invalid(errors);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var call = new SubmissionCall
        {
            TitleAr = values.TitleAr,
            TitleEn = values.TitleEn,
            TimeZone = values.TimeZone,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedById = actor.UserId,
        };
        values.ApplyTo(call);
        db.SubmissionCalls.Add(call);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, "call.created", nameof(SubmissionCall), call.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), after: Snapshot(call));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogCreated(logger, call.Id);
        return CallOutcome.Ok(call.Id);
    }

    /// <summary>Saves the editor's changes unless someone else saved the call since <paramref name="version"/>.</summary>
    public async Task<CallOutcome> UpdateAsync(AuditActor actor, int id, Guid version, CallInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var call = await db.SubmissionCalls.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return CallOutcome.NotFound;
        }
        if (call.Version != version)
        {
            return CallOutcome.Conflict;
        }
        var (values, errors) = Validate(input);
        if (values is null)
        {
            return CallOutcome.Invalid(errors);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = Snapshot(call);
        values.ApplyTo(call);
        audit.Record(actor, "call.updated", nameof(SubmissionCall), id.ToString(System.Globalization.CultureInfo.InvariantCulture), before, Snapshot(call));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between our read and our write: the version in the WHERE clause no longer matched.
            return CallOutcome.Conflict;
        }
        await tx.CommitAsync(ct);
        return CallOutcome.Ok(id);
    }

    /// <summary>The submissions answering a call, with their owners, oldest first; null when the call does not exist.</summary>
    public async Task<IReadOnlyList<CallSubmission>?> SubmissionsAsync(int callId, CancellationToken ct = default)
    {
        if (!await db.SubmissionCalls.AnyAsync(c => c.Id == callId, ct))
        {
            return null;
        }
        var rows = await (from cs in db.CaseStudies.AsNoTracking()
                          where cs.CallId == callId && cs.RevisionOfId == null
                          join u in db.Users on cs.OwnerId equals u.Id into owners
                          from owner in owners.DefaultIfEmpty()
                          orderby cs.CreatedAt, cs.Id
                          select new CallSubmission(cs.Id, cs.TitleAr, cs.TitleEn, owner.DisplayName, owner.Email, cs.Status, cs.ExtendedUntil, cs.SubmittedAt))
            .ToListAsync(ct);
        return rows.Select(r => r with
        {
            ExtendedUntil = r.ExtendedUntil is { } x ? CallTime.AsUtc(x) : null,
            SubmittedAt = r.SubmittedAt is { } s ? CallTime.AsUtc(s) : null,
        }).ToList();
    }

    /// <summary>
    /// Lets one unfinished submission be submitted until <paramref name="untilLocal"/> (read in the call's zone), after
    /// the call's deadline. <paramref name="seenExtension"/> is the extension the editor saw: if another editor changed it
    /// meanwhile, nothing is saved and the outcome is a conflict. The owner is told by e-mail in their language.
    /// </summary>
    /// <remarks>
    /// Only <see cref="CaseStudy.ExtendedUntil"/> changes, with a compare-and-set update: the case study's version is not
    /// renewed, so an owner editing the draft at the same moment does not get a conflict for a field they never edit.
    /// </remarks>
    public async Task<CallOutcome> GrantExtensionAsync(
        AuditActor actor, int callId, string caseStudyId, DateTime? seenExtension, DateTime untilLocal, string? reason, string baseUrl,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var call = await db.SubmissionCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
        var target = call is null ? null : await db.CaseStudies.AsNoTracking()
            .Where(c => c.Id == caseStudyId && c.CallId == callId)
            .Select(c => new { c.Id, c.Status, c.ExtendedUntil, c.OwnerId, c.TitleAr, c.TitleEn })
            .FirstOrDefaultAsync(ct);
        if (call is null || target is null)
        {
            return CallOutcome.NotFound;
        }
        var current = target.ExtendedUntil is { } e ? CallTime.AsUtc(e) : (DateTime?)null;
        if (current != seenExtension)
        {
            return CallOutcome.Conflict;
        }

        var errors = new List<CallError>();
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is null)
        {
            errors.Add(new("Reason", "Required"));
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors.Add(new("Reason", "ReasonTooLong"));
        }
        if (target.Status is not (CaseStudyStatus.Draft or CaseStudyStatus.ChangesRequested))
        {
            errors.Add(new("", "ExtensionNotUnfinished"));
        }
        var zone = CallTime.FindZone(call.TimeZone) ?? TimeZoneInfo.Utc;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!CallTime.TryToUtc(untilLocal, zone, AmbiguousTime.Later, out var until))
        {
            errors.Add(new("ExtendedUntil", "LocalTimeSkipped"));
        }
        else if (until <= CallTime.AsUtc(call.ClosesAt))
        {
            errors.Add(new("ExtendedUntil", "ExtensionBeforeDeadline"));
        }
        else if (until <= now)
        {
            errors.Add(new("ExtendedUntil", "ExtensionInPast"));
        }
        if (errors.Count > 0)
        {
            return CallOutcome.Invalid(errors);
        }

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var changed = await db.CaseStudies
                .Where(c => c.Id == caseStudyId && c.CallId == callId && c.ExtendedUntil == seenExtension)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ExtendedUntil, until), ct);
            if (changed == 0)
            {
                return CallOutcome.Conflict;
            }
            audit.Record(actor, "case-study.extension-granted", nameof(CaseStudy), caseStudyId,
                new { extendedUntil = current }, new { callId, extendedUntil = until, reason });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        LogExtended(logger, caseStudyId, callId);

        var owner = target.OwnerId is { } ownerId
            ? await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => new { u.Email, u.DisplayName, u.PreferredLanguage }).FirstOrDefaultAsync(ct)
            : null;
        if (owner?.Email is { } email)
        {
            var language = CallLinks.LanguageOf(owner.PreferredLanguage);
            var title = language == "en" ? target.TitleEn ?? target.TitleAr : target.TitleAr ?? target.TitleEn;
            var facts = new CallMailFacts(email, owner.DisplayName, language, call, caseStudyId, title, CallLinks.Draft(baseUrl, language, caseStudyId));
            await mail.SendAsync(messages.Extension(facts, until, reason!), ct);
        }
        return CallOutcome.Ok(callId);
    }

    private sealed record Values(string TitleAr, string TitleEn, string? DescriptionAr, string? DescriptionEn, DateTime OpensAt, DateTime ClosesAt, string TimeZone)
    {
        public void ApplyTo(SubmissionCall call)
        {
            call.TitleAr = TitleAr;
            call.TitleEn = TitleEn;
            call.DescriptionAr = DescriptionAr;
            call.DescriptionEn = DescriptionEn;
            call.OpensAt = OpensAt;
            call.ClosesAt = ClosesAt;
            call.TimeZone = TimeZone;
        }
    }

    private static (Values? Values, List<CallError> Errors) Validate(CallInput input)
    {
        var errors = new List<CallError>();
        var titleAr = Clean(input.TitleAr);
        var titleEn = Clean(input.TitleEn);
        var descriptionAr = Clean(input.DescriptionAr);
        var descriptionEn = Clean(input.DescriptionEn);
        CheckText(errors, "TitleAr", titleAr, SubmissionCall.MaxTitleLength, required: true);
        CheckText(errors, "TitleEn", titleEn, SubmissionCall.MaxTitleLength, required: true);
        CheckText(errors, "DescriptionAr", descriptionAr, MaxDescriptionLength, required: false);
        CheckText(errors, "DescriptionEn", descriptionEn, MaxDescriptionLength, required: false);

        var zone = CallTime.FindZone(input.TimeZone);
        DateTime opens = default, closes = default;
        if (zone is null)
        {
            errors.Add(new("TimeZone", "TimeZoneInvalid"));
        }
        else
        {
            var opensOk = CallTime.TryToUtc(input.OpensLocal, zone, AmbiguousTime.Earlier, out opens);
            var closesOk = CallTime.TryToUtc(input.ClosesLocal, zone, AmbiguousTime.Later, out closes);
            if (!opensOk)
            {
                errors.Add(new("OpensAt", "LocalTimeSkipped"));
            }
            if (!closesOk)
            {
                errors.Add(new("ClosesAt", "LocalTimeSkipped"));
            }
            if (opensOk && closesOk && closes <= opens)
            {
                errors.Add(new("ClosesAt", "ClosesBeforeOpens"));
            }
        }
        return errors.Count > 0
            ? (null, errors)
            : (new Values(titleAr!, titleEn!, descriptionAr, descriptionEn, opens, closes, zone!.Id), errors);
    }

    private static void CheckText(List<CallError> errors, string field, string? value, int max, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(new(field, "Required"));
            }
        }
        else if (value.Length > max)
        {
            errors.Add(new(field, "MaxLength"));
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static object Snapshot(SubmissionCall c) => new
    {
        c.TitleAr,
        c.TitleEn,
        c.DescriptionAr,
        c.DescriptionEn,
        OpensAt = CallTime.AsUtc(c.OpensAt),
        ClosesAt = CallTime.AsUtc(c.ClosesAt),
        c.TimeZone,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} created")]
    private static partial void LogCreated(ILogger logger, int callId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Extension granted to case study {CaseStudyId} of call {CallId}")]
    private static partial void LogExtended(ILogger logger, string caseStudyId, int callId);
}
