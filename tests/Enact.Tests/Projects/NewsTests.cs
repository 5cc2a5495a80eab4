using System.Net;
using System.Xml.Linq;
using Enact.Core.Accounts;
using Enact.Core.Events;
using Enact.Core.News;
using Enact.Core.Projects;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Enact.Tests.Projects.ProjectSteps;

namespace Enact.Tests.Projects;

/// <summary>News: list with pages, item pages, the Atom feed, related news, and editors' forms.</summary>
public sealed class NewsTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task The_list_pages_by_ten_newest_first_and_hides_items_not_yet_published()
    {
        await using var app = await EnactFactory.StartAsync(clock: new FakeTimeProvider(new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.Zero)));
        await app.WithDbAsync(async db =>
        {
            for (var i = 1; i <= 12; i++)
            {
                db.NewsItems.Add(Item($"item-{i}", new DateTime(2027, 1, i, 0, 0, 0, DateTimeKind.Utc)));
            }
            db.NewsItems.Add(Item("tomorrow", new DateTime(2027, 1, 16, 0, 0, 0, DateTimeKind.Utc)));
            return await db.SaveChangesAsync();
        });
        using var client = app.CreateTestClient("en");

        var first = await client.GetPageAsync("/en/news");
        var links = first.QuerySelectorAll(".news li h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(10, links.Count);
        Assert.Equal("/en/news/item-12", links[0]);
        Assert.Equal("/en/news?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        var second = await client.GetPageAsync("/en/news?page=2");
        Assert.Equal(["/en/news/item-2", "/en/news/item-1"], second.QuerySelectorAll(".news li h2 a").Select(a => a.GetAttribute("href")));
        Assert.Contains("1 January 2027", second.QuerySelector(".news li:last-child time")!.TextContent, StringComparison.Ordinal);

        await client.GetPageAsync("/en/news/tomorrow", HttpStatusCode.NotFound);
        var item = await client.GetPageAsync("/ar/news/item-3");
        Assert.Equal("خبر item-3", item.QuerySelector("main h1")!.TextContent);
        Assert.Equal("غامق", item.QuerySelector("article strong")!.TextContent);
        Assert.Null(item.QuerySelector("article script"));
    }

    [Fact]
    public async Task The_atom_feed_is_valid_atom_with_the_newest_items_in_the_page_language()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        using var client = app.CreateTestClient("ar");
        using var response = await client.GetAsync("/en/news/feed.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.NotNull(feed.Element(Atom + "id"));
        Assert.NotNull(feed.Element(Atom + "updated"));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.NotNull(e.Element(Atom + "id"));
            Assert.NotNull(e.Element(Atom + "title"));
            Assert.True(DateTimeOffset.TryParse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
        });
        var launch = entries.Single(e => e.Element(Atom + "id")!.Value.EndsWith("/en/news/" + ProjectDemoContent.LaunchNewsSlug, StringComparison.Ordinal));
        Assert.Equal("ESCWA launches the ENACT project", launch.Element(Atom + "title")!.Value);
        Assert.Equal("2023-03-21T00:00:00Z", launch.Element(Atom + "published")!.Value);
        Assert.Contains("<strong>", launch.Element(Atom + "content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Related_news_appear_on_the_event_page()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        using var client = app.CreateTestClient("ar");
        var page = await client.GetPageAsync($"/ar/events/{EventDemoContent.LaunchSlug}");
        Assert.Equal("أخبار ذات صلة", page.QuerySelector("#related-news-heading")!.TextContent);
        Assert.Equal("الإسكوا تطلق مشروع ENACT", page.QuerySelector($"#related-news-heading + ul a[href='/ar/news/{ProjectDemoContent.LaunchNewsSlug}']")!.TextContent);
    }

    [Theory]
    [InlineData("ar", "يجب أن يتكون «عنوان الصفحة (slug)» من أحرف لاتينية صغيرة وأرقام وشرطات.", "«عنوان الصفحة (slug)» مستخدم لخبر آخر.")]
    [InlineData("en", "\"Page address (slug)\" must consist of lower-case Latin letters, digits and hyphens.", "\"Page address (slug)\" is already used by another news item.")]
    public async Task Editors_create_news_linked_to_an_activity_and_wrong_addresses_are_field_errors(string culture, string slugError, string takenError)
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        var workshop = await TrustWorkshopIdAsync(app);
        using var editor = app.CreateTestClient(culture);
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        IEnumerable<KeyValuePair<string, string?>> Form(string slug) => TestClient.Many(
            ("Input.Slug", slug), ("Input.TitleAr", "ورشة الثقة تقترب"), ("Input.TitleEn", "The trust workshop is near"),
            ("Input.BodyEn", "See *you* there."), ("Input.PublishedOn", "2024-05-01"),
            ("Input.ActivityId", workshop.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        using (var wrong = await editor.SubmitFormAsync($"/{culture}/news/manage/new", Form("Not a slug!")))
        {
            var page = await TestClient.ParseAsync(wrong);
            Assert.Equal(slugError, page.QuerySelector("#Input_Slug-error")!.TextContent);
        }
        using (var taken = await editor.SubmitFormAsync($"/{culture}/news/manage/new", Form(ProjectDemoContent.LaunchNewsSlug)))
        {
            var page = await TestClient.ParseAsync(taken);
            Assert.Equal(takenError, page.QuerySelector("#Input_Slug-error")!.TextContent);
        }
        using var created = await ExpectAsync(editor.SubmitFormAsync($"/{culture}/news/manage/new", Form("trust-workshop-near")), HttpStatusCode.Redirect);
        Assert.Equal($"/{culture}/news/trust-workshop-near?status=saved", created.Headers.Location!.OriginalString);
        var item = await app.WithDbAsync(db => db.NewsItems.SingleAsync(n => n.Slug == "trust-workshop-near"));
        Assert.Equal(workshop, item.ActivityId);
        Assert.NotNull(item.ProjectId);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "news.created")));

        using var reader = app.CreateTestClient("en");
        var activity = await reader.GetPageAsync(ActivityPath("en", workshop));
        Assert.NotNull(activity.QuerySelector("#related-news-heading + ul a[href='/en/news/trust-workshop-near']"));
    }

    [Fact]
    public async Task Only_staff_manage_news_and_a_stale_edit_is_a_conflict()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        var id = await app.WithDbAsync(db => db.NewsItems.Where(n => n.Slug == ProjectDemoContent.LaunchNewsSlug).Select(n => n.Id).SingleAsync());
        using var person = app.CreateTestClient("en");
        await SignInPersonAsync(app, person, "en");
        foreach (var path in new[] { "/en/news/manage", "/en/news/manage/new", $"/en/news/manage/{id}" })
        {
            using var response = await person.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var stale = await editor.GetPageAsync($"/en/news/manage/{id}");
        (await ExpectAsync(editor.SubmitFormAsync($"/en/news/manage/{id}", TestClient.Many(("Input.TitleEn", "ENACT is launched"))), HttpStatusCode.Redirect)).Dispose();
        using var conflict = await editor.SubmitFormAsync(stale, TestClient.Many(("Input.TitleEn", "Other title")));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("ENACT is launched", (await TestClient.ParseAsync(conflict)).QuerySelector(".notice.conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ENACT is launched", await app.WithDbAsync(db => db.NewsItems.Where(n => n.Id == id).Select(n => n.TitleEn).SingleAsync()));
    }

    private static NewsItem Item(string slug, DateTime published) => new()
    {
        Slug = slug,
        TitleAr = "خبر " + slug,
        TitleEn = "News " + slug,
        BodyAr = "نص **غامق** <script>alert(1)</script>",
        PublishedAt = published,
        CreatedAt = published,
        UpdatedAt = published,
    };
}
