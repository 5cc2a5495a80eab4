using System.Globalization;
using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Organisations;

/// <summary>An organisation as its members write it.</summary>
public sealed record OrganisationInput(string? NameAr, string? NameEn, string? Type, string? CountryCode, string? Website);

public sealed record OrganisationFilter(string? Type, string? Country, int Page = 1);

/// <summary>
/// The directory of organisations: anyone lists and reads it; a registered person creates an organisation and becomes
/// its member; members (and staff) edit it, checked against the version they saw; editors verify it. Each change
/// carries its audit entry in the same transaction.
/// </summary>
public sealed class OrganisationDirectory(EnactDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<(IReadOnlyList<Organisation> Items, int Total)> ListAsync(OrganisationFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Organisations.AsNoTracking();
        if (OrganisationTypes.IsKnown(filter.Type))
        {
            query = query.Where(o => o.Type == filter.Type);
        }
        if (filter.Country is { Length: 2 } country)
        {
            var code = country.ToUpperInvariant();
            query = query.Where(o => o.CountryCode == code);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(o => o.Verified).ThenBy(o => o.NameEn).ThenBy(o => o.Id)
            .Skip((Math.Max(filter.Page, 1) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return (items, total);
    }

    public async Task<Organisation?> FindAsync(int id, CancellationToken ct = default)
        => await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);

    public async Task<bool> IsMemberAsync(int organisationId, Guid userId, CancellationToken ct = default)
        => await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == userId, ct);

    /// <summary>The organisations a person is a member of, by name.</summary>
    public async Task<IReadOnlyList<Organisation>> OfMemberAsync(Guid userId, CancellationToken ct = default)
        => await (from m in db.OrganisationMembers
                  where m.UserId == userId
                  join o in db.Organisations on m.OrganisationId equals o.Id
                  orderby o.NameEn, o.Id
                  select o).AsNoTracking().ToListAsync(ct);

    public async Task<int> MemberCountAsync(int organisationId, CancellationToken ct = default)
        => await db.OrganisationMembers.CountAsync(m => m.OrganisationId == organisationId, ct);

    public async Task<Outcome> CreateAsync(AuditActor actor, Guid userId, OrganisationInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var (values, errors) = await ValidateAsync(input, ct);
        if (values is null)
        {
            return Outcome.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = new Organisation
        {
            NameAr = values.NameAr!,
            NameEn = values.NameEn!,
            Type = values.Type!,
            CountryCode = values.CountryCode,
            Website = values.Website,
            CreatedAt = now,
            CreatedById = userId,
            UpdatedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = organisation.Id, UserId = userId, JoinedAt = now });
        audit.Record(actor, "organisation.created", nameof(Organisation), organisation.Id.ToString(CultureInfo.InvariantCulture), after: Snapshot(organisation));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(organisation.Id);
    }

    /// <summary>Saves a member's (or staff's) changes unless someone else saved the organisation since <paramref name="version"/>.</summary>
    public async Task<Outcome> UpdateAsync(AuditActor actor, Guid userId, bool isStaff, int id, Guid version, OrganisationInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return Outcome.NotFound;
        }
        if (!isStaff && !await IsMemberAsync(id, userId, ct))
        {
            return Outcome.Forbidden;
        }
        if (organisation.Version != version)
        {
            return Outcome.Conflict;
        }
        var (values, errors) = await ValidateAsync(input, ct);
        if (values is null)
        {
            return Outcome.Invalid(errors);
        }
        var before = Snapshot(organisation);
        organisation.NameAr = values.NameAr!;
        organisation.NameEn = values.NameEn!;
        organisation.Type = values.Type!;
        organisation.CountryCode = values.CountryCode;
        organisation.Website = values.Website;
        organisation.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "organisation.updated", nameof(Organisation), id.ToString(CultureInfo.InvariantCulture), before, Snapshot(organisation));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict;
        }
        return Outcome.Ok(id);
    }

    /// <summary>An editor marks the organisation verified (or withdraws the mark).</summary>
    public async Task<Outcome> SetVerifiedAsync(AuditActor actor, int id, Guid version, bool verified, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return Outcome.NotFound;
        }
        if (organisation.Version != version)
        {
            return Outcome.Conflict;
        }
        var before = new { organisation.Verified };
        organisation.Verified = verified;
        organisation.VerifiedAt = verified ? clock.GetUtcNow().UtcDateTime : null;
        organisation.VerifiedById = verified ? actor.UserId : null;
        audit.Record(actor, verified ? "organisation.verified" : "organisation.unverified", nameof(Organisation),
            id.ToString(CultureInfo.InvariantCulture), before, new { organisation.Verified });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict;
        }
        return Outcome.Ok(id);
    }

    private async Task<(OrganisationInput? Values, List<FieldError> Errors)> ValidateAsync(OrganisationInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var v = new OrganisationInput(
            Texts.Clean(input.NameAr),
            Texts.Clean(input.NameEn),
            Texts.Clean(input.Type),
            Texts.Clean(input.CountryCode)?.ToUpperInvariant(),
            Texts.Clean(input.Website));
        Texts.Check(errors, "NameAr", v.NameAr, Organisation.MaxNameLength, required: true);
        Texts.Check(errors, "NameEn", v.NameEn, Organisation.MaxNameLength, required: true);
        if (!OrganisationTypes.IsKnown(v.Type))
        {
            errors.Add(new("Type", v.Type is null ? "Required" : "ChoiceInvalid"));
        }
        if (v.CountryCode is { } code && !await db.Countries.AnyAsync(c => c.Code == code, ct))
        {
            errors.Add(new("CountryCode", "ChoiceInvalid"));
        }
        if (v.Website is { } site)
        {
            if (site.Length > Organisation.MaxWebsiteLength)
            {
                errors.Add(new("Website", "TooLong"));
            }
            else if (!Uri.TryCreate(site, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            {
                errors.Add(new("Website", "WebsiteInvalid"));
            }
        }
        return errors.Count > 0 ? (null, errors) : (v, errors);
    }

    private static object Snapshot(Organisation o) => new { o.NameAr, o.NameEn, o.Type, o.CountryCode, o.Website, o.Verified };
}
