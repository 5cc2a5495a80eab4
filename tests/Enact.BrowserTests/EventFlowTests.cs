using System.Globalization;
using System.Text;
using Enact.BrowserTests.Infrastructure;
using MimeKit;

namespace Enact.BrowserTests;

/// <summary>
/// Issue 4's events, through the real pages in Arabic and English: an editor creates an event in New York time, a
/// reader in Beirut sees both times, people register (the confirmation carries an .ics that Ical.Net reads to the right
/// instants), a full event puts the next person on the waiting list and a cancellation moves them up, and a
/// participant rates the event once it has ended, once only. Each test uses fresh accounts and its own event.
/// </summary>
public sealed class EventFlowTests(EnactServer server, BrowserFixture browser)
{
    // 15 June 2027, 10:00–12:00 in New York (EDT, UTC−4) is 14:00–16:00 UTC and 17:00–19:00 in Beirut (EEST, UTC+3).
    private static readonly DateTime StartsUtc = new(2027, 6, 15, 14, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime EndsUtc = new(2027, 6, 15, 16, 0, 0, DateTimeKind.Utc);

    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new(StringComparer.Ordinal)
    {
        ["ar"] = new(StringComparer.Ordinal)
        {
            ["Registered"] = "أنت مسجّل في هذه الفعالية.",
            ["Waitlisted"] = "أنت على قائمة الانتظار، في المرتبة 1.",
            ["ConfirmedSubject"] = "تأكيد التسجيل: ",
            ["WaitlistedSubject"] = "على قائمة الانتظار: ",
            ["PromotedSubject"] = "شغر مقعد لك: ",
            ["AlreadyRated"] = "قيّمت هذه الفعالية من قبل",
            ["NewYorkTime"] = "توقيت نيويورك",
            ["BeirutTime"] = "توقيت بيروت",
        },
        ["en"] = new(StringComparer.Ordinal)
        {
            ["Registered"] = "You are registered for this event.",
            ["Waitlisted"] = "You are on the waiting list, in position 1.",
            ["ConfirmedSubject"] = "Registration confirmed: ",
            ["WaitlistedSubject"] = "On the waiting list: ",
            ["PromotedSubject"] = "A seat is yours: ",
            ["AlreadyRated"] = "You have already rated this event",
            ["NewYorkTime"] = "New York time",
            ["BeirutTime"] = "Beirut time",
        },
    };

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task Editor_creates_an_event_in_new_york_time_readers_see_both_times_register_with_a_calendar_file_and_move_up_from_the_waiting_list(string culture)
    {
        var t = Texts[culture];
        var slug = $"flow-{culture}-{Guid.NewGuid():N}"[..24];
        var (titleAr, titleEn) = ($"ندوة اختبار المناطق الزمنية {slug}", $"Time zone test webinar {slug}");
        var title = culture == "ar" ? titleAr : titleEn;

        await using var editor = await browser.NewSessionAsync(server, locale: culture);
        await PeopleSteps.SetUpAccountAsync(editor, culture, "Editor", "editor", culture == "ar" ? "محررة الفعاليات" : "Events editor");
        await CreateEventAsync(editor, culture, slug, titleAr, titleEn, capacity: 1,
            starts: "2027-06-15T10:00", ends: "2027-06-15T12:00", opens: "2026-01-01T09:00");

        // The first reader picks Beirut as their zone (server-rendered, remembered in a cookie); the second reader's
        // browser is in Beirut and the page's script shows the event in the browser's zone.
        await using var first = await browser.NewSessionAsync(server, locale: culture);
        var firstEmail = await RegisterReaderAsync(first, culture, "first", culture == "ar" ? "المشاركة الأولى" : "First participant");
        await first.GotoAsync($"/{culture}/events/{slug}");
        await first.Page.Locator("#tz").SelectOptionAsync("Asia/Beirut");
        await first.ClickAsync(first.Page.Locator("form.zone-form button"));
        await AssertBothTimesAsync(first, t);
        Assert.Contains("17:00–19:00", await first.Page.Locator("#reader-time .reader-range").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(t["BeirutTime"], await first.Page.Locator("#reader-time .reader-zone").InnerTextAsync(), StringComparison.Ordinal);

        // A seat is free: registered, with a confirmation e-mail carrying the event as an .ics file.
        await RegisterForEventAsync(first);
        Assert.Equal(t["Registered"], (await first.Page.Locator(".registration-status").InnerTextAsync()).Trim());
        var confirmation = await WaitForMailAsync(firstEmail, t["ConfirmedSubject"] + title);
        var calendar = Ical.Net.Calendar.Load(CalendarFileIn(confirmation))!;
        var item = Assert.Single(calendar.Events);
        Assert.Equal(StartsUtc, item.DtStart!.AsUtc);
        Assert.Equal(EndsUtc, item.DtEnd!.AsUtc);
        Assert.Equal("America/New_York", item.DtStart.TzId);

        // The one seat is taken: the second person goes on the waiting list.
        await using var second = await browser.NewSessionAsync(server, locale: culture, timezoneId: "Asia/Beirut");
        var secondEmail = await RegisterReaderAsync(second, culture, "second", culture == "ar" ? "المشارك الثاني" : "Second participant");
        await second.GotoAsync($"/{culture}/events/{slug}");
        await AssertBothTimesAsync(second, t);
        var readerRange = await second.Page.Locator("#reader-time .reader-range").InnerTextAsync();
        Assert.True(readerRange.Contains("17:00", StringComparison.Ordinal) && readerRange.Contains("19:00", StringComparison.Ordinal),
            $"The browser in Beirut shows \"{readerRange}\" as the reader's time.");
        Assert.Contains("Asia/Beirut", await second.Page.Locator("#reader-time .reader-zone").InnerTextAsync(), StringComparison.Ordinal);
        await RegisterForEventAsync(second);
        Assert.StartsWith(t["Waitlisted"], (await second.Page.Locator(".registration-status").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        var waitlisted = await WaitForMailAsync(secondEmail, t["WaitlistedSubject"] + title);
        Assert.DoesNotContain(waitlisted.Attachments, a => a is MimePart p && (p.FileName ?? "").EndsWith(".ics", StringComparison.Ordinal));

        // The first person cancels: the second moves up, sees their seat, and is told by e-mail with the calendar file.
        await first.ClickAsync(first.Page.Locator("form.cancel-registration button"));
        Assert.Equal(0, await first.Page.Locator(".registration-status").CountAsync());
        var promoted = await WaitForMailAsync(secondEmail, t["PromotedSubject"] + title);
        Assert.Equal(StartsUtc, Assert.Single(Ical.Net.Calendar.Load(CalendarFileIn(promoted))!.Events).DtStart!.AsUtc);
        await second.GotoAsync($"/{culture}/events/{slug}");
        Assert.Equal(t["Registered"], (await second.Page.Locator(".registration-status").InnerTextAsync()).Trim());

        await editor.AssertPagesValidAsync();
        await first.AssertPagesValidAsync();
        await second.AssertPagesValidAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task Participant_rates_an_event_after_it_ends_and_cannot_rate_twice(string culture)
    {
        var t = Texts[culture];
        var slug = $"rate-{culture}-{Guid.NewGuid():N}"[..24];

        await using var editor = await browser.NewSessionAsync(server, locale: culture);
        await PeopleSteps.SetUpAccountAsync(editor, culture, "Editor", "editor", culture == "ar" ? "محرر الفعاليات" : "Events editor");
        var editPath = await CreateEventAsync(editor, culture, slug, $"ورشة للتقييم {slug}", $"Workshop to rate {slug}", capacity: null,
            starts: "2027-06-15T10:00", ends: "2027-06-15T12:00", opens: "2026-01-01T09:00");

        await using var participant = await browser.NewSessionAsync(server, locale: culture);
        await RegisterReaderAsync(participant, culture, "rater", culture == "ar" ? "مشاركة مقيّمة" : "Rating participant");
        await participant.GotoAsync($"/{culture}/events/{slug}");
        await RegisterForEventAsync(participant);
        Assert.Equal(0, await participant.Page.Locator("form.rating-form").CountAsync());

        // The event took place: the editor moves it (and its registration window) into the past.
        await editor.GotoAsync(editPath);
        await editor.FillAsync("Input.StartsLocal", "2026-11-02T10:00");
        await editor.FillAsync("Input.EndsLocal", "2026-11-02T12:00");
        await editor.FillAsync("Input.RegistrationOpensLocal", "2026-10-01T09:00");
        await editor.SubmitFormWithAsync("Input.Slug");

        // Two tabs show the rating form; the rating sent from the first is counted, the second tab's is refused.
        await participant.GotoAsync($"/{culture}/events/{slug}");
        var otherTab = new BrowserSession(server, participant.Context, await participant.Context.NewPageAsync(), javaScript: true);
        await otherTab.GotoAsync($"/{culture}/events/{slug}");

        await participant.Page.Locator("form.rating-form input[name='Rating.Score'][value='4']").CheckAsync();
        await participant.FillAsync("Rating.Comment", culture == "ar" ? "نقاش مفيد وتنظيم جيد." : "A useful discussion, well run.");
        await participant.SubmitFormWithAsync("Rating.Comment");
        Assert.Equal(0, await participant.Page.Locator("form.rating-form").CountAsync());
        Assert.Contains("4.0", await participant.Page.Locator(".event-rating").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("(1 ", await participant.Page.Locator(".event-rating").InnerTextAsync(), StringComparison.Ordinal);

        await otherTab.Page.Locator("form.rating-form input[name='Rating.Score'][value='1']").CheckAsync();
        await otherTab.ClickAsync(otherTab.Page.Locator("form.rating-form button[type=submit]"));
        Assert.Contains(t["AlreadyRated"], await otherTab.Page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await participant.GotoAsync($"/{culture}/events/{slug}");
        Assert.Contains("4.0", await participant.Page.Locator(".event-rating").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("(1 ", await participant.Page.Locator(".event-rating").InnerTextAsync(), StringComparison.Ordinal);

        await editor.AssertPagesValidAsync();
        await participant.AssertPagesValidAsync();
        await otherTab.AssertPagesValidAsync();
    }

    /// <summary>Fills the editor's form at /events/manage/edit and saves; returns the path of the saved event's edit page.</summary>
    private static async Task<string> CreateEventAsync(BrowserSession editor, string culture, string slug, string titleAr, string titleEn,
        int? capacity, string starts, string ends, string opens)
    {
        await editor.GotoAsync($"/{culture}/events/manage");
        await editor.ClickAsync(editor.Page.Locator($"a[href='/{culture}/events/manage/edit']").First);
        await editor.FillAsync("Input.Slug", slug);
        await editor.FillAsync("Input.TitleAr", titleAr);
        await editor.FillAsync("Input.TitleEn", titleEn);
        await editor.Page.Locator("input[name='Input.Published']").CheckAsync();
        await editor.Page.Locator("#Input_TimeZone").SelectOptionAsync("America/New_York");
        await editor.FillAsync("Input.StartsLocal", starts);
        await editor.FillAsync("Input.EndsLocal", ends);
        await editor.FillAsync("Input.RegistrationOpensLocal", opens);
        if (capacity is int c)
        {
            await editor.FillAsync("Input.Capacity", c.ToString(CultureInfo.InvariantCulture));
        }
        await editor.FillAsync("Input.PlatformName", "Zoom");
        await editor.FillAsync("Input.OnlineLink", "https://zoom.example/j/123456");
        await editor.SubmitFormWithAsync("Input.Slug");
        var path = new Uri(editor.Page.Url).AbsolutePath;
        Assert.Matches($"^/{culture}/events/manage/edit/[0-9]+$", path);
        return path;
    }

    /// <summary>The event's own time (10:00–12:00 New York time) is on the page beside the reader's.</summary>
    private static async Task AssertBothTimesAsync(BrowserSession session, Dictionary<string, string> t)
    {
        Assert.Equal("10:00–12:00", (await session.Page.Locator(".event-when .event-time").InnerTextAsync()).Trim());
        Assert.Contains(t["NewYorkTime"], await session.Page.Locator(".event-when .event-zone").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task RegisterForEventAsync(BrowserSession session)
    {
        await session.Page.Locator("#Registration_StakeholderCategory").SelectOptionAsync("ngo");
        await session.Page.Locator("#Registration_CountryCode").SelectOptionAsync("LB");
        await session.SubmitFormWithAsync("Registration.CountryCode");
    }

    /// <summary>Self-registration in <paramref name="culture"/> (so mails come in that language), confirmation from the e-mail, sign-in.</summary>
    private static async Task<string> RegisterReaderAsync(BrowserSession session, string culture, string who, string name)
        => (await PeopleSteps.RegisterAsync(session, culture, who, name)).Email;

    private async Task<MimeMessage> WaitForMailAsync(string address, string subject)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var messages = server.MailTo(address);
            if (messages.FirstOrDefault(m => m.Subject == subject) is { } found)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < deadline,
                $"No e-mail \"{subject}\" to {address}; it has: {string.Join(" | ", messages.Select(m => m.Subject))}");
            await Task.Delay(100);
        }
    }

    private static string CalendarFileIn(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().SingleOrDefault(p => (p.FileName ?? "").EndsWith(".ics", StringComparison.Ordinal));
        Assert.True(part is not null, $"The message \"{message.Subject}\" has no .ics attachment.");
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
