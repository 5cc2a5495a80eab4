using System.Net;
using Enact.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Enact.Tests.Calls.CallSteps;

namespace Enact.Tests.Calls;

/// <summary>Anyone reads the calls: open, upcoming or closed by the clock, the deadline in the call's zone and the reader's.</summary>
public sealed class PublicCallPagesTests
{
    [Fact]
    public async Task The_call_page_shows_the_deadline_in_the_calls_zone_and_in_utc_for_an_unknown_reader()
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(March1));
        var id = await ArrangeSampleCallAsync(app);
        using var client = app.CreateTestClient("en");

        var page = await client.GetPageAsync($"/en/calls/{id}");
        var deadline = page.QuerySelector(".deadline")!;
        Assert.Equal("31 March 2027, 23:59 Beirut time", Normalize(deadline.TextContent));
        Assert.Equal("2027-03-31T23:59:00+03:00", deadline.QuerySelector("time")!.GetAttribute("datetime"));
        var reader = page.QuerySelector(".reader-deadline time")!;
        Assert.Equal("31 March 2027, 20:59", reader.TextContent);
        Assert.Equal("2027-03-31T20:59:00Z", reader.GetAttribute("data-instant"));
        var dates = page.QuerySelector("[data-reader-zone]")!;
        Assert.Equal("UTC", dates.GetAttribute("data-reader-zone"));
        Assert.Equal("default", dates.GetAttribute("data-reader-zone-source"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/reader-time.js']"));
        Assert.Contains("Submissions are accepted until 31 March 2027, 23:59 Beirut time.", Normalize(page.QuerySelector(".call-state")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_who_chooses_tokyo_sees_the_next_morning_and_keeps_the_choice_in_a_cookie()
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(March1));
        var id = await ArrangeSampleCallAsync(app);
        using var client = app.CreateTestClient("en");

        var page = await client.GetPageAsync($"/en/calls/{id}");
        using var chosen = await client.Http.GetAsync($"/en/calls/{id}?tz=Asia%2FTokyo");
        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith("enact-tz=Asia%2FTokyo", StringComparison.Ordinal));
        page = await TestClient.ParseAsync(chosen);
        Assert.Equal("1 April 2027, 05:59", page.QuerySelector(".reader-deadline time")!.TextContent);
        Assert.Equal("2027-04-01T05:59:00+09:00", page.QuerySelector(".reader-deadline time")!.GetAttribute("datetime"));
        Assert.Equal("query", page.QuerySelector("[data-reader-zone]")!.GetAttribute("data-reader-zone-source"));
        Assert.Equal("Asia/Tokyo", page.QuerySelector("select[name=tz] option[selected]")!.GetAttribute("value"));
        // The call's own time is unchanged.
        Assert.Equal("31 March 2027, 23:59 Beirut time", Normalize(page.QuerySelector(".deadline")!.TextContent));

        // The next page, without the query, reads the cookie.
        page = await client.GetPageAsync($"/en/calls/{id}");
        Assert.Equal("1 April 2027, 05:59", page.QuerySelector(".reader-deadline time")!.TextContent);
        Assert.Equal("cookie", page.QuerySelector("[data-reader-zone]")!.GetAttribute("data-reader-zone-source"));

        // A value that is not a zone is ignored (UTC until the reader chooses).
        using var fresh = app.CreateTestClient("en");
        page = await fresh.GetPageAsync($"/en/calls/{id}?tz=..%2Fetc%2Fpasswd");
        Assert.Equal("31 March 2027, 20:59", page.QuerySelector(".reader-deadline time")!.TextContent);
    }

    [Fact]
    public async Task The_arabic_page_uses_gregorian_dates_and_names_the_zone_in_arabic()
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(March1));
        var id = await ArrangeSampleCallAsync(app);
        using var client = app.CreateTestClient("ar");

        var page = await client.GetPageAsync($"/ar/calls/{id}?tz=Asia%2FRiyadh");
        var deadline = Normalize(page.QuerySelector(".deadline")!.TextContent);
        Assert.Contains("2027", deadline, StringComparison.Ordinal);
        Assert.Contains("23:59 بتوقيت بيروت", deadline, StringComparison.Ordinal);
        Assert.Contains("مارس", deadline, StringComparison.Ordinal);
        Assert.Contains("23:59", page.QuerySelector(".reader-deadline time")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("الرياض", page.QuerySelector("[data-reader-zone-name]")!.TextContent);
        Assert.Equal("قدّم دراسة حالة", page.QuerySelector("a.button")!.TextContent);
    }

    [Fact]
    public async Task Open_upcoming_and_closed_follow_the_clock_and_only_an_open_call_links_to_the_submission_form()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await using var app = await EnactFactory.StartAsync(clock: clock);
        var id = await ArrangeSampleCallAsync(app, descriptionEn: "Tell us **what changed**.\n\n<script>alert(1)</script>");
        using var client = app.CreateTestClient("en");

        var page = await client.GetPageAsync($"/en/calls/{id}");
        Assert.Contains("Upcoming", page.QuerySelector(".call-state")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/en/case-studies/submit?call={id}']"));
        Assert.Equal("what changed", page.QuerySelector(".field-text strong")!.TextContent);
        Assert.Null(page.QuerySelector(".field-text script"));
        var list = await client.GetPageAsync("/en/calls");
        Assert.NotNull(list.QuerySelector($"#upcoming-calls ~ ul a[href='/en/calls/{id}']"));

        clock.SetUtcNow(new DateTimeOffset(SampleDeadlineUtc.AddMinutes(-1)));
        page = await client.GetPageAsync($"/en/calls/{id}");
        Assert.Contains("Open", page.QuerySelector(".call-state")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Submit a case study", page.QuerySelector($"a[href='/en/case-studies/submit?call={id}']")!.TextContent);
        list = await client.GetPageAsync("/en/calls");
        Assert.NotNull(list.QuerySelector($"#open-calls ~ ul a[href='/en/calls/{id}']"));

        clock.SetUtcNow(new DateTimeOffset(SampleDeadlineUtc));
        page = await client.GetPageAsync($"/en/calls/{id}");
        Assert.Contains("Closed", page.QuerySelector(".call-state")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/en/case-studies/submit?call={id}']"));
        list = await client.GetPageAsync("/en/calls");
        Assert.NotNull(list.QuerySelector($"#closed-calls ~ ul a[href='/en/calls/{id}']"));
        Assert.Equal("No call is open at the moment.", list.QuerySelector("#open-calls ~ p")!.TextContent);
    }

    [Fact]
    public async Task The_navigation_links_the_calls_and_an_unknown_call_is_not_found()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var home = await client.GetPageAsync("/ar/case-studies");
        Assert.NotNull(home.QuerySelector(".main-nav a[href='/ar/calls']"));
        await client.GetPageAsync("/ar/calls/4242", HttpStatusCode.NotFound);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
