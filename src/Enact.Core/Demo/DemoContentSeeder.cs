using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Demo;

/// <summary>
/// Demo content for a first look at the portal, loaded once unless Enact:DemoContent is false.
/// It holds accounts for each role (without passwords, so nobody can sign in with them) so that administrators see
/// the role and country model at work; later features add their own demo records here.
/// </summary>
public static class DemoContentSeeder
{
    public const string DemoDomain = "demo.enact.example";

    private static readonly (string Email, string Name, string Role, string? Country)[] Accounts =
    [
        ($"editor@{DemoDomain}", "Demo editor · محرر تجريبي", Roles.Editor, null),
        ($"reviewer@{DemoDomain}", "Demo reviewer · مراجع تجريبي", Roles.Reviewer, null),
        ($"focal.lb@{DemoDomain}", "Demo focal point, Lebanon · جهة اتصال تجريبية، لبنان", Roles.FocalPoint, "LB"),
        ($"focal.jo@{DemoDomain}", "Demo focal point, Jordan · جهة اتصال تجريبية، الأردن", Roles.FocalPoint, "JO"),
        ($"contributor@{DemoDomain}", "Demo contributor · مساهم تجريبي", Roles.Contributor, null),
    ];

    public static async Task<int> SeedAsync(EnactDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var events = await Events.EventDemoContent.SeedAsync(db, clock, cancellationToken);
        if (await db.Users.AnyAsync(u => u.Email!.EndsWith("@" + DemoDomain), cancellationToken))
        {
            return events + await Projects.ProjectDemoContent.SeedAsync(db, clock, cancellationToken);
        }
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        var audit = new AuditTrail(db, clock);
        foreach (var (email, name, role, country) in Accounts)
        {
            var user = new EnactUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = name,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new() { UserId = user.Id, RoleId = roles[role] });
            if (country is not null)
            {
                db.UserCountries.Add(new UserCountry { UserId = user.Id, CountryCode = country });
            }
            audit.Record(AuditActor.System, "user.demo-created", "user", user.Id.ToString(), after: new { email, role, country });
        }
        Calls.DemoCalls.Add(db, clock, audit);
        await db.SaveChangesAsync(cancellationToken);
        await Review.ReviewDemoContent.SeedAsync(db, clock, cancellationToken);
        await Submissions.SubmissionDemo.SeedAsync(db, clock, cancellationToken);
        var projects = await Projects.ProjectDemoContent.SeedAsync(db, clock, cancellationToken);
        return Accounts.Length + events + projects;
    }
}
