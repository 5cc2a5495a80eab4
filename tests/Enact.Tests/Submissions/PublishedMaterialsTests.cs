using System.Net;
using Enact.Core.Accounts;
using Enact.Tests.Infrastructure;
using static Enact.Tests.Submissions.SubmissionSteps;

namespace Enact.Tests.Submissions;

/// <summary>Once published, the public page shows the case study's files, images with their alternative text, video links and public contact, never the private contact.</summary>
public sealed class PublishedMaterialsTests
{
    [Fact]
    public async Task Public_page_lists_attachments_images_with_alt_text_videos_and_the_public_contact_but_not_the_private_one()
    {
        await using var app = await StartAppAsync();
        using var owner = app.CreateTestClient();
        await owner.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(owner, await CreateCallAsync(app));
        await FillCompleteArabicAsync(owner, id, contactEmail: "private-contact@test.example");
        await SaveOkAsync(owner, id, "consent", ("Input.PublicContactName", "مكتب الإعلام"), ("Input.PublicContactEmail", "media@example.gov.lb"));
        await SaveOkAsync(owner, id, "materials", ("Input.VideoLinks", "https://video.example/launch"));
        using (var upload = await UploadAsync(owner, id, "تقرير.pdf", SampleFiles.Pdf()))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }
        using (var upload = await UploadAsync(owner, id, "صورة.png", SampleFiles.Png(), "لقطة من المنصة", "A screen of the platform"))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }
        using (var submitted = await SubmitAsync(owner, id))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        using var reader = app.CreateTestClient();
        // Not yet published: no public page.
        await reader.GetPageAsync($"/ar/case-studies/{id}", HttpStatusCode.NotFound);
        await PublishAsync(app, id);

        var arabic = await reader.GetPageAsync($"/ar/case-studies/{id}");
        var links = arabic.QuerySelectorAll("ul.documents a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Single(links);
        Assert.Equal("تقرير.pdf", links[0].Item1);
        var image = Assert.Single(arabic.QuerySelectorAll("figure.material-image img"));
        Assert.Equal("لقطة من المنصة", image.GetAttribute("alt"));
        Assert.Equal("https://video.example/launch", arabic.QuerySelector("ul.videos a")?.GetAttribute("href"));
        var main = arabic.QuerySelector("main")!.TextContent;
        Assert.Contains("مكتب الإعلام", main, StringComparison.Ordinal);
        Assert.Contains("media@example.gov.lb", main, StringComparison.Ordinal);
        Assert.DoesNotContain("private-contact@test.example", main, StringComparison.Ordinal);
        Assert.Contains("قيد التشغيل", main, StringComparison.Ordinal);

        // The English page takes the English alternative text; the file links are the public downloads.
        var english = await reader.GetPageAsync($"/en/case-studies/{id}");
        Assert.Equal("A screen of the platform", english.QuerySelector("figure.material-image img")?.GetAttribute("alt"));
        using var file = await reader.GetAsync(links[0].Item2!);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(SampleFiles.Pdf(), await file.Content.ReadAsByteArrayAsync());
    }
}
