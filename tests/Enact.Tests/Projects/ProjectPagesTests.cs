using System.Net;
using Enact.Core.Accounts;
using Enact.Core.Events;
using Enact.Core.Projects;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Projects.ProjectSteps;

namespace Enact.Tests.Projects;

/// <summary>The ENACT project and its activities as readers see them, and as staff edit them.</summary>
public sealed class ProjectPagesTests
{
    [Fact]
    public async Task The_Arabic_and_English_project_pages_show_titles_dimensions_goals_activities_and_partners()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        using var client = app.CreateTestClient("ar");

        var page = await client.GetPageAsync("/ar/projects/enact");
        Assert.Equal("مشروع ENACT", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal("تسريع استخدام التكنولوجيا والابتكار لتعزيز العمليات في المؤسسات العامة العربية", page.QuerySelector("main .lead")!.TextContent);
        Assert.Equal(["الاستجابة", "الشمول", "الثقة", "الفعالية"], page.QuerySelectorAll(".dimensions dt").Select(d => d.TextContent.Trim()));
        var goals = page.QuerySelector("#sdgs-heading + ul")!.TextContent;
        Assert.Contains("الهدف 16", goals, StringComparison.Ordinal);
        Assert.Contains("الهدف 17", goals, StringComparison.Ordinal);
        var activities = page.QuerySelectorAll(".activities li").Select(li => li.TextContent).ToList();
        Assert.Equal(5, activities.Count);
        Assert.Contains(activities, a => a.Contains(ProjectDemoContent.TrustWorkshopTitleAr, StringComparison.Ordinal) && a.Contains("ورشة عمل", StringComparison.Ordinal) && a.Contains("مخطط له", StringComparison.Ordinal));
        Assert.Contains(activities, a => a.Contains("تجميع ممارسات جيدة", StringComparison.Ordinal) && a.Contains("جارٍ", StringComparison.Ordinal));
        Assert.Contains("الدول الأعضاء في الإسكوا", page.QuerySelector("#partners-heading + ul")!.TextContent, StringComparison.Ordinal);

        // The ENACT entry of the main navigation shows the same page.
        var enact = await client.GetPageAsync("/ar/enact");
        Assert.Equal("مشروع ENACT", enact.QuerySelector("main h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("nav.main-nav a[href='/ar/organisations']"));

        var english = await client.GetPageAsync("/en/projects/enact");
        Assert.Equal("Accelerating the use of technology and innovation to enhance operations in Arab public institutions", english.QuerySelector("main .lead")!.TextContent);
        Assert.Equal(["Responsiveness", "Inclusiveness", "Trust", "Effectiveness"], english.QuerySelectorAll(".dimensions dt").Select(d => d.TextContent.Trim()));
        Assert.Contains(english.QuerySelectorAll(".activities li"), li => li.TextContent.Contains(ProjectDemoContent.TrustWorkshopTitleEn, StringComparison.Ordinal) && li.TextContent.Contains("Planned", StringComparison.Ordinal));

        await client.GetPageAsync("/en/projects/unknown", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Activity_pages_link_their_events_calls_and_news()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        using var client = app.CreateTestClient("en");

        var workshop = await TrustWorkshopIdAsync(app);
        var page = await client.GetPageAsync(ActivityPath("en", workshop));
        Assert.Equal(ProjectDemoContent.TrustWorkshopTitleEn, page.QuerySelector("main h1")!.TextContent);
        Assert.NotNull(page.QuerySelector($"#events-heading + ul a[href='/en/events/{EventDemoContent.WorkshopSlug}']"));
        Assert.NotNull(page.QuerySelector("#related-news-heading + ul a[href='/en/news/trust-workshop-partners']"));
        // Anonymous readers are asked to sign in before offering.
        Assert.Null(page.QuerySelector("form[action*='handler=offer']"));
        Assert.NotNull(page.QuerySelector($"#offer a[href^='/en/account/sign-in']"));

        var launch = await ActivityIdAsync(app, ActivityKinds.Other);
        page = await client.GetPageAsync(ActivityPath("en", launch));
        Assert.NotNull(page.QuerySelector($"#events-heading + ul a[href='/en/events/{EventDemoContent.LaunchSlug}']"));
        Assert.NotNull(page.QuerySelector($"#related-news-heading + ul a[href='/en/news/{ProjectDemoContent.LaunchNewsSlug}']"));

        var call = await ActivityIdAsync(app, ActivityKinds.CallForCaseStudies);
        var callId = await app.WithDbAsync(db => db.ProjectActivityCalls.Where(l => l.ActivityId == call).Select(l => l.CallId).SingleAsync());
        page = await client.GetPageAsync(ActivityPath("ar", call));
        Assert.NotNull(page.QuerySelector($"#calls-heading + ul a[href='/ar/calls/{callId}']"));

        await client.GetPageAsync(ActivityPath("en", 9999), HttpStatusCode.NotFound);
        await client.GetPageAsync($"/en/projects/other/activities/{workshop}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_editor_changes_an_activitys_status_with_an_audit_entry_and_a_stale_form_is_a_conflict()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        var workshop = await TrustWorkshopIdAsync(app);
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var editPath = ActivityPath("en", workshop) + "/edit";

        var stale = await editor.GetPageAsync(editPath);
        using (var saved = await ExpectAsync(editor.SubmitFormAsync(editPath, TestClient.Many(("Input.Status", "ongoing"))), HttpStatusCode.Redirect))
        {
            Assert.Equal(ActivityPath("en", workshop) + "?status=saved", saved.Headers.Location!.OriginalString);
        }
        Assert.Equal(ActivityStatuses.Ongoing, await app.WithDbAsync(db => db.ProjectActivities.Where(a => a.Id == workshop).Select(a => a.Status).SingleAsync()));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "activity.updated"));
        Assert.Contains("planned", audit.Before, StringComparison.Ordinal);
        Assert.Contains("ongoing", audit.After, StringComparison.Ordinal);

        // The form opened before that save carries the old version: refused, the typed text kept, the saved values shown.
        using var conflict = await editor.SubmitFormAsync(stale, TestClient.Many(("Input.Status", "completed"), ("Input.TitleEn", "Renamed workshop")));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await TestClient.ParseAsync(conflict);
        Assert.Contains("Someone else changed this record", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Renamed workshop", page.QuerySelector("#Input_TitleEn")!.GetAttribute("value"));
        Assert.Contains("Ongoing", page.QuerySelector(".notice.conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ActivityStatuses.Ongoing, await app.WithDbAsync(db => db.ProjectActivities.Where(a => a.Id == workshop).Select(a => a.Status).SingleAsync()));

        // Saving again from the conflict page is a deliberate choice, and it works.
        using var again = await editor.SubmitFormAsync(page, []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Renamed workshop", await app.WithDbAsync(db => db.ProjectActivities.Where(a => a.Id == workshop).Select(a => a.TitleEn).SingleAsync()));
    }

    [Theory]
    [InlineData("ar", "حقل «العنوان بالعربية» مطلوب.")]
    [InlineData("en", "The field \"Title in Arabic\" is required.")]
    public async Task A_missing_title_is_a_field_error_in_the_page_language(string culture, string message)
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        var workshop = await TrustWorkshopIdAsync(app);
        using var editor = app.CreateTestClient(culture);
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);

        using var response = await editor.SubmitFormAsync(ActivityPath(culture, workshop) + "/edit", TestClient.Many(("Input.TitleAr", " ")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Input_TitleAr", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Only_staff_edit_projects_and_activities()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        var workshop = await TrustWorkshopIdAsync(app);
        var paths = new[] { ActivityPath("ar", workshop) + "/edit", "/ar/projects/enact/edit", ActivityPath("ar", workshop) + "/offers" };

        using var anonymous = app.CreateTestClient("ar");
        foreach (var path in paths)
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/ar/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var person = app.CreateTestClient("ar");
        await SignInPersonAsync(app, person);
        foreach (var path in paths)
        {
            using var response = await person.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_editor_edits_the_projects_objectives()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);

        using var response = await editor.SubmitFormAsync("/en/projects/enact/edit", TestClient.Many(("Input.ObjectivesEn", "- **Faster** digital services")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await editor.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Faster", page.QuerySelector("#objectives-heading + div strong")!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "project.updated")));
    }
}
