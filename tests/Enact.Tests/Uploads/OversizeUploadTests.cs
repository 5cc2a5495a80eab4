using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Enact.Core.Accounts;
using Enact.Tests.Infrastructure;
using Enact.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Submissions.SubmissionSteps;

namespace Enact.Tests.Uploads;

/// <summary>
/// Files bigger than what the portal keeps, sent to the real server (Kestrel, which enforces request sizes; the in-memory
/// test server does not): the person gets their form back with the localized message and what they typed, nothing stored.
/// </summary>
public sealed class OversizeUploadTests
{
    /// <summary>24 MB and 1 byte: past the old request limit of the submission template, which cut the connection.</summary>
    private const int Oversize = (24 * 1024 * 1024) + 1;

    /// <summary>Past Kestrel's default request limit (30,000,000 bytes), which applied to the event form.</summary>
    private const int OverKestrelDefault = 30_000_000 + 1;

    [Theory]
    [InlineData("ar", "حجم الملف يتجاوز 20 ميغابايت")]
    [InlineData("en", "the file is larger than 20 MB")]
    public async Task A_case_study_attachment_of_24_MB_and_1_byte_gets_the_materials_step_back_with_the_message(string culture, string message)
    {
        await using var app = await EnactFactory.StartAsync(clock: NewClock(), kestrel: true);
        using var owner = app.CreateTestClient(culture);
        await owner.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(owner, await CreateCallAsync(app));

        var page = await owner.GetPageAsync(StepPath(owner, id, "materials"));
        using var response = await PostWithFileAsync(owner, page, "#step-form",
            [("Input.VideoLinks", "https://video.example/typed"), ("Nav", "upload")], "Upload", "report.pdf", Oversize);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = await TestClient.ParseAsync(response);
        Assert.Contains(message, Errors(form), StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector(".error-summary a[href='#Upload']"));
        Assert.Equal("https://video.example/typed", form.QuerySelector("#Input_VideoLinks")!.TextContent.Trim());
        Assert.Equal(0, await app.WithDbAsync(db => db.StoredFiles.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseStudyAttachments.CountAsync()));
    }

    [Theory]
    [InlineData("ar", "الوثيقة أكبر من 20 ميغابايت")]
    [InlineData("en", "The document is larger than 20 MB")]
    public async Task An_event_document_past_30_MB_gets_the_event_form_back_with_the_message(string culture, string message)
    {
        await using var app = await EnactFactory.StartAsync(kestrel: true);
        using var editor = app.CreateTestClient(culture);
        await editor.SignInAsAsync(Roles.Editor);

        var page = await editor.GetPageAsync($"/{culture}/events/manage/edit");
        using var response = await PostWithFileAsync(editor, page, "main form.event-form",
            [
                ("Input.Slug", "big-document"), ("Input.TitleAr", "ورشة الوثائق"), ("Input.TitleEn", "Documents workshop"),
                ("Input.StartsLocal", "2030-01-15T09:00"), ("Input.EndsLocal", "2030-01-15T11:00"),
                ("Input.NewDocumentNameAr", "التقرير"), ("Input.NewDocumentNameEn", "The report"),
            ],
            "Input.NewDocument", "report.pdf", OverKestrelDefault);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = await TestClient.ParseAsync(response);
        Assert.Contains(message, Errors(form), StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector(".error-summary a[href='#Input_NewDocument']"));
        Assert.Equal("ورشة الوثائق", form.QuerySelector("#Input_TitleAr")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Events.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task A_body_past_what_is_read_at_all_is_answered_before_it_is_sent_and_the_form_shows_why()
    {
        await using var app = await EnactFactory.StartAsync(clock: NewClock(), kestrel: true);
        using var owner = app.CreateTestClient();
        await owner.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(owner, await CreateCallAsync(app));
        var path = StepPath(owner, id, "materials");

        // "Expect: 100-continue" lets the server answer from the declared length before the client sends the body.
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new DeclaredLengthContent(UploadFormAttribute.ReadLimit + 1) };
        request.Headers.ExpectContinue = true;
        using var response = await owner.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{path}?upload=too-large", response.Headers.Location!.OriginalString);
        var form = await owner.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Contains("يتجاوز 128 ميغابايت", Errors(form), StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector(".error-summary a[href='#Upload']"));
        Assert.Equal(0, await app.WithDbAsync(db => db.StoredFiles.CountAsync()));
    }

    /// <summary>Posts a page's form as a browser does (multipart, every field), with some fields changed and a file of <paramref name="length"/> bytes.</summary>
    private static async Task<HttpResponseMessage> PostWithFileAsync(TestClient client, AngleSharp.Dom.IDocument page, string formSelector,
        (string Name, string Value)[] changes, string fileField, string fileName, int length)
    {
        var form = (IHtmlFormElement)page.QuerySelector(formSelector)!;
        Assert.Equal("multipart/form-data", form.Enctype);
        var changed = changes.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in FormValues(form).Where(v => !changed.Contains(v.Name)).Concat(changes))
        {
            body.Add(new StringContent(value), name);
        }
        var content = new byte[length];
        "%PDF-1.7\n"u8.CopyTo(content);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        body.Add(file, fileField, fileName);
        return await client.Http.PostAsync(new Uri(page.Url).PathAndQuery, body);
    }

    /// <summary>A multipart body that declares its length and writes zeros only if the server asks for them.</summary>
    private sealed class DeclaredLengthContent : HttpContent
    {
        private readonly long _length;

        public DeclaredLengthContent(long length)
        {
            _length = length;
            Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=never-read");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var zeros = new byte[81920];
            for (var left = _length; left > 0; left -= zeros.Length)
            {
                await stream.WriteAsync(zeros.AsMemory(0, (int)Math.Min(zeros.Length, left)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
