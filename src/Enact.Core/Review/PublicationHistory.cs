using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Review;

/// <summary>The dates a published case study was published on: its first publication, then each published revision.</summary>
public sealed class PublicationHistory(EnactDbContext db)
{
    /// <summary>
    /// The publication dates in order (UTC). Case studies without publication rows (imported ones) answer their
    /// <paramref name="publishedAt"/> alone, when given.
    /// </summary>
    public async Task<IReadOnlyList<DateTime>> DatesAsync(string caseStudyId, DateTime? publishedAt, CancellationToken ct = default)
    {
        var dates = await db.CaseStudyPublications.AsNoTracking()
            .Where(p => p.CaseStudyId == caseStudyId)
            .OrderBy(p => p.Number)
            .Select(p => p.PublishedAt)
            .ToListAsync(ct);
        if (dates.Count == 0 && publishedAt is { } at)
        {
            dates.Add(at);
        }
        return dates;
    }
}
