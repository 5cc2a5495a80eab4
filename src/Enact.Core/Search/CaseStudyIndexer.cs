using System.Text.Json;
using Enact.Core.CaseStudies;
using Enact.Core.Data;
using Enact.Core.Reference;
using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enact.Core.Search;

/// <summary>
/// Brings this instance's index up to date from the database, the truth: applies the indexing tasks after the index's
/// cursor (<see cref="ApplyPendingAsync"/>, called by <see cref="IndexingWorker"/>), or rebuilds the whole index into a new
/// generation and swaps it in (<see cref="RebuildAsync"/>, the <c>reindex</c> verb and a first start).
/// </summary>
public sealed partial class CaseStudyIndexer(EnactDbContext db, SearchIndex index, TimeProvider clock, ILogger<CaseStudyIndexer> logger)
{
    /// <summary>How long a missing task id is waited for (a transaction still running) before it is taken as rolled back.</summary>
    public static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Tag on the indexer's SQL (shown as a comment), so request-level query counts can leave the background work out.</summary>
    public const string QueryTag = "enact:background indexing";

    private const int BatchSize = 500;
    private static readonly SemaphoreSlim RebuildLock = new(1, 1);

    /// <summary>Applies pending tasks; answers how many were applied. Builds the index first when this instance has none.</summary>
    public async Task<int> ApplyPendingAsync(CancellationToken cancellationToken = default)
    {
        if (!index.Exists)
        {
            await RebuildAsync(cancellationToken);
        }
        var generation = index.Open();
        try
        {
            await generation.WriteLock.WaitAsync(cancellationToken);
            try
            {
                return await ApplyAsync(generation, cancellationToken);
            }
            finally
            {
                generation.WriteLock.Release();
            }
        }
        finally
        {
            generation.Release();
        }
    }

    private async Task<int> ApplyAsync(SearchIndex.Generation generation, CancellationToken cancellationToken)
    {
        var from = generation.Cursor;
        var tasks = await db.IndexingTasks.AsNoTracking().TagWith(QueryTag)
            .Where(t => t.Id > from)
            .OrderBy(t => t.Id)
            .Take(BatchSize)
            .Select(t => new { t.Id, t.CaseStudyId })
            .ToListAsync(cancellationToken);
        var fresh = tasks.Where(t => !generation.AppliedAbove.Contains(t.Id)).ToList();
        if (fresh.Count > 0)
        {
            await WriteDocumentsAsync(generation.Writer, fresh.Select(t => t.CaseStudyId).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
            foreach (var task in fresh)
            {
                generation.AppliedAbove.Add(task.Id);
            }
        }

        // Advance the cursor over the contiguous run of applied ids. A missing id is a transaction that has not committed
        // yet (its task will appear) or one that rolled back (it never will): wait for it, up to GapTimeout.
        var cursor = generation.Cursor;
        var now = clock.GetUtcNow();
        while (generation.AppliedAbove.Count > 0)
        {
            var next = generation.AppliedAbove.Min;
            if (next <= cursor + 1)
            {
                cursor = Math.Max(cursor, next);
                generation.AppliedAbove.Remove(next);
                continue;
            }
            if (!generation.Gaps.TryGetValue(cursor + 1, out var since))
            {
                generation.Gaps[cursor + 1] = now;
                break;
            }
            if (now - since < GapTimeout)
            {
                break;
            }
            LogGapSkipped(logger, cursor + 1, next - 1);
            generation.Gaps.Remove(cursor + 1);
            cursor = next - 1;
        }
        foreach (var stale in generation.Gaps.Keys.Where(k => k <= cursor).ToList())
        {
            generation.Gaps.Remove(stale);
        }
        if (fresh.Count > 0 || cursor != generation.Cursor)
        {
            generation.Commit(cursor);
            LogApplied(logger, fresh.Count, cursor);
        }
        return fresh.Count;
    }

    private async Task WriteDocumentsAsync(IndexWriter writer, List<string> ids, CancellationToken cancellationToken)
    {
        var terms = await LoadTermsAsync(cancellationToken);
        var published = await db.CaseStudies.AsNoTracking().TagWith(QueryTag)
            .Include(c => c.Terms)
            .Where(c => ids.Contains(c.Id) && c.Status == CaseStudyStatus.Published && c.RevisionOfId == null)
            .ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var id in ids)
        {
            var key = new Term(CaseStudyFields.Id, id);
            if (published.TryGetValue(id, out var caseStudy))
            {
                writer.UpdateDocument(key, Build(caseStudy, terms));
            }
            else
            {
                writer.DeleteDocuments(key);
            }
        }
    }

    /// <summary>Indexes every published case study into a new generation, then swaps it in. Tasks written meanwhile are applied after the swap.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await RebuildLock.WaitAsync(cancellationToken);
        try
        {
            // The cursor is read first: every change after it is applied again on the new generation (upserts are idempotent).
            var cursor = await db.IndexingTasks.TagWith(QueryTag).MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
            var terms = await LoadTermsAsync(cancellationToken);
            var (name, writer) = index.CreateGeneration();
            var count = 0;
            try
            {
                const int page = 1000;
                while (true)
                {
                    var batch = await db.CaseStudies.AsNoTracking().TagWith(QueryTag)
                        .Include(c => c.Terms)
                        .Where(c => c.Status == CaseStudyStatus.Published && c.RevisionOfId == null)
                        .OrderBy(c => c.Id)
                        .Skip(count)
                        .Take(page)
                        .ToListAsync(cancellationToken);
                    foreach (var caseStudy in batch)
                    {
                        writer.AddDocument(Build(caseStudy, terms));
                    }
                    count += batch.Count;
                    if (batch.Count < page)
                    {
                        break;
                    }
                }
                writer.SetCommitData(new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [SearchIndex.CursorKey] = cursor.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
                writer.Commit();
            }
            finally
            {
                writer.Dispose();
                writer.Directory.Dispose();
            }
            index.SwapTo(name);
            LogRebuilt(logger, count, name, cursor);
            return count;
        }
        finally
        {
            RebuildLock.Release();
        }
    }

    private async Task<Dictionary<int, TaxonomyTerm>> LoadTermsAsync(CancellationToken cancellationToken)
        => await db.TaxonomyTerms.AsNoTracking().TagWith(QueryTag).ToDictionaryAsync(t => t.Id, cancellationToken);

    private static Lucene.Net.Documents.Document Build(CaseStudy caseStudy, Dictionary<int, TaxonomyTerm> terms)
    {
        var record = InterchangeMapper.ToRecord(caseStudy, terms);
        var linked = caseStudy.Terms.Select(t => terms.GetValueOrDefault(t.TermId)).OfType<TaxonomyTerm>();
        return CaseStudyDocument.Build(caseStudy, record, linked);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied {Count} indexing tasks; cursor at {Cursor}")]
    private static partial void LogApplied(ILogger logger, int count, long cursor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexing tasks {From} to {To} never appeared (rolled back); skipped")]
    private static partial void LogGapSkipped(ILogger logger, long from, long to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the search index with {Count} case studies into {Name} at cursor {Cursor}")]
    private static partial void LogRebuilt(ILogger logger, int count, string name, long cursor);
}

/// <summary>Wakes the worker at once after this instance saved a change (other instances notice at their next poll).</summary>
public sealed class IndexingSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Nudge()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
