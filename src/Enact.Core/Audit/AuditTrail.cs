using System.Text.Json;
using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Audit;

/// <summary>Who is acting: the signed-in user, the command line, or the system itself.</summary>
public sealed record AuditActor(Guid? UserId, string? Email)
{
    public static readonly AuditActor System = new(null, "system");
    public static readonly AuditActor CommandLine = new(null, "command-line");
}

/// <summary>
/// The one way features write to the audit trail. Entries are added to the caller's DbContext, so they are
/// saved in the same transaction as the change they describe.
/// </summary>
public sealed class AuditTrail(EnactDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public AuditEntry Record(AuditActor actor, string action, string entityType, string entityId, object? before = null, object? after = null)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.UserId,
            ActorEmail = actor.Email,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// For frequent small changes (draft saves, autosave): folds this change into the entity's latest entry when that
    /// entry is the same <paramref name="action"/> by the same signed-in person, written less than <paramref name="window"/>
    /// ago. Its time moves to now and its after-state becomes <paramref name="after"/> of the previous after-state (null
    /// for a new entry). Any other entry in between (a submission, a transition, another person's change) starts a new one,
    /// so the trail keeps its order. Saved with the caller's change, like <see cref="Record"/>.
    /// </summary>
    public async Task<AuditEntry> RecordOrMergeAsync(AuditActor actor, string action, string entityType, string entityId, TimeSpan window,
        Func<JsonElement?, object> after, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(after);
        var now = clock.GetUtcNow().UtcDateTime;
        if (actor.UserId is { } userId)
        {
            var latest = await db.AuditEntries
                .Where(a => a.EntityType == entityType && a.EntityId == entityId)
                .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
                .FirstOrDefaultAsync(ct);
            if (latest is not null && latest.Action == action && latest.ActorId == userId && latest.At <= now && now - latest.At < window)
            {
                using var previous = latest.After is null ? null : JsonDocument.Parse(latest.After);
                latest.After = JsonSerializer.Serialize(after(previous?.RootElement), Json);
                latest.At = now;
                return latest;
            }
        }
        return Record(actor, action, entityType, entityId, after: after(null));
    }
}
