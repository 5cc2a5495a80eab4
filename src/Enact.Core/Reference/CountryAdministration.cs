using Enact.Core.Audit;
using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Reference;

public enum CountryUpdate
{
    Saved,
    Unchanged,
    NotFound,
    Conflict,
}

/// <summary>What administrators change on the reference list of states: the ESCWA-membership flag.</summary>
public sealed class CountryAdministration(EnactDbContext db, AuditTrail audit)
{
    public Task<List<Country>> ListAsync(CancellationToken ct = default)
        => db.Countries.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);

    public Task<Country?> FindAsync(string code, CancellationToken ct = default)
    {
        var upper = code.ToUpperInvariant();
        return db.Countries.AsNoTracking().FirstOrDefaultAsync(c => c.Code == upper, ct);
    }

    /// <summary>Sets the flag if <paramref name="version"/> is still the country's version; audits "country.updated".</summary>
    public async Task<CountryUpdate> SetEscwaMemberAsync(AuditActor actor, string code, Guid version, bool member, CancellationToken ct = default)
    {
        var upper = code.ToUpperInvariant();
        var country = await db.Countries.FirstOrDefaultAsync(c => c.Code == upper, ct);
        if (country is null)
        {
            return CountryUpdate.NotFound;
        }
        if (country.Version != version)
        {
            return CountryUpdate.Conflict;
        }
        if (country.IsEscwaMember == member)
        {
            return CountryUpdate.Unchanged;
        }
        // The database checks the version the editor saw, so a change saved in between is not overwritten.
        db.Entry(country).Property(c => c.Version).OriginalValue = version;
        audit.Record(actor, "country.updated", "country", country.Code,
            before: new { isEscwaMember = country.IsEscwaMember }, after: new { isEscwaMember = member });
        country.IsEscwaMember = member;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CountryUpdate.Conflict;
        }
        return CountryUpdate.Saved;
    }
}
