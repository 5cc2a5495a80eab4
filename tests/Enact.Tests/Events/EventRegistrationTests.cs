using System.Net;
using System.Text;
using Enact.Core.Events;
using Enact.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Enact.Web.Features.Events;

namespace Enact.Tests.Events;

public sealed class RegisteringForAnEventTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_person_registers_gets_an_ics_in_their_language_and_sees_the_online_link()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        await using var app = await EnactFactory.StartAsync(clock: clock);
        var starts = new DateTime(2026, 6, 10, 7, 0, 0, DateTimeKind.Utc); // 10:00 in Beirut (summer, UTC+3)
        var ev = await EventSteps.CreateEventAsync(app, starts);
        using var anonymous = app.CreateTestClient("en");
        var before = await anonymous.GetPageAsync($"/en/events/{ev.Slug}");
        Assert.DoesNotContain("secret-room", before.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("10:00–13:00", before.QuerySelector(".event-time")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beirut time", before.QuerySelector(".event-zone")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("10 June 2026 07:00–10:00", before.QuerySelector(".reader-range")!.TextContent, StringComparison.Ordinal);

        using var client = app.CreateTestClient("en");
        var person = await client.SignInAsAsync(Enact.Core.Accounts.Roles.Contributor);
        using var response = await EventSteps.RegisterAsync(client, ev.Slug);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RegistrationStatus.Registered, await EventSteps.StatusAsync(app, ev.Id, person.Id));

        var page = await client.GetPageAsync($"/en/events/{ev.Slug}");
        Assert.Contains("https://meet.example/secret-room", page.QuerySelector(".online-link")!.TextContent, StringComparison.Ordinal);

        var mail = Assert.Single(TestClient.MailTo(app, person.Email));
        Assert.Contains("تأكيد التسجيل", mail.Subject, StringComparison.Ordinal); // the account's preferred language is Arabic
        var ics = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>(), p => p.FileName is not null && p.FileName.EndsWith(".ics", StringComparison.Ordinal));
        using var stream = new MemoryStream();
        await ics.Content!.DecodeToAsync(stream);
        var calendar = EventSteps.ParseCalendar(Encoding.UTF8.GetString(stream.ToArray()));
        var item = Assert.Single(calendar.Events);
        Assert.Equal("Asia/Beirut", item.DtStart!.TzId);
        Assert.Equal(starts, item.DtStart.AsUtc);
        Assert.Equal(starts.AddHours(3), item.DtEnd!.AsUtc);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Asia/Beirut");
    }

    [Fact]
    public async Task A_full_event_waitlists_the_next_person_and_a_cancellation_moves_them_up()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        await using var app = await EnactFactory.StartAsync(clock: clock);
        var ev = await EventSteps.CreateEventAsync(app, Now.AddDays(5), capacity: 1);
        using var first = app.CreateTestClient("ar");
        var a = await first.SignInAsAsync(Enact.Core.Accounts.Roles.Contributor);
        using var second = app.CreateTestClient("ar");
        var b = await second.SignInAsAsync(Enact.Core.Accounts.Roles.Contributor);

        (await EventSteps.RegisterAsync(first, ev.Slug)).Dispose();
        using (var r = await EventSteps.RegisterAsync(second, ev.Slug))
        {
            Assert.Contains("status=waitlisted", r.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(RegistrationStatus.Waitlisted, await EventSteps.StatusAsync(app, ev.Id, b.Id));
        var waiting = await second.GetPageAsync($"/ar/events/{ev.Slug}");
        Assert.Null(waiting.QuerySelector(".online-link"));
        Assert.Empty(Assert.Single(TestClient.MailTo(app, b.Email)).Attachments);

        (await EventSteps.CancelAsync(first, ev.Slug)).Dispose();
        Assert.Equal(RegistrationStatus.Cancelled, await EventSteps.StatusAsync(app, ev.Id, a.Id));
        Assert.Equal(RegistrationStatus.Registered, await EventSteps.StatusAsync(app, ev.Id, b.Id));
        // (Messages written at the same fake instant have no order: find the one by its subject.)
        var mails = TestClient.MailTo(app, b.Email);
        Assert.Equal(2, mails.Count);
        var promoted = Assert.Single(mails, m => m.Subject?.Contains("شغر مقعد", StringComparison.Ordinal) == true);
        Assert.NotEmpty(promoted.Attachments);
    }

    [Fact]
    public async Task Registration_is_refused_outside_its_window_and_twice()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        await using var app = await EnactFactory.StartAsync(clock: clock);
        var notYet = await EventSteps.CreateEventAsync(app, Now.AddDays(20), registrationOpens: Now.AddDays(2));
        var open = await EventSteps.CreateEventAsync(app, Now.AddDays(20));
        using var client = app.CreateTestClient("en");
        await client.SignInAsAsync(Enact.Core.Accounts.Roles.Contributor);

        var page = await client.GetPageAsync($"/en/events/{notYet.Slug}");
        Assert.Null(page.QuerySelector("form.register-form"));
        Assert.Contains("Registration opens on", page.QuerySelector("#registration")!.TextContent, StringComparison.Ordinal);

        (await EventSteps.RegisterAsync(client, open.Slug)).Dispose();
        // A second post of the same form (an old tab) is refused with a message.
        var form = await client.GetPageAsync($"/en/events/{open.Slug}");
        Assert.Null(form.QuerySelector("form.register-form"));
        using var again = await client.Http.PostAsync($"/en/events/{open.Slug}?handler=register", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode); // no antiforgery token
    }

    [Fact]
    public async Task Only_participants_rate_after_the_end_and_only_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        await using var app = await EnactFactory.StartAsync(clock: clock);
        var ev = await EventSteps.CreateEventAsync(app, Now.AddHours(1), length: TimeSpan.FromHours(1));
        using var client = app.CreateTestClient("en");
        await client.SignInAsAsync(Enact.Core.Accounts.Roles.Contributor);
        (await EventSteps.RegisterAsync(client, ev.Slug)).Dispose();
        var page = await client.GetPageAsync($"/en/events/{ev.Slug}");
        Assert.Null(page.QuerySelector("form.rating-form"));

        // (Within the sign-in cookie's lifetime.)
        clock.Advance(TimeSpan.FromHours(3));
        using (var rated = await EventSteps.RateAsync(client, ev.Slug, 4, "Useful"))
        {
            Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        }
        page = await client.GetPageAsync($"/en/events/{ev.Slug}");
        Assert.Contains("4.0 out of 5 (1 ratings)", page.QuerySelector(".event-rating")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.rating-form"));

        await using var scope = app.Scope();
        var participation = scope.ServiceProvider.GetRequiredService<EventParticipation>();
        var userId = (await app.WithDbAsync(db => Task.FromResult(db.EventRegistrations.Single(r => r.EventId == ev.Id).UserId)));
        var twice = await participation.RateAsync(Enact.Core.Audit.AuditActor.System, userId, ev.Slug, 5, null);
        Assert.Equal("RatingAlreadyGiven", Assert.Single(twice.Errors).Code);

        using var stranger = app.CreateTestClient("en");
        var other = await stranger.SignInAsAsync(Enact.Core.Accounts.Roles.Contributor);
        var refused = await participation.RateAsync(Enact.Core.Audit.AuditActor.System, other.Id, ev.Slug, 5, null);
        Assert.Equal("RatingParticipantsOnly", Assert.Single(refused.Errors).Code);
    }

    [Fact]
    public async Task The_reminder_goes_once_the_day_before()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        await using var app = await EnactFactory.StartAsync(clock: clock);
        var ev = await EventSteps.CreateEventAsync(app, Now.AddDays(3));
        using var client = app.CreateTestClient("en");
        var person = await client.SignInAsAsync(Enact.Core.Accounts.Roles.Contributor);
        (await EventSteps.RegisterAsync(client, ev.Slug)).Dispose();

        await using var scope = app.Scope();
        var reminders = scope.ServiceProvider.GetRequiredService<EventReminders>();
        Assert.Equal(0, await reminders.SendDueRemindersAsync(Now.AddDays(1)));
        var dayBefore = Now.AddDays(2).AddHours(1);
        var first = reminders.SendDueRemindersAsync(dayBefore);
        await using var scope2 = app.Scope();
        var second = scope2.ServiceProvider.GetRequiredService<EventReminders>().SendDueRemindersAsync(dayBefore);
        Assert.Equal(1, await first + await second);
        Assert.Equal(0, await reminders.SendDueRemindersAsync(dayBefore.AddHours(1)));
        Assert.Single(TestClient.MailTo(app, person.Email), m => m.Subject?.Contains("تذكير", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Two_people_racing_for_the_last_seat_on_PostgreSQL_get_one_seat_and_one_waiting_place()
    {
        await using var app = await EnactFactory.StartAsync(Provider.Postgres);
        var ev = await EventSteps.CreateEventAsync(app, DateTime.UtcNow.AddDays(5), capacity: 1);
        var people = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            people.Add((await TestClient.CreateAccountAsync(app, null)).Id);
        }
        var tasks = people.Select(async id =>
        {
            await using var scope = app.Scope();
            var participation = scope.ServiceProvider.GetRequiredService<EventParticipation>();
            return await participation.RegisterAsync(Enact.Core.Audit.AuditActor.System, id, ev.Slug, new RegistrationInput("ngo", "JO", null, null));
        }).ToList();
        var outcomes = await Task.WhenAll(tasks);
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        var statuses = await app.WithDbAsync(db => Task.FromResult(db.EventRegistrations.Where(r => r.EventId == ev.Id).Select(r => r.Status).ToList()));
        Assert.Equal(1, statuses.Count(s => s == RegistrationStatus.Registered));
        Assert.Equal(5, statuses.Count(s => s == RegistrationStatus.Waitlisted));
    }
}
