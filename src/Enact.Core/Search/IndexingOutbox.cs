using Enact.Core.CaseStudies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Enact.Core.Search;

/// <summary>
/// Writes the indexing tasks. <see cref="Capture"/> runs inside every <c>SaveChanges</c> of <c>EnactDbContext</c>, so a
/// feature that adds, edits or deletes a <see cref="CaseStudy"/> (or its taxonomy links) cannot forget the task: it is
/// saved in the same transaction as the change. <see cref="Queue"/> is for changes the tracker cannot see (e.g. raw SQL).
/// </summary>
public static class IndexingOutbox
{
    public static void Capture(ChangeTracker tracker, DbSet<IndexingTask> tasks, DateTime now)
    {
        Dictionary<string, IndexingKind>? changed = null;
        foreach (var entry in tracker.Entries<CaseStudy>())
        {
            var kind = entry.State switch
            {
                EntityState.Added or EntityState.Modified => IndexingKind.Upsert,
                EntityState.Deleted => IndexingKind.Delete,
                _ => (IndexingKind?)null,
            };
            if (kind is { } k)
            {
                (changed ??= new(StringComparer.Ordinal))[entry.Entity.Id] = k;
            }
        }
        foreach (var entry in tracker.Entries<CaseStudyTerm>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                changed ??= new(StringComparer.Ordinal);
                changed.TryAdd(entry.Entity.CaseStudyId, IndexingKind.Upsert);
            }
        }
        if (changed is null)
        {
            return;
        }
        foreach (var entry in tracker.Entries<IndexingTask>())
        {
            if (entry.State == EntityState.Added && changed.TryGetValue(entry.Entity.CaseStudyId, out var k) && k == entry.Entity.Kind)
            {
                changed.Remove(entry.Entity.CaseStudyId);
            }
        }
        foreach (var (id, kind) in changed)
        {
            tasks.Add(new IndexingTask { CaseStudyId = id, Kind = kind, CreatedAt = now });
        }
    }

    /// <summary>Adds a task explicitly, for a change the change tracker does not see; save it in the same transaction.</summary>
    public static IndexingTask Queue(DbSet<IndexingTask> tasks, string caseStudyId, IndexingKind kind, DateTime now)
    {
        var task = new IndexingTask { CaseStudyId = caseStudyId, Kind = kind, CreatedAt = now };
        tasks.Add(task);
        return task;
    }
}
