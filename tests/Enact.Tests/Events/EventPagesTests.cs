using System.Net;
using System.Text.RegularExpressions;
using Enact.Core.Events;
using Enact.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Enact.Tests.Events;

public sealed partial class EventPagesTests
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Norm(string s) => Spaces().Replace(s, " ").Trim();

    [Fact]
    public async Task The_Arabic_launch_page_reproduces_the_seed_page()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        using var client = app.CreateTestClient("ar");
        var page = await client.GetPageAsync($"/ar/events/{EventDemoContent.LaunchSlug}");
        Assert.Equal("20 آذار/مارس 2023", page.QuerySelector(".event-date")!.TextContent);
        Assert.Equal("10:00–13:00", page.QuerySelector(".event-time")!.TextContent);
        Assert.Equal("توقيت بيروت", page.QuerySelector(".event-zone")!.TextContent);
        Assert.Equal("نقاش عبر الويب", page.QuerySelector(".event-kind")!.TextContent);
        Assert.Equal("مشروع ENACT ينطلق", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("منصة زووم وبيت الأمم المتحدة", page.QuerySelector(".event-venue")!.TextContent);
        Assert.Contains("د. نبال ادلبي، رئيسة قسم الابتكار", page.QuerySelector(".event-contact")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("صورة من منصة الجلسة", page.QuerySelector("img.event-image")!.GetAttribute("alt"));
        var paragraphs = page.QuerySelectorAll(".event-summary p").Select(p => Norm(p.TextContent)).ToList();
        Assert.Equal(3, paragraphs.Count);
        Assert.StartsWith("نظمت الإسكوا ندوة عبر الإنترنت لإطلاق مشروع ENACT", paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("تضمنت الندوة تقديم مشروع ENACT", paragraphs[1], StringComparison.Ordinal);
        Assert.StartsWith("شارك في الندوة جهات معنية مختلفة", paragraphs[2], StringComparison.Ordinal);
        Assert.Equal("الوثيقة الختامية", page.QuerySelector("#outcome-heading")!.TextContent);
        var points = page.QuerySelectorAll(".event-outcome ol > li").Select(li => Norm(li.TextContent)).ToList();
        Assert.Equal(EventDemoContent.LaunchOutcomeAr.Select(Norm), points);
        Assert.StartsWith("رحبت الدول الأعضاء المشاركة", points[0], StringComparison.Ordinal);
        Assert.StartsWith("بين فريق العمل أن الإسكوا ستباشر", points[7], StringComparison.Ordinal);
        var presentations = page.QuerySelectorAll(".event-presentations .presentation").Select(p => Norm(p.TextContent)).ToList();
        Assert.Equal(4, presentations.Count);
        Assert.StartsWith("تضمن العرض ملاحظات عامة", presentations[0], StringComparison.Ordinal);
        Assert.Equal(5, page.QuerySelectorAll(".event-presentations .presentation")[1].QuerySelectorAll("li").Length);
        Assert.Contains("يمكن استخدام تقنية سلسلة الكتل لتحسين أمن البيانات والمساءلة.", presentations[1], StringComparison.Ordinal);
        Assert.StartsWith("استفسر المشاركون", presentations[2], StringComparison.Ordinal);
        Assert.StartsWith("وتضمن العرض دعوة الدول الأعضاء", presentations[3], StringComparison.Ordinal);

        using var image = await client.GetAsync($"/ar/events/{EventDemoContent.LaunchSlug}/image");
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);

        var english = await app.CreateTestClient("en").GetPageAsync($"/en/events/{EventDemoContent.LaunchSlug}");
        Assert.Equal("20 March 2023", english.QuerySelector(".event-date")!.TextContent);
        Assert.Equal("Beirut time", english.QuerySelector(".event-zone")!.TextContent);
        Assert.Equal("Dr. Nibal Idlebi, Chief of the Innovation Section", Norm(english.QuerySelector(".event-contact span")!.TextContent));
        Assert.Equal(8, english.QuerySelectorAll(".event-outcome ol > li").Length);
    }

    [Fact]
    public async Task The_list_filters_by_kind_and_year_and_separates_upcoming_from_past()
    {
        var now = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
        await using var app = await EnactFactory.StartAsync(demoContent: true, clock: new FakeTimeProvider(new DateTimeOffset(now)));
        using var client = app.CreateTestClient("en");
        var page = await client.GetPageAsync("/en/events");
        Assert.Contains(page.QuerySelectorAll("section[aria-labelledby=past-heading] a"), a => a.GetAttribute("href") == $"/en/events/{EventDemoContent.LaunchSlug}");
        Assert.Contains(page.QuerySelectorAll("section[aria-labelledby=upcoming-heading] a"), a => a.GetAttribute("href") == $"/en/events/{EventDemoContent.WorkshopSlug}");
        var workshops = await client.GetPageAsync("/en/events?kind=workshop");
        Assert.DoesNotContain(workshops.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/en/events/{EventDemoContent.LaunchSlug}");
        var y2023 = await client.GetPageAsync("/en/events?year=2023");
        Assert.Contains(y2023.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/en/events/{EventDemoContent.LaunchSlug}");
        Assert.DoesNotContain(y2023.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/en/events/{EventDemoContent.WorkshopSlug}");
        await client.GetPageAsync("/en/events/no-such-event", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_ics_and_the_feed_parse_back_to_the_right_instants()
    {
        var now = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
        await using var app = await EnactFactory.StartAsync(demoContent: true, clock: new FakeTimeProvider(new DateTimeOffset(now)));
        using var client = app.CreateTestClient("ar");
        using var one = await client.GetAsync($"/ar/events/{EventDemoContent.LaunchSlug}.ics");
        Assert.Equal("text/calendar", one.Content.Headers.ContentType!.MediaType);
        var calendar = EventSteps.ParseCalendar(await one.Content.ReadAsStringAsync());
        var launch = Assert.Single(calendar.Events);
        Assert.Equal(new DateTime(2023, 3, 20, 8, 0, 0, DateTimeKind.Utc), launch.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2023, 3, 20, 11, 0, 0, DateTimeKind.Utc), launch.DtEnd!.AsUtc);
        Assert.Equal("Asia/Beirut", launch.DtStart.TzId);
        Assert.Single(calendar.TimeZones, z => z.TzId == "Asia/Beirut");

        var other = await EventSteps.CreateEventAsync(app, new DateTime(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc), zone: "America/New_York");
        using var feed = await client.GetAsync("/ar/events/calendar.ics");
        var all = EventSteps.ParseCalendar(await feed.Content.ReadAsStringAsync());
        Assert.DoesNotContain(all.Events, e => e.Summary == "مشروع ENACT ينطلق");
        var ny = Assert.Single(all.Events, e => e.Uid == $"event-{other.Id}@enact");
        Assert.Equal(new DateTime(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc), ny.DtStart!.AsUtc);
        Assert.Contains(all.TimeZones, z => z.TzId == "America/New_York");
    }

    [Fact]
    public async Task The_event_page_uses_the_shared_reader_time_script_and_tells_it_whether_the_server_knew_the_zone()
    {
        await using var app = await EnactFactory.StartAsync();
        var e = await EventSteps.CreateEventAsync(app, new DateTime(2027, 6, 15, 7, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(2));
        using var client = app.CreateTestClient("en");

        var page = await client.GetPageAsync($"/en/events/{e.Slug}");
        Assert.NotNull(page.QuerySelector("script[src^='/js/reader-time.js']"));
        Assert.Null(page.QuerySelector("script[src*='event-time']"));
        var root = page.QuerySelector("[data-reader-zone-source]")!;
        Assert.Equal(("UTC", "default"), (root.GetAttribute("data-reader-zone"), root.GetAttribute("data-reader-zone-source")));
        var range = root.QuerySelector("[data-reader-range]")!;
        Assert.Equal(("2027-06-15T07:00:00Z", "2027-06-15T09:00:00Z"), (range.GetAttribute("data-start"), range.GetAttribute("data-end")));
        Assert.NotNull(root.QuerySelector("[data-reader-zone-name]"));

        var chosen = await client.GetPageAsync($"/en/events/{e.Slug}?tz=Asia%2FBeirut");
        Assert.Equal("query", chosen.QuerySelector("[data-reader-zone-source]")!.GetAttribute("data-reader-zone-source"));
        Assert.Contains("10:00–12:00", chosen.QuerySelector("[data-reader-range]")!.TextContent, StringComparison.Ordinal);
        var remembered = await client.GetPageAsync($"/en/events/{e.Slug}");
        Assert.Equal(("Asia/Beirut", "cookie"), (remembered.QuerySelector("[data-reader-zone]")!.GetAttribute("data-reader-zone"),
            remembered.QuerySelector("[data-reader-zone]")!.GetAttribute("data-reader-zone-source")));
    }
}
