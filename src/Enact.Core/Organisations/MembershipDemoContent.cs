using Enact.Core.Data;
using Enact.Core.Demo;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Organisations;

/// <summary>
/// Demo members: the demo contributor and the demo focal point for Lebanon keep the demo regional organisation, so its
/// members page shows a list (no request is left waiting for an answer).
/// </summary>
public static class MembershipDemoContent
{
    public const string RegionalOrganisationNameEn = "Demo Regional Digital Government Organisation";

    public static async Task SeedAsync(EnactDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var organisationId = await db.Organisations.Where(o => o.NameEn == RegionalOrganisationNameEn).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (organisationId is not int id || await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == id, ct))
        {
            return;
        }
        string[] emails = [$"contributor@{DemoContentSeeder.DemoDomain}", $"focal.lb@{DemoContentSeeder.DemoDomain}"];
        var people = await db.Users.Where(u => emails.Contains(u.Email!)).Select(u => u.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var person in people)
        {
            db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = id, UserId = person, JoinedAt = now });
        }
        await db.SaveChangesAsync(ct);
    }
}
