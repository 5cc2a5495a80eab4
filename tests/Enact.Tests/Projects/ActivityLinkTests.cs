using System.Net;
using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.Projects;
using Enact.Tests.Calls;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enact.Tests.Projects.ProjectAdminSteps;

namespace Enact.Tests.Projects;

/// <summary>
/// On an activity's edit page, editors tick the events and calls that belong to it; the activity's page, the events
/// list's project filter and the audit trail follow. Saved in one transaction, checked against the activity's version.
/// </summary>
public sealed class ActivityLinkTests
{
    private static readonly DateTime March20 = new(2030, 3, 20, 7, 0, 0, DateTimeKind.Utc);

    private sealed record Arranged(int Activity, int Published, int Draft, int Call);

    /// <summary>A project "open-data" with one activity, two events (one not published) and one call, created by <paramref name="editor"/> (signed in here).</summary>
    private static async Task<Arranged> ArrangeAsync(EnactFactory app, TestClient editor)
    {
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        await CreateProjectAsync(editor, "open-data");
        var activity = await AddActivityAsync(app, editor, "open-data", "Open data workshop");
        var published = await ArrangeEventAsync(app, "Open data clinic", "عيادة البيانات المفتوحة", March20);
        var draft = await ArrangeEventAsync(app, "Open data hackathon", "هاكاثون البيانات المفتوحة", March20.AddDays(30), published: false);
        var call = await CallSteps.ArrangeCallAsync(app, March20.AddDays(-60), new DateTime(2030, 4, 30, 20, 59, 0, DateTimeKind.Utc),
            titleEn: "Call for open data cases", titleAr: "دعوة لتقديم حالات البيانات المفتوحة");
        return new Arranged(activity, published, draft, call);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Linked_events_and_calls_show_on_the_activity_page_and_in_the_project_filter_until_unlinked(Provider provider)
    {
        await using var app = await EnactFactory.StartAsync(provider);
        using var editor = app.CreateTestClient("ar");
        var (activity, published, draft, call) = await ArrangeAsync(app, editor);
        var editPath = ActivityPath("ar", "open-data", activity) + "/edit";
        var publishedSlug = await SlugOfAsync(app, published);
        var draftSlug = await SlugOfAsync(app, draft);

        // The form lists events by date and title in the page's language, and calls by title and deadline.
        var edit = await editor.GetPageAsync(editPath);
        var eventLabel = edit.QuerySelector($"label[for='Input_EventIds_{Id(published)}']")!.TextContent;
        Assert.Contains("عيادة البيانات المفتوحة", eventLabel, StringComparison.Ordinal);
        Assert.Contains("20 آذار/مارس 2030", eventLabel, StringComparison.Ordinal);
        Assert.Contains("غير منشورة", edit.QuerySelector($"label[for='Input_EventIds_{Id(draft)}']")!.TextContent, StringComparison.Ordinal);
        var callLabel = edit.QuerySelector($"label[for='Input_CallIds_{Id(call)}']")!.TextContent;
        Assert.Contains("دعوة لتقديم حالات البيانات المفتوحة", callLabel, StringComparison.Ordinal);
        Assert.Contains("الموعد النهائي 30 نيسان/أبريل 2030", callLabel, StringComparison.Ordinal);
        Assert.Empty(edit.QuerySelectorAll("#Input_EventIds input:checked, #Input_CallIds input:checked"));

        using (var saved = await editor.SubmitFormAsync(edit, Links(edit, [published, draft], [call])))
        {
            await ExpectRedirectAsync(saved);
        }
        Assert.Equal([published, draft], await LinkedEventsAsync(app, activity));
        Assert.Equal([call], await LinkedCallsAsync(app, activity));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "activity.links-updated"));
        Assert.Equal(Id(activity), audit.EntityId);
        Assert.Contains($"\"events\":[{Id(published)},{Id(draft)}]", audit.After, StringComparison.Ordinal);

        // Readers see the published event and the call on the activity's page; the unpublished event waits.
        using var reader = app.CreateTestClient("en");
        var page = await reader.GetPageAsync(ActivityPath("en", "open-data", activity));
        Assert.NotNull(page.QuerySelector($"#events-heading + ul a[href='/en/events/{publishedSlug}']"));
        Assert.Null(page.QuerySelector($"a[href='/en/events/{draftSlug}']"));
        Assert.NotNull(page.QuerySelector($"#calls-heading + ul a[href='/en/calls/{Id(call)}']"));
        // The events list offers the project as a filter, and the filter keeps the linked event.
        var events = await reader.GetPageAsync("/en/events?project=open-data");
        Assert.NotNull(events.QuerySelector("select#project option[value='open-data'][selected]"));
        Assert.NotNull(events.QuerySelector($"main a[href$='/events/{publishedSlug}']"));
        // The edit page now shows the links ticked.
        edit = await editor.GetPageAsync(editPath);
        Assert.Equal([Id(draft), Id(published), Id(call)], edit.QuerySelectorAll("#Input_EventIds input:checked, #Input_CallIds input:checked").Select(i => i.GetAttribute("value")));

