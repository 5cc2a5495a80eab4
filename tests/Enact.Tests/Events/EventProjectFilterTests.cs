using Enact.Core.Events;
using Enact.Tests.Infrastructure;

namespace Enact.Tests.Events;

/// <summary>The events list filters by project: only events linked to one of the project's activities.</summary>
public sealed class EventProjectFilterTests
{
    [Fact]
    public async Task Project_filter_keeps_the_projects_events_and_leaves_out_the_others()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        var other = await EventSteps.CreateEventAsync(app, DateTime.UtcNow.AddDays(20), slug: "unlinked-workshop");
        using var client = app.CreateTestClient("en");

        var all = await client.GetPageAsync("/en/events");
        Assert.NotNull(all.QuerySelector($"main a[href$='/events/{other.Slug}']"));
        Assert.NotNull(all.QuerySelector($"main a[href$='/events/{EventDemoContent.LaunchSlug}']"));
        var option = all.QuerySelector("select#project option[value='enact']");
        Assert.NotNull(option);

        var enact = await client.GetPageAsync("/en/events?project=enact");
        Assert.NotNull(enact.QuerySelector($"main a[href$='/events/{EventDemoContent.LaunchSlug}']"));
        Assert.Null(enact.QuerySelector($"main a[href$='/events/{other.Slug}']"));
        Assert.True(enact.QuerySelector("select#project option[value='enact']")!.HasAttribute("selected"));

        // An unknown project lists nothing rather than everything.
        var unknown = await client.GetPageAsync("/en/events?project=no-such-project");
        Assert.Null(unknown.QuerySelector($"main a[href$='/events/{EventDemoContent.LaunchSlug}']"));
    }

    [Fact]
    public async Task A_project_whose_linked_events_are_all_unpublished_is_not_offered()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        var hidden = await EventSteps.CreateEventAsync(app, DateTime.UtcNow.AddDays(20), slug: "draft-workshop");
        await app.WithDbAsync(async db =>
        {
            var e = await db.Events.FindAsync(hidden.Id);
            e!.Published = false;
            var project = new Enact.Core.Projects.Project
            {
                Code = "quiet-project", NameAr = "مشروع هادئ", NameEn = "Quiet project", LongTitleAr = "مشروع بلا فعاليات منشورة", LongTitleEn = "A project without published events",
            };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            var activity = new Enact.Core.Projects.ProjectActivity
            {
                ProjectId = project.Id, Kind = Enact.Core.Projects.ActivityKinds.Workshop, Status = Enact.Core.Projects.ActivityStatuses.Planned,
                TitleAr = "ورشة", TitleEn = "Workshop",
            };
            db.ProjectActivities.Add(activity);
            await db.SaveChangesAsync();
            db.ProjectActivityEvents.Add(new Enact.Core.Projects.ProjectActivityEvent { ActivityId = activity.Id, EventId = hidden.Id });
            return await db.SaveChangesAsync();
        });
        using var client = app.CreateTestClient("en");
        var all = await client.GetPageAsync("/en/events");
        Assert.NotNull(all.QuerySelector("select#project option[value='enact']"));
        Assert.Null(all.QuerySelector("select#project option[value='quiet-project']"));
    }
}
