using System.Globalization;
using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Core.Email;
using Enact.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enact.Core.Organisations;

/// <summary>An offer as editors and the person see it: the activity, the organisation, who offered, and the answer.</summary>
public sealed record OfferView(
    int Id,
    int ActivityId,
    string ProjectCode,
    string ActivityTitleAr,
    string ActivityTitleEn,
    int OrganisationId,
    string OrganisationNameAr,
    string OrganisationNameEn,
    bool OrganisationVerified,
    string? PersonName,
    string? PersonEmail,
    string Proposal,
    string Status,
    string? Answer,
    DateTime CreatedAt,
    DateTime? AnsweredAt,
    Guid Version);

/// <summary>What the answer e-mail is about: the recipient (in their language), the activity, the organisation, the answer.</summary>
public sealed record OfferAnswerFacts(
    string To,
    string Name,
    string Language,
    string ActivityTitle,
    string OrganisationName,
    bool Accepted,
    string Answer,
    string Link);

/// <summary>Writes the e-mails about offers in the recipient's language; the texts live with the web pages, which implement it.</summary>
public interface ICollaborationMessages
{
    OutgoingMail Answer(OfferAnswerFacts facts);
}

/// <summary>
/// Offers to collaborate on project activities: a member offers on behalf of their organisation; editors list the
/// offers of an activity and answer them, and the answer goes to the person by e-mail in their language.
/// </summary>
public sealed partial class CollaborationService(
    EnactDbContext db,
    AuditTrail audit,
    TimeProvider clock,
    IMailSender mail,
    ICollaborationMessages messages,
    ILogger<CollaborationService> logger)
{
    public async Task<Outcome> OfferAsync(AuditActor actor, Guid userId, int activityId, int organisationId, string? proposal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await db.ProjectActivities.AnyAsync(a => a.Id == activityId, ct))
        {
            return Outcome.NotFound;
        }
        if (!await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == userId, ct))
        {
            return Outcome.Forbidden;
        }
        var errors = new List<FieldError>();
        var text = Texts.Clean(proposal);
        Texts.Check(errors, "Proposal", text, CollaborationOffer.MaxProposalLength, required: true);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var offer = new CollaborationOffer
        {
            ActivityId = activityId,
            OrganisationId = organisationId,
            UserId = userId,
            Proposal = text!,
            Status = OfferStatuses.Open,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CollaborationOffers.Add(offer);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, "offer.created", nameof(CollaborationOffer), offer.Id.ToString(CultureInfo.InvariantCulture),
            after: new { activityId, organisationId, proposal = offer.Proposal });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogOffered(logger, offer.Id, activityId);
        return Outcome.Ok(offer.Id);
    }

    public async Task<IReadOnlyList<OfferView>> ForActivityAsync(int activityId, CancellationToken ct = default)
        => await Views(db.CollaborationOffers.Where(o => o.ActivityId == activityId), ct);

    public async Task<IReadOnlyList<OfferView>> OfPersonAsync(Guid userId, CancellationToken ct = default)
        => await Views(db.CollaborationOffers.Where(o => o.UserId == userId), ct);

    public async Task<OfferView?> FindAsync(int id, CancellationToken ct = default)
        => await Views(db.CollaborationOffers.Where(o => o.Id == id), ct) is [var offer, ..] ? offer : null;

    /// <summary>
    /// An editor accepts or declines an open offer with a message. <paramref name="version"/> is the offer the editor saw:
    /// if another editor answered meanwhile, nothing is saved and the outcome is a conflict. The person is told by e-mail.
    /// </summary>
    public async Task<Outcome> AnswerAsync(AuditActor actor, int offerId, Guid version, bool accept, string? answer, string baseUrl, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var offer = await db.CollaborationOffers.FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null)
        {
            return Outcome.NotFound;
        }
        if (offer.Version != version)
        {
            return Outcome.Conflict;
        }
        var errors = new List<FieldError>();
        var text = Texts.Clean(answer);
        Texts.Check(errors, "Answer", text, CollaborationOffer.MaxAnswerLength, required: true);
        if (offer.Status != OfferStatuses.Open)
        {
            errors.Add(new("", "OfferAlreadyAnswered"));
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        offer.Status = accept ? OfferStatuses.Accepted : OfferStatuses.Declined;
        offer.Answer = text;
        offer.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        offer.AnsweredById = actor.UserId;
        audit.Record(actor, accept ? "offer.accepted" : "offer.declined", nameof(CollaborationOffer), offerId.ToString(CultureInfo.InvariantCulture),
            new { status = OfferStatuses.Open }, new { offer.Status, offer.Answer });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict;
        }
        LogAnswered(logger, offerId, offer.Status);

        var facts = await (from o in db.CollaborationOffers
                           where o.Id == offerId
                           join u in db.Users on o.UserId equals u.Id
                           join a in db.ProjectActivities on o.ActivityId equals a.Id
                           join g in db.Organisations on o.OrganisationId equals g.Id
                           select new { u.Email, u.DisplayName, u.PreferredLanguage, a.TitleAr, a.TitleEn, g.NameAr, g.NameEn })
            .AsNoTracking().FirstOrDefaultAsync(ct);
        if (facts?.Email is { } email)
        {
            var language = facts.PreferredLanguage is "en" ? "en" : "ar";
            var en = language == "en";
            await mail.SendAsync(messages.Answer(new OfferAnswerFacts(
                email,
                facts.DisplayName ?? email,
                language,
                en ? facts.TitleEn : facts.TitleAr,
                en ? facts.NameEn : facts.NameAr,
                accept,
                text!,
                $"{baseUrl.TrimEnd('/')}/{language}/organisations/my-offers")), ct);
        }
        return Outcome.Ok(offerId);
    }

    private async Task<IReadOnlyList<OfferView>> Views(IQueryable<CollaborationOffer> offers, CancellationToken ct)
    {
        var rows = await (from o in offers
                          join a in db.ProjectActivities on o.ActivityId equals a.Id
                          join p in db.Projects on a.ProjectId equals p.Id
                          join g in db.Organisations on o.OrganisationId equals g.Id
                          join u in db.Users on o.UserId equals u.Id
                          orderby o.CreatedAt descending, o.Id descending
                          select new OfferView(o.Id, a.Id, p.Code, a.TitleAr, a.TitleEn, g.Id, g.NameAr, g.NameEn, g.Verified,
                              u.DisplayName, u.Email, o.Proposal, o.Status, o.Answer, o.CreatedAt, o.AnsweredAt, o.Version))
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(r => r with
        {
            CreatedAt = ProjectCatalog.Utc(r.CreatedAt),
            AnsweredAt = r.AnsweredAt is { } at ? ProjectCatalog.Utc(at) : null,
        }).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer {OfferId} made on activity {ActivityId}")]
    private static partial void LogOffered(ILogger logger, int offerId, int activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer {OfferId} answered: {Status}")]
    private static partial void LogAnswered(ILogger logger, int offerId, string status);
}
