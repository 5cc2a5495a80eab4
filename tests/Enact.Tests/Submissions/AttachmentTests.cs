using System.Net;
using Enact.Core.Accounts;
using Enact.Core.CaseStudies;
using Enact.Core.Files;
using Enact.Core.Review;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Submissions.SubmissionSteps;

namespace Enact.Tests.Submissions;

/// <summary>Uploads on the Materials step are checked by content and size; downloads go only to those who may see the case study.</summary>
public sealed class AttachmentTests
{
    private static async Task<(EnactFactory App, TestClient Owner, string Id)> DraftAsync()
    {
        var app = await StartAppAsync();
        var owner = app.CreateTestClient();
        await owner.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(owner, await CreateCallAsync(app));
        await SaveOkAsync(owner, id, "summary", ("Input.TitleAr", "عنوان"), ("Input.TitleEn", "Title"));
        return (app, owner, id);
    }

    [Fact]
    public async Task Pdf_docx_and_an_image_with_alternative_text_are_attached_with_the_type_found_in_their_content()
    {
        var (app, owner, id) = await DraftAsync();
        await using var _ = app;
        using var __ = owner;
        await SaveOkAsync(owner, id, "materials", ("Input.VideoLinks", "https://video.example/v1"));

        foreach (var (name, bytes, ar, en) in new[]
                 {
                     ("تقرير.pdf", SampleFiles.Pdf(), (string?)null, (string?)null),
                     ("notes.bin", SampleFiles.Docx(), null, null),
                     ("صورة.png", SampleFiles.Png(), "لقطة من المنصة", "A screen of the platform"),
                 })
        {
            using var response = await UploadAsync(owner, id, name, bytes, ar, en);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{name}: {(int)response.StatusCode} {Errors(await TestClient.ParseAsync(response))}");
            Assert.EndsWith("materials?saved=upload#attachments", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var attachments = await app.WithDbAsync(db => db.CaseStudyAttachments.Where(a => a.CaseStudyId == id).OrderBy(a => a.Position).ToListAsync());
        Assert.Equal(["تقرير.pdf", "notes.bin.docx", "صورة.png"], attachments.Select(a => a.FileName));
        Assert.Equal(["application/pdf", FileKind.Docx.ContentType, "image/png"], attachments.Select(a => a.ContentType));
        Assert.Equal("لقطة من المنصة", attachments[2].AltTextAr);
        // The video links typed on the page went with the upload (the whole form is saved first).
        Assert.Equal("https://video.example/v1", (await CaseStudyAsync(app, id)).VideoLinks);

        // The owner downloads: the stored bytes, the detected type, attachment (inline for images), nosniff.
        using var pdf = await owner.GetAsync($"/case-studies/files/{attachments[0].Id}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(["nosniff"], pdf.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(SampleFiles.Pdf(), await pdf.Content.ReadAsByteArrayAsync());
        using var png = await owner.GetAsync($"/case-studies/files/{attachments[2].Id}");
        Assert.Equal("inline", png.Content.Headers.ContentDisposition!.DispositionType);

        // Alternative text is edited on the step; removing deletes the link and the bytes.
        var page = await owner.GetPageAsync(StepPath(owner, id, "materials"));
        Assert.Equal("A screen of the platform", page.QuerySelector($"#alt-{attachments[2].Id}-en")!.GetAttribute("value"));
        await SaveOkAsync(owner, id, "materials", ("RemoveAttachment", attachments[0].Id.ToString()));
        Assert.Equal(2, await app.WithDbAsync(db => db.CaseStudyAttachments.CountAsync(a => a.CaseStudyId == id)));
        Assert.False(await app.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Id == attachments[0].FileId)));
    }

    [Theory]
    [InlineData("report.pdf", "exe")]
    [InlineData("photo.png", "html")]
    [InlineData("slides.pptx", "zip")]
    public async Task A_renamed_executable_page_or_archive_is_refused_with_a_message(string name, string content)
    {
        var (app, owner, id) = await DraftAsync();
        await using var _ = app;
        using var __ = owner;
        var bytes = content switch { "exe" => SampleFiles.Exe(), "html" => SampleFiles.Html(), _ => SampleFiles.Zip() };
        using var response = await UploadAsync(owner, id, name, bytes, "نص", "text");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("ليس ملف PDF", Errors(page), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Upload']"));
        Assert.Equal(0, await app.WithDbAsync(db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task A_file_one_byte_over_20_MB_is_refused_and_exactly_20_MB_is_accepted()
    {
        var (app, owner, id) = await DraftAsync();
        await using var _ = app;
        using var __ = owner;
        var limit = SampleFiles.Pdf();
        Array.Resize(ref limit, (int)StoredFile.MaxLength);
        using (var ok = await UploadAsync(owner, id, "big.pdf", limit))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        var over = limit;
        Array.Resize(ref over, (int)StoredFile.MaxLength + 1);
        using var response = await UploadAsync(owner, id, "bigger.pdf", over);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("20 ميغابايت", Errors(await TestClient.ParseAsync(response)), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task An_image_needs_alternative_text_in_each_language_of_the_case_study()
    {
        var (app, owner, id) = await DraftAsync();
        await using var _ = app;
        using var __ = owner;
        using var response = await UploadAsync(owner, id, "photo.jpg", SampleFiles.Jpeg(), altAr: "وصف بالعربية");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("نص بديل", Errors(page), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Input_UploadAltEn']"));
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseStudyAttachments.CountAsync()));
    }

    [Fact]
    public async Task Downloads_go_to_owner_staff_and_assigned_reviewers_until_publication_then_to_everyone()
    {
        var (app, owner, id) = await DraftAsync();
        await using var _ = app;
        using var __ = owner;
        using (var r = await UploadAsync(owner, id, "report.pdf", SampleFiles.Pdf()))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        var attachment = await app.WithDbAsync(db => db.CaseStudyAttachments.SingleAsync(a => a.CaseStudyId == id));
        var path = $"/case-studies/files/{attachment.Id}";

        using var anonymous = app.CreateTestClient();
        using (var r = await anonymous.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Contains("/account/sign-in", r.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        using var stranger = app.CreateTestClient();
        await stranger.SignInAsAsync(Roles.Contributor);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
        using var editor = app.CreateTestClient();
        await editor.SignInAsAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(path)).StatusCode);

        using var reviewer = app.CreateTestClient();
        var reviewerAccount = await reviewer.SignInAsAsync(Roles.Reviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync(path)).StatusCode);
        await app.WithDbAsync(async db =>
        {
            db.ReviewAssignments.Add(new ReviewAssignment { Id = Guid.NewGuid(), CaseStudyId = id, ReviewerId = reviewerAccount.Id, AssignedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(path)).StatusCode);
        await app.WithDbAsync(async db =>
        {
            (await db.ReviewAssignments.SingleAsync(a => a.CaseStudyId == id)).WithdrawnAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync(path)).StatusCode);

        await MoveAsync(app, id, (CaseStudyStatus.Submitted, null));
        await PublishAsync(app, id);
        using var published = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(SampleFiles.Pdf(), await published.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/case-studies/files/{Guid.NewGuid()}")).StatusCode);
    }
}
