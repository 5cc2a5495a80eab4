using System.Net;
using Enact.Core.Accounts;
using Enact.Core.Projects;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Projects.ProjectAdminSteps;

namespace Enact.Tests.Projects;

/// <summary>Editors add activities to a project (at the end, or before another) and move them up and down, without JavaScript.</summary>
public sealed class ActivityOrderTests
{
    [Fact]
    public async Task New_activities_go_at_the_end_unless_the_editor_chooses_a_place()
    {
        await using var app = await EnactFactory.StartAsync();
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        await CreateProjectAsync(editor, "trust");

        // The form offers "at the end" first, then "before" each activity.
        var form = await editor.GetPageAsync("/en/projects/trust/activities/new");
        Assert.Equal("At the end of the list", form.QuerySelector("#Input_Before option")!.TextContent);
        Assert.Equal("workshop", form.QuerySelector("#Input_Kind option[selected]")!.GetAttribute("value"));

        var study = await AddActivityAsync(app, editor, "trust", "Study on trust", kind: ActivityKinds.Study, status: ActivityStatuses.Ongoing);
        var workshop = await AddActivityAsync(app, editor, "trust", "Workshop on trust");
        var call = await AddActivityAsync(app, editor, "trust", "Call for trust cases", before: study, kind: ActivityKinds.CallForCaseStudies);
        Assert.Equal(["Call for trust cases", "Study on trust", "Workshop on trust"], await ActivityTitlesAsync(editor, "trust"));

        var activity = await editor.GetPageAsync(ActivityPath("en", "trust", study) + "?status=created");
        Assert.Equal("Study on trust", activity.QuerySelector("main h1")!.TextContent);
        Assert.Equal("Study", activity.QuerySelector(".facts dd")!.TextContent);
        Assert.Equal("The activity was added to the project.", activity.QuerySelector(".notice.success")!.TextContent.Trim());
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "activity.created")));
        var positions = await app.WithDbAsync(db => db.ProjectActivities.OrderBy(a => a.Position).Select(a => a.Id).ToListAsync());
        Assert.Equal([call, study, workshop], positions);

        // The list of projects counts them.
        var list = await editor.GetPageAsync("/en/projects");
        Assert.Contains("Activities: 3", list.QuerySelector(".projects > li")!.TextContent, StringComparison.Ordinal);

        // A missing title is a field error; nothing is added.
        using var missing = await editor.SubmitFormAsync("/en/projects/trust/activities/new", TestClient.Many(("Input.TitleEn", "Untitled in Arabic"), ("Input.TitleAr", "")));
        var page = await ExpectFormAgainAsync(missing);
        Assert.Equal("#Input_TitleAr", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("Untitled in Arabic", page.QuerySelector("#Input_TitleEn")!.GetAttribute("value"));
        Assert.Equal(3, await app.WithDbAsync(db => db.ProjectActivities.CountAsync()));

        await editor.GetPageAsync("/en/projects/unknown/activities/new", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Moving_activities_up_and_down_changes_the_projects_page()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        using var editor = app.CreateTestClient("ar");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var workshop = await ProjectSteps.TrustWorkshopIdAsync(app);
        var before = await ActivityTitlesAsync(editor, "enact");
        Assert.Equal(ProjectDemoContent.TrustWorkshopTitleEn, before[2]);

        // Staff reach the order page from the project's page.
        var project = await editor.GetPageAsync("/ar/projects/enact");
        Assert.NotNull(project.QuerySelector("nav.staff-links a[href='/ar/projects/enact/activities/manage']"));
        var order = await editor.GetPageAsync(OrderPath("ar", "enact"));
        var rows = order.QuerySelectorAll("table.activity-order tbody tr").ToList();
        Assert.Equal(5, rows.Count);
        Assert.Null(rows[0].QuerySelector("button[value='up']"));
        Assert.Null(rows[4].QuerySelector("button[value='down']"));
        Assert.Contains(ProjectDemoContent.TrustWorkshopTitleAr, rows[2].QuerySelector("button[value='up']")!.TextContent, StringComparison.Ordinal);

        using (var moved = await MoveAsync(editor, order, workshop, "up"))
        {
            await ExpectRedirectAsync(moved);
            Assert.Equal($"/ar/projects/enact/activities/manage?status=moved#activity-{Id(workshop)}", moved.Headers.Location!.OriginalString);
        }
        var after = await ActivityTitlesAsync(editor, "enact");
        Assert.Equal([before[0], before[2], before[1], before[3], before[4]], after);

        order = await editor.GetPageAsync(OrderPath("ar", "enact") + "?status=moved");
        Assert.NotNull(order.QuerySelector(".notice.success"));
        using (var down = await MoveAsync(editor, order, workshop, "down"))
        {
            await ExpectRedirectAsync(down);
        }
        order = await editor.GetPageAsync(OrderPath("ar", "enact"));
        using (var again = await MoveAsync(editor, order, workshop, "down"))
        {
            await ExpectRedirectAsync(again);
        }
        Assert.Equal([before[0], before[1], before[3], before[2], before[4]], await ActivityTitlesAsync(editor, "enact"));
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "activities.reordered")));
        // Positions are renumbered 1..n.
        Assert.Equal([1, 2, 3, 4, 5], await app.WithDbAsync(db => db.ProjectActivities.OrderBy(a => a.Position).Select(a => a.Position).ToListAsync()));
    }

    [Fact]
    public async Task A_move_from_a_page_showing_an_older_order_is_a_conflict_and_shows_the_current_order()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        using var first = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, first, Roles.Editor);
        using var second = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, second, Roles.Administrator);
        var workshop = await ProjectSteps.TrustWorkshopIdAsync(app);
        var launch = await ProjectSteps.ActivityIdAsync(app, ActivityKinds.Other);

        var stale = await first.GetPageAsync(OrderPath("en", "enact"));
        using (var moved = await MoveAsync(second, await second.GetPageAsync(OrderPath("en", "enact")), launch, "down"))
        {
            await ExpectRedirectAsync(moved);
        }
        var current = await ActivityTitlesAsync(first, "enact");

        using var conflict = await MoveAsync(first, stale, workshop, "up");
        var page = await ExpectFormAgainAsync(conflict);
        Assert.Contains("Someone else changed the activities of this project after you opened this page", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        // The page now shows the order as it is, and nothing moved.
        Assert.Equal(current, page.QuerySelectorAll("table.activity-order tbody th a").Select(a => a.TextContent.Trim()));
        Assert.Equal(current, await ActivityTitlesAsync(first, "enact"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "activities.reordered")));

        // From the refreshed page the move works.
        using (var retry = await MoveAsync(first, page, workshop, "up"))
        {
            await ExpectRedirectAsync(retry);
        }

        // An activity added since the page was drawn makes it stale too.
        var refreshed = await first.GetPageAsync(OrderPath("en", "enact"));
        await AddActivityAsync(app, second, "enact", "A new study");
        using var added = await MoveAsync(first, refreshed, workshop, "down");
        await ExpectFormAgainAsync(added);
        Assert.Equal("A new study", (await ActivityTitlesAsync(first, "enact"))[^1]);
    }

    [Fact]
    public async Task Reordering_does_not_make_an_open_activity_form_stale()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var workshop = await ProjectSteps.TrustWorkshopIdAsync(app);

        var edit = await editor.GetPageAsync(ActivityPath("en", "enact", workshop) + "/edit");
        using (var moved = await MoveAsync(editor, await editor.GetPageAsync(OrderPath("en", "enact")), workshop, "up"))
        {
            await ExpectRedirectAsync(moved);
        }
        // The order is the project's; the activity's texts keep their version, so the form opened before still saves.
        using var saved = await editor.SubmitFormAsync(edit, TestClient.Many(("Input.Status", ActivityStatuses.Ongoing)));
        await ExpectRedirectAsync(saved);
        Assert.Equal(ActivityStatuses.Ongoing, await app.WithDbAsync(db => db.ProjectActivities.Where(a => a.Id == workshop).Select(a => a.Status).SingleAsync()));
    }
}
