using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Reference;

/// <summary>Inserts reference data that is missing; never overwrites what administrators edited.</summary>
public static class ReferenceDataSeeder
{
    public static async Task<int> SeedAsync(EnactDbContext db, CancellationToken cancellationToken = default)
    {
        var added = 0;
        var countries = await db.Countries.Select(c => c.Code).ToListAsync(cancellationToken);
        foreach (var c in ReferenceData.Countries.Where(c => !countries.Contains(c.Code)))
        {
            db.Countries.Add(new Country { Code = c.Code, NameAr = c.NameAr, NameEn = c.NameEn, IsEscwaMember = c.IsEscwaMember });
            added++;
        }

        var terms = (await db.TaxonomyTerms.Select(t => new { t.Taxonomy, t.Code }).ToListAsync(cancellationToken))
            .Select(t => (t.Taxonomy, t.Code)).ToHashSet();
        var order = 0;
        foreach (var t in ReferenceData.Terms)
        {
            order++;
            if (terms.Contains((t.Taxonomy, t.Code)))
            {
                continue;
            }
            db.TaxonomyTerms.Add(new TaxonomyTerm { Taxonomy = t.Taxonomy, Code = t.Code, LabelAr = t.LabelAr, LabelEn = t.LabelEn, SortOrder = order });
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
