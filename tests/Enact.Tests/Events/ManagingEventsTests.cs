using System.Net;
using Enact.Core.Accounts;
using Enact.Core.Events;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Enact.Tests.Events;

public sealed class ManagingEventsTests
{
    private static IEnumerable<KeyValuePair<string, string?>> Form(string slug, string version = "") => TestClient.Many(
        ("Input.Version", version), ("Input.Slug", slug), ("Input.Kind", EventKinds.Conference), ("Input.Format", EventFormats.Online),
        ("Input.TitleAr", "مؤتمر تجريبي"), ("Input.TitleEn", "Test conference"), ("Input.TimeZone", "America/New_York"),
        ("Input.StartsLocal", "2030-01-15T09:00"), ("Input.EndsLocal", "2030-01-15T11:30"), ("Input.Published", "true"),
        ("Input.OutcomeAr", "أولاً\nثانياً"), ("Input.OutcomeEn", "First\nSecond"));

    [Fact]
    public async Task An_editor_creates_an_event_in_another_time_zone_and_the_instants_are_right()
    {
        await using var app = await EnactFactory.StartAsync();
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        using var created = await editor.SubmitFormAsync("/en/events/manage/edit", Form("ny-conference"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var ev = await app.WithDbAsync(db => db.Events.Include(e => e.OutcomePoints).SingleAsync(e => e.Slug == "ny-conference"));
        Assert.Equal(new DateTime(2030, 1, 15, 14, 0, 0, DateTimeKind.Utc), ev.StartsAt);
        Assert.Equal(["أولاً", "ثانياً"], ev.OutcomePoints.OrderBy(p => p.Position).Select(p => p.TextAr!));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "event.created")));

        var page = await app.CreateTestClient("ar").GetPageAsync("/ar/events/ny-conference?tz=Asia/Beirut");
        Assert.Equal("09:00–11:30", page.QuerySelector(".event-time")!.TextContent);
        Assert.Equal("توقيت نيويورك", page.QuerySelector(".event-zone")!.TextContent);
        Assert.Equal("15 كانون الثاني/يناير 2030 16:00–18:30", page.QuerySelector(".reader-range")!.TextContent);
    }

    [Fact]
    public async Task The_form_refuses_bad_input_and_a_stale_version()
    {
        await using var app = await EnactFactory.StartAsync();
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var bad = Form("manage").Select(p => p.Key == "Input.EndsLocal" ? new KeyValuePair<string, string?>(p.Key, "2030-01-15T08:00") : p).ToList();
        using var refused = await editor.SubmitFormAsync("/en/events/manage/edit", bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await TestClient.ParseAsync(refused);
        var summary = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("not manage, calendar or new", summary, StringComparison.Ordinal);
        Assert.Contains("must end after it starts", summary, StringComparison.Ordinal);
        Assert.Equal("مؤتمر تجريبي", page.QuerySelector("#Input_TitleAr")!.GetAttribute("value"));

        (await editor.SubmitFormAsync("/en/events/manage/edit", Form("stale-test"))).Dispose();
        var ev = await app.WithDbAsync(db => db.Events.SingleAsync(e => e.Slug == "stale-test"));
        var path = $"/en/events/manage/edit/{ev.Id}";
        var form = await editor.GetPageAsync(path);
        (await editor.SubmitFormAsync(path, TestClient.Many(("Input.TitleEn", "Changed first")))).Dispose();
        using var stale = await editor.SubmitFormAsync(form, TestClient.Many(("Input.TitleEn", "Changed second")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this event", (await TestClient.ParseAsync(stale)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Changed first", await app.WithDbAsync(db => db.Events.Where(e => e.Id == ev.Id).Select(e => e.TitleEn).SingleAsync()));
    }

    [Fact]
    public async Task Only_staff_manage_and_staff_mark_attendance_and_export()
    {
        await using var app = await EnactFactory.StartAsync();
        var ev = await EventSteps.CreateEventAsync(app, DateTime.UtcNow.AddDays(3));
        using var person = app.CreateTestClient("en");
        await person.SignInAsAsync(Roles.Contributor);
        using (var forbidden = await person.GetAsync("/en/events/manage"))
        {
            Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        }
        (await EventSteps.RegisterAsync(person, ev.Slug, "academia", "TN")).Dispose();

        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var path = $"/en/events/manage/registrations/{ev.Id}";
        using (var marked = await editor.SubmitFormAsync(path, TestClient.Many(), "form.attendance-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }
        Assert.True(await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == ev.Id).Select(r => r.Attended).SingleAsync()));

        using var csv = await editor.GetAsync(path + "?format=csv");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("stakeholderCategory", text, StringComparison.Ordinal);
        Assert.Contains("academia,TN", text, StringComparison.Ordinal);
        using var xlsx = await editor.GetAsync(path + "?format=xlsx");
        using var book = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        Assert.Equal("TN", book.Worksheet(1).Cell(2, 6).GetString());
        Assert.Equal("true", book.Worksheet(1).Cell(2, 10).GetString());
    }
}
