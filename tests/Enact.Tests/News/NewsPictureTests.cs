using System.Net;
using Enact.Core.Accounts;
using Enact.Core.News;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Enact.Tests.News.NewsPictureSteps;

namespace Enact.Tests.News;

/// <summary>
/// News pictures: uploaded in the staff form, checked by their content (images only), stored in the database, required
/// with alternative texts in both languages, shown on the item's page and as a lazy thumbnail in the list, and served with
/// caching headers.
/// </summary>
public sealed class NewsPictureTests
{
    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_editor_adds_a_picture_shown_on_the_item_and_as_a_lazy_thumbnail_in_the_list_with_caching_headers(Provider provider)
    {
        await using var app = await EnactFactory.StartAsync(provider, clock: Clock());
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var png = Png(800, 400);

        using (var saved = await SubmitNewsFormAsync(editor, "/en/news/manage/new", NewItem("workshop-picture"), png, "photo.PNG"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal("/en/news/workshop-picture?status=saved", saved.Headers.Location!.OriginalString);
        }
        var item = await app.WithDbAsync(db => db.NewsItems.AsNoTracking().SingleAsync(n => n.Slug == "workshop-picture"));
        Assert.Equal((800, 400), (item.ImageWidth, item.ImageHeight));
        var file = await app.WithDbAsync(db => db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == item.ImageFileId));
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(png, file.Content);
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "news.created"));
        Assert.Contains(item.ImageFileId!.Value.ToString(), audit.After, StringComparison.Ordinal);

        // The item's page, in each language, with that language's alternative text and a size that fits the column.
        using var reader = app.CreateTestClient("ar");
        var arabic = (await reader.GetPageAsync("/ar/news/workshop-picture")).QuerySelector(".news-picture img");
        Assert.Equal("صورة المشاركين في الورشة", Attr(arabic, "alt"));
        Assert.Equal("ar", Attr(arabic, "lang"));
        Assert.Equal(("720", "360"), (Attr(arabic, "width"), Attr(arabic, "height")));
        var src = Attr(arabic, "src")!;
        Assert.StartsWith("/ar/news/workshop-picture/image?v=", src, StringComparison.Ordinal);
        var english = (await reader.GetPageAsync("/en/news/workshop-picture")).QuerySelector(".news-picture img");
        Assert.Equal("The workshop's participants", Attr(english, "alt"));

        // The picture itself: the stored bytes, cached like the event image, and revalidated by its tag.
        using (var image = await reader.GetAsync(src))
        {
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
            Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
            Assert.Equal("public, max-age=3600", image.Headers.CacheControl!.ToString());
            var tag = image.Headers.ETag!;
            using var request = new HttpRequestMessage(HttpMethod.Get, src);
            request.Headers.IfNoneMatch.Add(tag);
            using var again = await reader.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        }

        // The list: a small lazy thumbnail with its width and height, decorative beside the title that names the item.
        var list = await reader.GetPageAsync("/ar/news");
        var thumbnail = list.QuerySelector(".news li.has-picture img.thumbnail");
        Assert.Equal(src, Attr(thumbnail, "src"));
        Assert.Equal("lazy", Attr(thumbnail, "loading"));
        Assert.Equal(("96", "64"), (Attr(thumbnail, "width"), Attr(thumbnail, "height")));
        Assert.Equal("", Attr(thumbnail, "alt"));
        Assert.Equal("/ar/news/workshop-picture", list.QuerySelector(".news li.has-picture h2 a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("gif", "image/gif")]
    [InlineData("jpeg", "image/jpeg")]
    [InlineData("webp", "image/webp")]
    public async Task Gif_jpeg_and_webp_pictures_are_accepted_by_their_content(string kind, string contentType)
    {
        await using var app = await EnactFactory.StartAsync(clock: Clock());
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var bytes = kind switch { "gif" => Gif(300, 200), "jpeg" => Jpeg(1200, 900), _ => WebP(640, 480) };

        using var saved = await SubmitNewsFormAsync(editor, "/en/news/manage/new", NewItem("picture-" + kind), bytes, "picture.bin");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var item = await app.WithDbAsync(db => db.NewsItems.AsNoTracking().SingleAsync());
        Assert.Equal(contentType, await app.WithDbAsync(db => db.StoredFiles.Where(f => f.Id == item.ImageFileId).Select(f => f.ContentType).SingleAsync()));
        var (width, height) = kind switch { "gif" => (300, 200), "jpeg" => (1200, 900), _ => (640, 480) };
        Assert.Equal((width, height), (item.ImageWidth, item.ImageHeight));
        using var image = await editor.GetAsync($"/en/news/picture-{kind}/image");
        Assert.Equal(contentType, image.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("en", "The picture must be a PNG, JPEG, GIF or WebP image (the content is checked, not the name).", "The picture is larger than 1 MB.")]
    [InlineData("ar", "يجب أن تكون الصورة بصيغة PNG أو JPEG أو GIF أو WebP (يُفحص المحتوى لا الاسم).", "حجم الصورة أكبر من 1 ميغابايت.")]
    public async Task Anything_but_an_image_and_pictures_over_the_limit_are_refused_in_the_page_language(string culture, string notAnImage, string tooLarge)
    {
        await using var app = await EnactFactory.StartAsync(clock: Clock());
        using var editor = app.CreateTestClient(culture);
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var path = $"/{culture}/news/manage/new";
        byte[][] notImages =
        [
            "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"u8.ToArray(),
            "<!DOCTYPE html><script>alert(1)</script>"u8.ToArray(),
            [0xFF, 0xD8, 0xFF, 0xD9], // claims JPEG, has no frame (no size)
        ];
        foreach (var bytes in notImages)
        {
            using var refused = await SubmitNewsFormAsync(editor, path, NewItem("not-an-image"), bytes, "picture.png");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await TestClient.ParseAsync(refused);
            Assert.Equal(notAnImage, page.QuerySelector("#Input_Image-error")!.TextContent);
            Assert.Equal("not-an-image", page.QuerySelector("#Input_Slug")!.GetAttribute("value"));
        }

        using (var large = await SubmitNewsFormAsync(editor, path, NewItem("too-large"), Png(100, 100, (int)NewsItem.MaxImageLength + 1)))
        {
            Assert.Equal(HttpStatusCode.OK, large.StatusCode);
            Assert.Equal(tooLarge, (await TestClient.ParseAsync(large)).QuerySelector("#Input_Image-error")!.TextContent);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.NewsItems.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task Alternative_texts_are_required_with_a_picture_a_new_picture_replaces_it_and_removing_it_clears_them()
    {
        await using var app = await EnactFactory.StartAsync(clock: Clock());
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);

        using (var missing = await SubmitNewsFormAsync(editor, "/en/news/manage/new", NewItem("with-picture", altAr: ""), Png(40, 30)))
        {
            Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
            var page = await TestClient.ParseAsync(missing);
            Assert.Equal("\"Alternative text in Arabic\" is required with a picture: describe it for readers who cannot see it.",
                page.QuerySelector("#Input_ImageAltAr-error")!.TextContent);
            Assert.Equal("The workshop's participants", page.QuerySelector("#Input_ImageAltEn")!.GetAttribute("value"));
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.NewsItems.CountAsync()));

        // Without a picture, no alternative text is needed (and none is kept).
        (await SubmitNewsFormAsync(editor, "/en/news/manage/new", NewItem("without-picture", altAr: "نص", altEn: null), null)).Dispose();
        var plain = await app.WithDbAsync(db => db.NewsItems.AsNoTracking().SingleAsync(n => n.Slug == "without-picture"));
        Assert.Equal((null, null, null), (plain.ImageFileId, plain.ImageAltAr, plain.ImageAltEn));
        Assert.Null((await editor.GetPageAsync("/en/news/without-picture")).QuerySelector(".news-picture"));
        Assert.Null((await editor.GetPageAsync("/en/news")).QuerySelector(".news img"));

        (await SubmitNewsFormAsync(editor, "/en/news/manage/new", NewItem("with-picture"), Png(40, 30))).Dispose();
        var id = await app.WithDbAsync(db => db.NewsItems.Where(n => n.Slug == "with-picture").Select(n => n.Id).SingleAsync());
        var edit = $"/en/news/manage/{id}";
        var form = await editor.GetPageAsync(edit);
        var first = Attr(form.QuerySelector("main form img"), "src")!;
        Assert.NotNull(form.QuerySelector("input[name='Input.RemoveImage']"));

        // Keeping the picture but clearing an alternative text is refused.
        using (var cleared = await SubmitNewsFormAsync(editor, edit, TestClient.Many(("Input.ImageAltEn", "")), null))
        {
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
            Assert.NotNull((await TestClient.ParseAsync(cleared)).QuerySelector("#Input_ImageAltEn-error"));
        }

        // A new picture replaces the old one at a new address.
        var second = Png(60, 20);
        (await SubmitNewsFormAsync(editor, edit, [], second)).Dispose();
        var shown = (await editor.GetPageAsync("/en/news/with-picture")).QuerySelector(".news-picture img");
        var replaced = Attr(shown, "src")!;
        Assert.NotEqual(first, replaced);
        Assert.Equal(("60", "20"), (Attr(shown, "width"), Attr(shown, "height")));
        using (var image = await editor.GetAsync(replaced))
        {
            Assert.Equal(second, await image.Content.ReadAsByteArrayAsync());
        }

        // Removing it drops the picture and its texts; its address is gone.
        using (var removed = await SubmitNewsFormAsync(editor, edit, TestClient.Many(("Input.RemoveImage", "true")), null))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }
        var item = await app.WithDbAsync(db => db.NewsItems.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal((null, null, null, null), (item.ImageFileId, item.ImageWidth, item.ImageAltAr, item.ImageAltEn));
        Assert.Null((await editor.GetPageAsync("/en/news/with-picture")).QuerySelector(".news-picture"));
        using (var gone = await editor.GetAsync("/en/news/with-picture/image"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        Assert.Equal(4, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("news."))));
    }

    [Fact]
    public async Task The_picture_of_an_item_not_yet_published_is_for_staff_only_and_not_kept_by_shared_caches()
    {
        await using var app = await EnactFactory.StartAsync(clock: Clock());
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var fields = NewItem("next-month").Where(f => f.Key != "Input.PublishedOn").Append(new("Input.PublishedOn", "2026-03-01"));
        (await SubmitNewsFormAsync(editor, "/en/news/manage/new", fields, Png(20, 20))).Dispose();

        using var reader = app.CreateTestClient("en");
        using (var hidden = await reader.GetAsync("/en/news/next-month/image"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        using var preview = await editor.GetAsync("/en/news/next-month/image");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var cache = preview.Headers.CacheControl!;
        Assert.True(cache is { Private: true, NoCache: true, Public: false }, cache.ToString());
    }
}
