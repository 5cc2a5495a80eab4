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

    /// <summary>How many case studies a rebuild reads from the database at a time.</summary>
    public const int RebuildPageSize = 500;
    private static readonly SemaphoreSlim RebuildLock = new(1, 1);

    /// <summary>Applies pending tasks; answers how many were applied. Builds the index first when this instance has none.</summary>
    public async Task<int> ApplyPendingAsync(CancellationToken cancellationToken = default)
    {
        if (!index.Exists)
        {
            await RebuildAsync(cancellationToken);
        }
        var generation = index.Open();
        if (generation.Schema != SearchIndex.SchemaVersion)
        {
            // Written by an earlier version with another document layout: searches go on over it until the rebuilt one is swapped in.
            LogOutdated(logger, generation.Name, generation.Schema, SearchIndex.SchemaVersion);
            generation.Release();
            await RebuildAsync(cancellationToken);
            generation = index.Open();
        }
        int applied;
        bool stale;
        try
        {
            await generation.WriteLock.WaitAsync(cancellationToken);
            try
            {
                (applied, stale) = await ApplyAsync(generation, cancellationToken);
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
        if (stale)
        {
            // Tasks after this index's cursor were pruned (the instance was down longer than the retention): only a
            // rebuild from the database brings it up to date.
            LogStale(logger, generation.Name, generation.Cursor);
            await RebuildAsync(cancellationToken);
        }
        return applied;
    }

    private async Task<(int Applied, bool Stale)> ApplyAsync(SearchIndex.Generation generation, CancellationToken cancellationToken)
    {
        var from = generation.Cursor;
        var tasks = await db.IndexingTasks.AsNoTracking().TagWith(QueryTag)
            .Where(t => t.Id > from)
            .OrderBy(t => t.Id)
            .Take(BatchSize)
            .Select(t => new { t.Id, t.CaseStudyId })
            .ToListAsync(cancellationToken);
        if (tasks.Count > 0 && tasks[0].Id > from + 1)
        {
            // A gap after the cursor: a transaction not yet committed or rolled back (waited for below), or tasks
            // pruned. Pruning deletes a prefix of the ids (PruneAsync), so when no task at or below the cursor+1 is
            // left, some that this index never applied may be gone.
            var oldest = await db.IndexingTasks.TagWith(QueryTag).MinAsync(t => t.Id, cancellationToken);
            if (oldest > from + 1)
            {
                return (0, true);
            }
        }
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
        return (fresh.Count, false);
    }

    /// <summary>
    /// Deletes the tasks created before <paramref name="retention"/> ago; answers how many. Only a prefix of the ids is
    /// deleted (up to the newest old task) and the newest task is always kept, so an instance whose cursor is below the
    /// oldest remaining id knows that it missed some (<see cref="ApplyPendingAsync"/> then rebuilds).
    /// </summary>
    public async Task<int> PruneAsync(TimeSpan retention, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - retention;
        var last = await db.IndexingTasks.TagWith(QueryTag).Where(t => t.CreatedAt < cutoff).MaxAsync(t => (long?)t.Id, cancellationToken);
        var newest = await db.IndexingTasks.TagWith(QueryTag).MaxAsync(t => (long?)t.Id, cancellationToken);
        if (last is null || newest is null)
        {
            return 0;
        }
        var upTo = Math.Min(last.Value, newest.Value - 1);
        var deleted = await db.IndexingTasks.TagWith(QueryTag).Where(t => t.Id <= upTo).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            LogPruned(logger, deleted, upTo);
        }
        return deleted;
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
                // Pages follow the key (keyset pagination): an OFFSET would make the database walk every earlier row
                // again for each page, which grows with the square of the library's size.
                const int page = RebuildPageSize;
                var after = "";
                while (true)
                {
#pragma warning disable CA1309 // Translated to SQL ("Id" > @after): the database compares, in the order it sorts by.
                    var batch = await db.CaseStudies.AsNoTracking().TagWith(QueryTag)
                        .Include(c => c.Terms)
                        .Where(c => c.Status == CaseStudyStatus.Published && c.RevisionOfId == null && string.Compare(c.Id, after) > 0)
#pragma warning restore CA1309
                        .OrderBy(c => c.Id)
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
                    after = batch[^1].Id;
                }
                writer.SetCommitData(SearchIndex.Generation.CommitData(cursor, SearchIndex.SchemaVersion));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexing tasks after the cursor {Cursor} of generation {Name} were pruned: rebuilding")]
    private static partial void LogStale(ILogger logger, string name, long cursor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} indexing tasks, up to id {UpTo}")]
    private static partial void LogPruned(ILogger logger, int count, long upTo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index generation {Name} has layout {Schema}, this version writes {Expected}: rebuilding")]
    private static partial void LogOutdated(ILogger logger, string name, int schema, int expected);

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
