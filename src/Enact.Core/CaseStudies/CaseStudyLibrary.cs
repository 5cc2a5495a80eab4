using Enact.Core.Data;
using Enact.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.CaseStudies;

/// <summary>The public library: search over the index, and one published case study from the database.</summary>
public sealed class CaseStudyLibrary(EnactDbContext db, CaseStudySearch search)
{
    public CaseStudySearchResult Search(CaseStudyQuery query) => search.Search(query);

    /// <summary>A published case study in the interchange format, or null (drafts and unknown ids alike).</summary>
    public async Task<CaseStudyRecord?> GetPublishedAsync(string id, CancellationToken cancellationToken = default)
    {
        var caseStudy = await db.CaseStudies.AsNoTracking()
            .Include(c => c.Terms).ThenInclude(t => t.Term)
            .SingleOrDefaultAsync(c => c.Id == id && c.Status == CaseStudyStatus.Published, cancellationToken);
        return caseStudy is null ? null : InterchangeMapper.ToRecord(caseStudy, new Dictionary<int, Reference.TaxonomyTerm>());
    }
}
