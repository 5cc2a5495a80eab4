using System.Text.Json;
using Enact.Core.Data;

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
}
