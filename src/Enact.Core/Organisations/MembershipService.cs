using System.Globalization;
using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Core.Email;
using Enact.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enact.Core.Organisations;

/// <summary>A member as the members list shows them.</summary>
public sealed record MemberView(Guid UserId, string? Name, string? Email, DateTime JoinedAt);

/// <summary>A request to join as the members see it (with the version their decision is checked against).</summary>
public sealed record MembershipRequestView(int Id, Guid UserId, string? Name, string? Email, string? Message, string Status, DateTime CreatedAt, Guid Version);

/// <summary>What the decision e-mail says: to whom (in their language), which organisation, approved or declined, and where to look.</summary>
public sealed record MembershipDecisionFacts(string To, string Name, string Language, string OrganisationName, bool Approved, string Link, string? Reply = null);

/// <summary>What a member is told when someone asks to join: to whom (in their language), who asks, with what message, and where to answer.</summary>
public sealed record MembershipRequestFacts(string To, string Name, string Language, string OrganisationName, string RequesterName, string? Message, string Link);

/// <summary>Writes the e-mails about requests to join in the recipient's language; the texts live with the web pages, which implement it.</summary>
public interface IMembershipMessages
{
    OutgoingMail Decision(MembershipDecisionFacts facts);

    OutgoingMail Requested(MembershipRequestFacts facts);
}

