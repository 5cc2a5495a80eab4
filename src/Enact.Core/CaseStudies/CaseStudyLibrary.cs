using Enact.Core.Data;
using Enact.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.CaseStudies;

/// <summary>A library view: the search result and the map drawn from its country counts.</summary>
public sealed record LibraryView(CaseStudySearchResult Result, ArabRegionMap Map);

/// <summary>One published case study with the ones related to it.</summary>
public sealed record CaseStudyDetail(CaseStudyRecord Record, IReadOnlyList<CaseStudyRecord> Related);

/// <summary>A published case study's public material beyond the interchange record: files, videos, public contact, the initiative's status.</summary>
public sealed record CaseStudyMaterials(
    IReadOnlyList<PublicAttachment> Attachments,
    IReadOnlyList<string> VideoLinks,
    string? PublicContactName,
    string? PublicContactEmail,
    InitiativeStatus? InitiativeStatus);

public sealed record PublicAttachment(Guid Id, string FileName, string ContentType, long Length, bool IsImage, string? AltTextAr, string? AltTextEn);

/// <summary>The public library: search over the index, and one published case study from the database.</summary>
public sealed class CaseStudyLibrary(EnactDbContext db, CaseStudySearch search)
{
    public const int RelatedCount = 4;
    public const int FeedSize = 50;

    public CaseStudySearchResult Search(CaseStudyQuery query) => search.Search(query);

    /// <summary>The library page: results, facet counts and the map (counts per country under the other filters).</summary>
    public LibraryView Browse(CaseStudyQuery query)
    {
        var result = search.Search(query);
        var map = ArabRegionMap.Of(result.Facets.TryGetValue("country", out var counts) ? counts.Select(c => (c.Value, c.Count)) : []);
        return new LibraryView(result, map);
    }

    /// <summary>Every record the query matches (at most <see cref="CaseStudyExports.MaxRows"/>), for exports; paging is ignored.</summary>
    public IReadOnlyList<CaseStudyRecord> All(CaseStudyQuery query)
        => search.Search(query with { Text = query.Text, Page = 1, PageSize = CaseStudyExports.MaxRows, Sort = query.Sort ?? SearchSort.Newest }).Items;

    /// <summary>The newest published case studies, for the feed.</summary>
    public IReadOnlyList<CaseStudyRecord> Newest(int count = FeedSize)
        => search.Search(new CaseStudyQuery { Sort = SearchSort.Newest, PageSize = count }).Items;

    /// <summary>A published case study in the interchange format, or null (drafts and unknown ids alike).</summary>
    public async Task<CaseStudyRecord?> GetPublishedAsync(string id, CancellationToken cancellationToken = default)
    {
        var caseStudy = await db.CaseStudies.AsNoTracking()
            .Include(c => c.Terms).ThenInclude(t => t.Term)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id && c.Status == CaseStudyStatus.Published && c.RevisionOfId == null, cancellationToken);
        return caseStudy is null ? null : InterchangeMapper.ToRecord(caseStudy, new Dictionary<int, Reference.TaxonomyTerm>());
    }

    /// <summary>
    /// The public material of a published case study (never the private contact): attachments in their order, video
    /// links, the optional public contact. Null for anything not published.
    /// </summary>
    public async Task<CaseStudyMaterials?> GetMaterialsAsync(string id, CancellationToken cancellationToken = default)
    {
        var extras = await db.CaseStudies.AsNoTracking()
            .Where(c => c.Id == id && c.Status == CaseStudyStatus.Published && c.RevisionOfId == null)
            .Select(c => new { c.VideoLinks, c.PublicContactName, c.PublicContactEmail, c.InitiativeStatus })
            .SingleOrDefaultAsync(cancellationToken);
        if (extras is null)
        {
            return null;
        }
        var attachments = await db.CaseStudyAttachments.AsNoTracking()
            .Where(a => a.CaseStudyId == id)
            .OrderBy(a => a.Position).ThenBy(a => a.UploadedAt)
            .Select(a => new PublicAttachment(a.Id, a.FileName, a.ContentType, a.Length, a.IsImage, a.AltTextAr, a.AltTextEn))
            .ToListAsync(cancellationToken);
        var videos = (extras.VideoLinks ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(v => Uri.TryCreate(v, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))
            .ToList();
        return new CaseStudyMaterials(attachments, videos, extras.PublicContactName, extras.PublicContactEmail, extras.InitiativeStatus);
    }

    /// <summary>The detail page: the record and up to <see cref="RelatedCount"/> others sharing a technology, else the country.</summary>
    public async Task<CaseStudyDetail?> GetDetailAsync(string id, string language, CancellationToken cancellationToken = default)
    {
        var record = await GetPublishedAsync(id, cancellationToken);
        if (record is null)
        {
            return null;
        }
        var related = new List<CaseStudyRecord>();
        void Add(string facet, IReadOnlyList<string>? values)
        {
            if (related.Count >= RelatedCount || values is null || values.Count == 0)
            {
                return;
            }
            var found = search.Search(new CaseStudyQuery
            {
                Language = language,
                Sort = SearchSort.Newest,
                PageSize = RelatedCount + 1 + related.Count,
                Filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [facet] = values },
            });
            related.AddRange(found.Items
                .Where(r => !string.Equals(r.Id, id, StringComparison.Ordinal) && !related.Exists(x => string.Equals(x.Id, r.Id, StringComparison.Ordinal)))
                .Take(RelatedCount - related.Count));
        }
        Add("technology", record.Technologies);
        Add("country", record.Country is null ? null : [record.Country]);
        return new CaseStudyDetail(record, related);
    }
}
