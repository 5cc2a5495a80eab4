using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Enact.Core.Projects;
using Enact.Core.Reference;
using Enact.Tests.Events;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Enact.Tests.Projects;

/// <summary>Intent helpers for staff's pages of projects: creating projects and activities, ordering them, linking events and calls.</summary>
public static class ProjectAdminSteps
{
    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string ProjectPath(string culture, string code) => $"/{culture}/projects/{code}";

    public static string ActivityPath(string culture, string code, int id) => $"/{culture}/projects/{code}/activities/{Id(id)}";

    public static string OrderPath(string culture, string code) => $"/{culture}/projects/{code}/activities/manage";

    /// <summary>The new-project form filled as an editor would, with the fields given replacing the defaults.</summary>
    public static List<KeyValuePair<string, string?>> ProjectForm(string code, params (string Key, string? Value)[] overrides)
    {
        var fields = new List<KeyValuePair<string, string?>>(TestClient.Many(
            ("Input.Code", code),
            ("Input.NameAr", "البيانات الحكومية المفتوحة"),
            ("Input.NameEn", "Open government data"),
            ("Input.LongTitleAr", "تعزيز نشر البيانات الحكومية المفتوحة وإعادة استخدامها في المنطقة العربية"),
            ("Input.LongTitleEn", "Strengthening the publication and reuse of open government data in the Arab region"),
            ("Input.ObjectivesEn", "- Publish **open data**"),
            ("Input.PartnersEn", "ESCWA member States\nAcademia")));
        foreach (var (key, value) in overrides)
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add(new(key, value));
        }
        return fields;
    }

    /// <summary>Creates a project through the new-project form and returns its page's address; fails the test otherwise.</summary>
    public static async Task<string> CreateProjectAsync(TestClient editor, string code, params (string Key, string? Value)[] overrides)
    {
        using var response = await editor.SubmitFormAsync($"/{editor.Culture}/projects/new", ProjectForm(code, overrides));
        await ExpectRedirectAsync(response);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Adds an activity through the project's new-activity form (at the end unless <paramref name="before"/> is given) and returns its id.</summary>
    public static async Task<int> AddActivityAsync(EnactFactory app, TestClient editor, string code, string titleEn, int? before = null,
        string kind = ActivityKinds.Workshop, string status = ActivityStatuses.Planned)
    {
        using var response = await editor.SubmitFormAsync($"/{editor.Culture}/projects/{code}/activities/new", TestClient.Many(
            ("Input.Kind", kind), ("Input.Status", status),
            ("Input.TitleAr", "نشاط: " + titleEn), ("Input.TitleEn", titleEn),
            ("Input.DescriptionEn", "About " + titleEn),
            ("Input.Before", before is { } b ? Id(b) : "")));
        await ExpectRedirectAsync(response);
        return await app.WithDbAsync(db => db.ProjectActivities.Where(a => a.TitleEn == titleEn).Select(a => a.Id).SingleAsync());
    }

    /// <summary>The titles (English) of the project's activities as its public page lists them.</summary>
    public static async Task<IReadOnlyList<string>> ActivityTitlesAsync(TestClient reader, string code)
    {
        var page = await reader.GetPageAsync(ProjectPath("en", code));
        return page.QuerySelectorAll(".activities h3 a").Select(a => a.TextContent.Trim()).ToList();
    }

    /// <summary>Presses "move up" or "move down" for an activity on an already loaded order page (possibly stale).</summary>
    public static Task<HttpResponseMessage> MoveAsync(TestClient editor, IDocument orderPage, int activityId, string direction)
        => editor.SubmitFormAsync(orderPage, TestClient.Many(("Move.Direction", direction)), $"#activity-{Id(activityId)} form");

    /// <summary>A published event (or not) with its own titles, starting at <paramref name="startsUtc"/>.</summary>
    public static async Task<int> ArrangeEventAsync(EnactFactory app, string titleEn, string titleAr, DateTime startsUtc, bool published = true)
    {
        var created = await EventSteps.CreateEventAsync(app, startsUtc);
        await app.WithDbAsync(async db =>
        {
            var e = await db.Events.SingleAsync(x => x.Id == created.Id);
            e.TitleEn = titleEn;
            e.TitleAr = titleAr;
            e.Published = published;
            return await db.SaveChangesAsync();
        });
        return created.Id;
    }

    public static Task<string> SlugOfAsync(EnactFactory app, int eventId)
        => app.WithDbAsync(db => db.Events.Where(e => e.Id == eventId).Select(e => e.Slug).SingleAsync());

    /// <summary>The activity's edit form with exactly these events and calls ticked (every other box unticked).</summary>
    public static List<KeyValuePair<string, string?>> Links(IDocument editPage, IEnumerable<int> events, IEnumerable<int> calls, params (string Key, string? Value)[] more)
    {
        // Untick everything the page ticked, then tick the wanted ones: the same key repeated, as a browser sends it.
        var fields = new List<KeyValuePair<string, string?>> { new("Input.EventIds", null), new("Input.CallIds", null) };
        fields.AddRange(events.Select(e => new KeyValuePair<string, string?>("Input.EventIds", Id(e))));
        fields.AddRange(calls.Select(c => new KeyValuePair<string, string?>("Input.CallIds", Id(c))));
        fields.AddRange(more.Select(m => new KeyValuePair<string, string?>(m.Key, m.Value)));
        Assert.NotNull(editPage.QuerySelector("fieldset#Input_EventIds"));
        return fields;
    }

    public static Task<List<int>> LinkedEventsAsync(EnactFactory app, int activityId)
        => app.WithDbAsync(db => db.ProjectActivityEvents.Where(l => l.ActivityId == activityId).Select(l => l.EventId).OrderBy(x => x).ToListAsync());

    public static Task<List<int>> LinkedCallsAsync(EnactFactory app, int activityId)
        => app.WithDbAsync(db => db.ProjectActivityCalls.Where(l => l.ActivityId == activityId).Select(l => l.CallId).OrderBy(x => x).ToListAsync());

    public static Task<List<int>> DimensionIdsAsync(EnactFactory app, params string[] codes)
        => app.WithDbAsync(db => db.TaxonomyTerms.Where(t => t.Taxonomy == Taxonomies.Dimension && codes.Contains(t.Code)).OrderBy(t => t.SortOrder).Select(t => t.Id).ToListAsync());

    public static async Task ExpectRedirectAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await TestClient.ParseAsync(response);
            Assert.Fail($"Expected a redirect, got {(int)response.StatusCode}: {page.QuerySelector(".error-summary")?.TextContent.Trim()}");
        }
    }

    /// <summary>The error summary's text of a redisplayed form (fails the test when the answer is not the form with errors).</summary>
    public static async Task<IDocument> ExpectFormAgainAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the form again (200), got {(int)response.StatusCode} {response.Headers.Location}");
        var page = await TestClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".error-summary"));
        return page;
    }
}