/// <summary>
/// Who keeps an organisation: a signed-in person asks to join (at most one pending request per organisation, never when
/// already a member); its members or an editor approve (the person becomes a member) or decline, and the person is told by
/// e-mail in their language; members leave or remove each other, but the last member leaves only through an editor.
/// Every decision is audited in the same transaction. Each membership change starts by writing the organisation's
/// <see cref="Organisation.MembersChangedAt"/>, which locks its row, so concurrent changes queue and the count of members
/// they check is the committed one.
/// </summary>
public sealed partial class MembershipService(
    EnactDbContext db,
    AuditTrail audit,
    TimeProvider clock,
    IMailSender mail,
    IMembershipMessages messages,
    ILogger<MembershipService> logger)
{
    /// <summary>The longest reply sent with a decision.</summary>
    public const int MaxReplyLength = 2000;

    public async Task<bool> IsMemberAsync(int organisationId, Guid userId, CancellationToken ct = default)
        => await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == userId, ct);

    /// <summary>Whether the person may see the members and answer requests: a member, or staff.</summary>
    public async Task<bool> MayManageAsync(int organisationId, Guid? userId, bool isStaff, CancellationToken ct = default)
        => isStaff || (userId is Guid id && await IsMemberAsync(organisationId, id, ct));

    public async Task<IReadOnlyList<MemberView>> MembersAsync(int organisationId, CancellationToken ct = default)
    {
        var rows = await (from m in db.OrganisationMembers
                          where m.OrganisationId == organisationId
                          join u in db.Users on m.UserId equals u.Id
                          orderby m.JoinedAt, u.Email
                          select new MemberView(u.Id, u.DisplayName, u.Email, m.JoinedAt))
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(r => r with { JoinedAt = ProjectCatalog.Utc(r.JoinedAt) }).ToList();
    }

    /// <summary>The pending requests to join an organisation, oldest first.</summary>
    public async Task<IReadOnlyList<MembershipRequestView>> PendingAsync(int organisationId, CancellationToken ct = default)
        => await Views(db.OrganisationMembershipRequests.Where(r => r.OrganisationId == organisationId && r.Status == MembershipRequestStatuses.Pending), ct);

    public async Task<int> PendingCountAsync(int organisationId, CancellationToken ct = default)
        => await db.OrganisationMembershipRequests.CountAsync(r => r.OrganisationId == organisationId && r.Status == MembershipRequestStatuses.Pending, ct);

    /// <summary>The person's own pending request to join the organisation, if any.</summary>
    public async Task<MembershipRequestView?> PendingOfAsync(int organisationId, Guid userId, CancellationToken ct = default)
        => await Views(db.OrganisationMembershipRequests.Where(r => r.OrganisationId == organisationId && r.UserId == userId && r.Status == MembershipRequestStatuses.Pending), ct)
            is [var request, ..] ? request : null;

    /// <summary>
    /// A signed-in person asks to join; refused when already a member or when a request of theirs is pending. Once the
    /// request is saved, every member is told by e-mail, in their language, with a link to the members page where they answer.
    /// </summary>
    public async Task<Outcome> RequestAsync(AuditActor actor, Guid userId, int organisationId, string? message, string baseUrl, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            return Outcome.NotFound;
        }
        var errors = new List<FieldError>();
        var text = Texts.Clean(message);
        Texts.Check(errors, "Message", text, OrganisationMembershipRequest.MaxMessageLength, required: false);
        if (await IsMemberAsync(organisationId, userId, ct))
        {
            errors.Add(new("", "AlreadyMember"));
        }
        else if (await db.OrganisationMembershipRequests.AnyAsync(r => r.OrganisationId == organisationId && r.UserId == userId && r.Status == MembershipRequestStatuses.Pending, ct))
        {
            errors.Add(new("", "RequestAlreadyPending"));
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var request = new OrganisationMembershipRequest
        {
            OrganisationId = organisationId,
            UserId = userId,
            Message = text,
            Status = MembershipRequestStatuses.Pending,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.OrganisationMembershipRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on pending requests: the same person asked twice at the same moment.
            db.ChangeTracker.Clear();
            return Outcome.Invalid("", "RequestAlreadyPending");
        }
        audit.Record(actor, "membership.requested", nameof(OrganisationMembershipRequest), request.Id.ToString(CultureInfo.InvariantCulture),
            after: new { organisationId, userId, message = text });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogRequested(logger, request.Id, organisationId);
        await TellMembersAsync(organisationId, userId, text, baseUrl, ct);
        return Outcome.Ok(request.Id);
    }

    /// <summary>
    /// A member (or an editor) approves or declines a pending request, with an optional reply to the person (a reason
    /// for declining, a welcome). <paramref name="version"/> is the request the decider saw: if someone decided it
    /// meanwhile, nothing is saved and the outcome is a conflict. The person is told by e-mail in their language, with the
    /// reply; approval makes them a member. The reply is kept in the audit trail.
    /// </summary>
    public async Task<Outcome> DecideAsync(AuditActor actor, Guid deciderId, bool isStaff, int organisationId, int requestId, Guid version, bool approve, string? reply, string baseUrl, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        reply = Texts.Clean(reply);
        if (reply is { Length: > MaxReplyLength })
        {
            return Outcome.Invalid("Reply", "TooLong");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(organisationId, now, ct) == 0)
        {
            return Outcome.NotFound;
        }
        if (!isStaff && !await IsMemberAsync(organisationId, deciderId, ct))
        {
            return Outcome.Forbidden;
        }
        var request = await db.OrganisationMembershipRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.OrganisationId == organisationId, ct);
        if (request is null)
        {
            return Outcome.NotFound;
        }
        if (request.Version != version || request.Status != MembershipRequestStatuses.Pending)
        {
            return Outcome.Conflict;
        }
        request.Status = approve ? MembershipRequestStatuses.Approved : MembershipRequestStatuses.Declined;
        request.DecidedAt = now;
        request.DecidedById = deciderId;
        if (approve && !await IsMemberAsync(organisationId, request.UserId, ct))
        {
            db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = organisationId, UserId = request.UserId, JoinedAt = now });
        }
        audit.Record(actor, approve ? "membership.approved" : "membership.declined", nameof(OrganisationMembershipRequest),
            requestId.ToString(CultureInfo.InvariantCulture),
            new { status = MembershipRequestStatuses.Pending },
            new { request.Status, organisationId, request.UserId, reply });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict;
        }
        await tx.CommitAsync(ct);
        LogDecided(logger, requestId, organisationId, request.Status);

        var facts = await (from u in db.Users
                           where u.Id == request.UserId
                           from o in db.Organisations.Where(o => o.Id == organisationId)
                           select new { u.Email, u.DisplayName, u.PreferredLanguage, o.NameAr, o.NameEn })
            .AsNoTracking().FirstOrDefaultAsync(ct);
        if (facts?.Email is { } email)
        {
            var language = facts.PreferredLanguage is "en" ? "en" : "ar";
            await mail.SendAsync(messages.Decision(new MembershipDecisionFacts(
                email,
                facts.DisplayName ?? email,
                language,
                language == "en" ? facts.NameEn : facts.NameAr,
                approve,
                $"{baseUrl.TrimEnd('/')}/{language}/organisations/{organisationId.ToString(CultureInfo.InvariantCulture)}",
                reply)), ct);
        }
        return Outcome.Ok(requestId);
    }

    /// <summary>
    /// Ends a membership: a member leaves (<paramref name="memberId"/> is the actor) or removes another member; an editor
    /// removes anyone. The last member cannot leave (nor be removed) unless an editor does it.
    /// </summary>
    public async Task<Outcome> RemoveAsync(AuditActor actor, Guid actorId, bool isStaff, int organisationId, Guid memberId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(organisationId, now, ct) == 0)
        {
            return Outcome.NotFound;
        }
        var actorIsMember = await IsMemberAsync(organisationId, actorId, ct);
        if (!isStaff && !actorIsMember)
        {
            return Outcome.Forbidden;
        }
        var leaving = actorId == memberId;
        var member = await db.OrganisationMembers.FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.UserId == memberId, ct);
        if (member is null)
        {
            return Outcome.Invalid("", "NoLongerMember");
        }
        if (!isStaff && await db.OrganisationMembers.CountAsync(m => m.OrganisationId == organisationId, ct) == 1)
        {
            return Outcome.Invalid("", "LastMemberCannotLeave");
        }
        db.OrganisationMembers.Remove(member);
        audit.Record(actor, leaving ? "membership.left" : "membership.removed", nameof(OrganisationMember),
            $"{organisationId.ToString(CultureInfo.InvariantCulture)}:{memberId:D}",
            new { organisationId, userId = memberId, JoinedAt = ProjectCatalog.Utc(member.JoinedAt) }, null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogRemoved(logger, organisationId, leaving);
        return Outcome.Ok(organisationId);
    }

    private async Task TellMembersAsync(int organisationId, Guid requesterId, string? message, string baseUrl, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new { o.NameAr, o.NameEn }).FirstAsync(ct);
        var requester = await db.Users.AsNoTracking().Where(u => u.Id == requesterId)
            .Select(u => new { u.DisplayName, u.Email }).FirstAsync(ct);
        var members = await (from m in db.OrganisationMembers
                             where m.OrganisationId == organisationId
                             join u in db.Users on m.UserId equals u.Id
                             orderby u.Email
                             select new { u.Email, u.DisplayName, u.PreferredLanguage })
            .AsNoTracking().ToListAsync(ct);
        foreach (var member in members)
        {
            if (member.Email is not { } email)
            {
                continue;
            }
            var language = member.PreferredLanguage is "en" ? "en" : "ar";
            await mail.SendAsync(messages.Requested(new MembershipRequestFacts(
                email,
                member.DisplayName ?? email,
                language,
                language == "en" ? organisation.NameEn : organisation.NameAr,
                requester.DisplayName ?? requester.Email ?? "",
                message,
                $"{baseUrl.TrimEnd('/')}/{language}/organisations/{organisationId.ToString(CultureInfo.InvariantCulture)}/members")), ct);
        }
    }

    /// <summary>Writes the organisation's membership stamp: the row lock that makes membership changes queue. 0 when there is no such organisation.</summary>
    private Task<int> LockAsync(int organisationId, DateTime now, CancellationToken ct)
        => db.Organisations.Where(o => o.Id == organisationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.MembersChangedAt, now), ct);

    private async Task<IReadOnlyList<MembershipRequestView>> Views(IQueryable<OrganisationMembershipRequest> requests, CancellationToken ct)
    {
        var rows = await (from r in requests
                          join u in db.Users on r.UserId equals u.Id
                          orderby r.CreatedAt, r.Id
                          select new MembershipRequestView(r.Id, r.UserId, u.DisplayName, u.Email, r.Message, r.Status, r.CreatedAt, r.Version))
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(r => r with { CreatedAt = ProjectCatalog.Utc(r.CreatedAt) }).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} to join organisation {OrganisationId}")]
    private static partial void LogRequested(ILogger logger, int requestId, int organisationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} to join organisation {OrganisationId} decided: {Status}")]
    private static partial void LogDecided(ILogger logger, int requestId, int organisationId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "A membership of organisation {OrganisationId} ended (left by the member: {Left})")]
    private static partial void LogRemoved(ILogger logger, int organisationId, bool left);
}