        // Unlinking: the event and the call leave the activity's page, and the project leaves the events filter.
        using (var unlinked = await editor.SubmitFormAsync(edit, Links(edit, [], [])))
        {
            await ExpectRedirectAsync(unlinked);
        }
        Assert.Empty(await LinkedEventsAsync(app, activity));
        Assert.Empty(await LinkedCallsAsync(app, activity));
        page = await reader.GetPageAsync(ActivityPath("en", "open-data", activity));
        Assert.Null(page.QuerySelector("#events-heading"));
        Assert.Null(page.QuerySelector("#calls-heading"));
        events = await reader.GetPageAsync("/en/events?project=open-data");
        Assert.Null(events.QuerySelector($"main a[href$='/events/{publishedSlug}']"));
        Assert.Null(events.QuerySelector("select#project option[value='open-data']"));
        Assert.NotNull((await reader.GetPageAsync("/en/events")).QuerySelector($"main a[href$='/events/{publishedSlug}']"));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "activity.links-updated")));

        // News items point to the new activity from the news form's choices, named with its project.
        var news = await editor.GetPageAsync("/ar/news/manage/new");
        var project = await app.WithDbAsync(db => db.Projects.Where(p => p.Code == "open-data").Select(p => p.NameAr).SingleAsync());
        Assert.Equal($"{project} · نشاط: Open data workshop", news.QuerySelector($"select#Input_ActivityId option[value='{Id(activity)}']")?.TextContent);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_stale_form_is_a_conflict_that_shows_the_saved_links_and_keeps_the_editors_choice(Provider provider)
    {
        await using var app = await EnactFactory.StartAsync(provider);
        using var editor = app.CreateTestClient("en");
        var (activity, published, _, call) = await ArrangeAsync(app, editor);
        using var other = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, other, Roles.Editor);
        var editPath = ActivityPath("en", "open-data", activity) + "/edit";

        var stale = await editor.GetPageAsync(editPath);
        var fresh = await other.GetPageAsync(editPath);
        using (var saved = await other.SubmitFormAsync(fresh, Links(fresh, [published], [])))
        {
            await ExpectRedirectAsync(saved);
        }

        using var conflict = await editor.SubmitFormAsync(stale, Links(stale, [], [call], ("Input.TitleEn", "Open data workshop (renamed)")));
        var page = await ExpectFormAgainAsync(conflict);
        Assert.Contains("Someone else changed this record", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Open data clinic", page.QuerySelector(".notice.conflict .saved-events")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("None", page.QuerySelector(".notice.conflict .saved-calls")!.TextContent.Trim());
        // The editor's choice stays in the form: the call ticked, the event not, the new title typed.
        Assert.Equal([Id(call)], page.QuerySelectorAll("#Input_EventIds input:checked, #Input_CallIds input:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal("Open data workshop (renamed)", page.QuerySelector("#Input_TitleEn")!.GetAttribute("value"));
        // Nothing of the refused save was written: neither the call, nor the title, nor an audit entry.
        Assert.Equal([published], await LinkedEventsAsync(app, activity));
        Assert.Empty(await LinkedCallsAsync(app, activity));
        Assert.Equal("Open data workshop", await app.WithDbAsync(db => db.ProjectActivities.Where(a => a.Id == activity).Select(a => a.TitleEn).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "activity.links-updated")));

        // Saving from the conflict page is a deliberate choice, and it is what the page shows.
        using var again = await editor.SubmitFormAsync(page, []);
        await ExpectRedirectAsync(again);
        Assert.Empty(await LinkedEventsAsync(app, activity));
        Assert.Equal([call], await LinkedCallsAsync(app, activity));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Two_saves_from_the_same_version_at_once_let_exactly_one_win_whole(Provider provider)
    {
        await using var app = await EnactFactory.StartAsync(provider);
        Arranged arranged;
        using (var editor = app.CreateTestClient("en"))
        {
            arranged = await ArrangeAsync(app, editor);
        }
        var (activity, published, draft, call) = arranged;
        var version = await app.WithDbAsync(db => db.ProjectActivities.Where(a => a.Id == activity).Select(a => a.Version).SingleAsync());
        var input = new ActivityInput(ActivityKinds.Workshop, ActivityStatuses.Planned, "ورشة", "Open data workshop", null, null);
        var choices = new[] { new ActivityLinks([published], [call]), new ActivityLinks([draft], []) };

        var outcomes = await Task.WhenAll(choices.Select(async links =>
        {
            await using var scope = app.Scope();
            var admin = scope.ServiceProvider.GetRequiredService<ProjectAdministration>();
            return await admin.SaveActivityAsync(AuditActor.System, "open-data", activity, version, input, links);
        }));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(outcomes, o => o.Kind == OutcomeKind.Conflict);
        var winner = choices[Array.FindIndex(outcomes, o => o.Succeeded)];
        Assert.Equal(winner.EventIds, await LinkedEventsAsync(app, activity));
        Assert.Equal(winner.CallIds, await LinkedCallsAsync(app, activity));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "activity.links-updated")));
    }

    [Fact]
    public async Task Unknown_events_or_calls_are_refused_as_field_errors()
    {
        await using var app = await EnactFactory.StartAsync();
        using var editor = app.CreateTestClient("en");
        var (activity, published, _, _) = await ArrangeAsync(app, editor);
        var editPath = ActivityPath("en", "open-data", activity) + "/edit";

        var edit = await editor.GetPageAsync(editPath);
        using var response = await editor.SubmitFormAsync(edit, Links(edit, [published, 999_999], [888_888]));
        var page = await ExpectFormAgainAsync(response);
        var links = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_CallIds", "#Input_EventIds"], links.Order(StringComparer.Ordinal));
        Assert.Contains("Choose a value from the list for \"Events of the activity\".", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("fieldset#Input_EventIds .field-error"));
        Assert.Empty(await LinkedEventsAsync(app, activity));
    }
}
