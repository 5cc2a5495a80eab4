using Enact.Core.Accounts;
using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Audit;

/// <summary>Filters for browsing the audit trail; dates are whole UTC days, <see cref="To"/> inclusive.</summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? EntityType = null, string? EntityId = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>Read side of the audit trail: newest first, paged, served by the index on At.</summary>
public sealed class AuditLog(EnactDbContext db)
{
    public const int PageSize = 50;

    public async Task<PageOf<AuditEntry>> SearchAsync(AuditFilter filter, int page, CancellationToken ct = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(a => a.ActorEmail != null && a.ActorEmail.Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(a => a.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            query = query.Where(a => a.EntityType == type);
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var id = filter.EntityId.Trim();
            query = query.Where(a => a.EntityId == id);
        }
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At < end);
        }
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new PageOf<AuditEntry>(items, total, page, PageSize);
    }

    /// <summary>The latest entries about one entity (for the account page).</summary>
    public Task<List<AuditEntry>> RecentForAsync(string entityType, string entityId, int max = 20, CancellationToken ct = default)
        => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(max).ToListAsync(ct);

    /// <summary>The distinct actions recorded so far, for the filter's list.</summary>
    public Task<List<string>> ActionsAsync(CancellationToken ct = default)
        => db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
}
