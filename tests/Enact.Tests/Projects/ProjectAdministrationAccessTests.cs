using System.Net;
using Enact.Core.Accounts;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Projects.ProjectAdminSteps;

namespace Enact.Tests.Projects;

/// <summary>Only editors and administrators create projects and activities, order them and link them; readers see the list.</summary>
public sealed class ProjectAdministrationAccessTests
{
    [Fact]
    public async Task Readers_are_sent_to_sign_in_and_other_roles_are_refused()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        var workshop = await ProjectSteps.TrustWorkshopIdAsync(app);
        var paths = new[]
        {
            "/ar/projects/new",
            "/ar/projects/enact/activities/new",
            OrderPath("ar", "enact"),
            ActivityPath("ar", "enact", workshop) + "/edit",
        };

        using var anonymous = app.CreateTestClient("ar");
        foreach (var path in paths)
        {
            using var response = await anonymous.GetAsync(path);
            Assert.True(HttpStatusCode.Redirect == response.StatusCode, path);
            Assert.StartsWith("/ar/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        // The list is public, without the editors' link.
        var list = await anonymous.GetPageAsync("/ar/projects");
        Assert.NotNull(list.QuerySelector("main a[href='/ar/projects/enact']"));
        Assert.Null(list.QuerySelector("main a[href='/ar/projects/new']"));
        Assert.Null((await anonymous.GetPageAsync("/ar/projects/enact")).QuerySelector("nav.staff-links"));

        foreach (var role in new[] { Roles.Contributor, Roles.Reviewer, Roles.FocalPoint })
        {
            using var person = app.CreateTestClient("ar");
            await TestAuth.SignInDirectlyAsync(app, person, role, "LB");
            foreach (var path in paths)
            {
                using var response = await person.GetAsync(path);
                Assert.True(HttpStatusCode.Forbidden == response.StatusCode, $"{role} GET {path}: {(int)response.StatusCode}");
            }
            // A post with a valid antiforgery token (from a page they may open) is refused too, and changes nothing.
            var page = await person.GetPageAsync("/ar/account/manage");
            var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value");
            using var move = await person.Http.PostAsync(OrderPath("ar", "enact"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token!,
                ["Move.Id"] = Id(workshop),
                ["Move.Direction"] = "up",
                ["Move.Order"] = string.Join(',', await app.WithDbAsync(db => db.ProjectActivities.OrderBy(a => a.Position).Select(a => a.Id).ToListAsync())),
            }));
            Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
            using var create = await person.Http.PostAsync("/ar/projects/new", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token!,
                ["Input.Code"] = "sneaky",
                ["Input.NameAr"] = "مشروع", ["Input.NameEn"] = "Project", ["Input.LongTitleAr"] = "مشروع", ["Input.LongTitleEn"] = "Project",
            }));
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Projects.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "activities.reordered")));

        // Administrators are staff too.
        using var admin = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, admin, Roles.Administrator);
        foreach (var path in paths)
        {
            await admin.GetPageAsync(path.Replace("/ar/", "/en/", StringComparison.Ordinal));
        }
    }
}
