using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Enact.Core.Calls;
using Enact.Core.CaseStudies;
using Enact.Core.Review;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enact.Tests.Submissions;

/// <summary>Intent helpers for the submission template: calls, starting, filling steps, uploading, submitting.</summary>
public static class SubmissionSteps
{
    /// <summary>The tests' "now": a fixed instant, so call windows and years do not depend on the machine's clock.</summary>
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));

    public static Task<EnactFactory> StartAppAsync(FakeTimeProvider? clock = null, Provider provider = Provider.Sqlite)
        => EnactFactory.StartAsync(provider, clock: clock ?? NewClock());

    /// <summary>A call open from a day before the app's clock until <paramref name="closesIn"/> after it.</summary>
    public static async Task<int> CreateCallAsync(EnactFactory app, TimeSpan? closesIn = null, TimeSpan? opensIn = null)
    {
        var now = (app.Clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        return await app.WithDbAsync(async db =>
        {
            var call = new SubmissionCall
            {
                TitleAr = "دعوة اختبار",
                TitleEn = "Test call",
                OpensAt = now + (opensIn ?? TimeSpan.FromDays(-1)),
                ClosesAt = now + (closesIn ?? TimeSpan.FromDays(30)),
                TimeZone = "Asia/Beirut",
                CreatedAt = now,
            };
            db.SubmissionCalls.Add(call);
            await db.SaveChangesAsync();
            return call.Id;
        });
    }

    /// <summary>Starts a submission through the start page and returns the new case study's id.</summary>
    public static async Task<string> StartAsync(TestClient client, int callId, string country = "LB", string language = "ar")
    {
        using var response = await client.SubmitFormAsync($"/{client.Culture}/case-studies/submit?call={callId}",
            TestClient.Many(("Country", country), ("OriginalLanguage", language)));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Start answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("/organisation", location, StringComparison.Ordinal);
        return location.Split('/')[^2];
    }

    public static string StepPath(TestClient client, string id, string step) => $"/{client.Culture}/case-studies/submissions/{id}/{step}";

    /// <summary>Saves a step through its form (with "Save draft" unless <paramref name="nav"/> says otherwise).</summary>
    public static async Task<HttpResponseMessage> SaveAsync(TestClient client, string id, string step, IEnumerable<KeyValuePair<string, string?>> fields, string nav = "stay")
        => await client.SubmitFormAsync(StepPath(client, id, step), fields.Append(new("Nav", nav)), "#step-form");

    public static Task<HttpResponseMessage> SaveAsync(TestClient client, string id, string step, params (string Key, string? Value)[] fields)
        => SaveAsync(client, id, step, TestClient.Many(fields));

    /// <summary>Saves and expects the redirect of a successful save.</summary>
    public static async Task SaveOkAsync(TestClient client, string id, string step, params (string Key, string? Value)[] fields)
    {
        using var response = await SaveAsync(client, id, step, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Saving {step} answered {(int)response.StatusCode}: {Errors(await TestClient.ParseAsync(response))}");
    }

    public static string Errors(IDocument page)
        => string.Join(" | ", page.QuerySelectorAll(".error-summary li, .field-error").Select(e => e.TextContent.Trim()));

    /// <summary>Fills every field the final submit needs, in Arabic.</summary>
    public static async Task FillCompleteArabicAsync(TestClient client, string id, string contactEmail = "owner@test.example")
    {
        await SaveOkAsync(client, id, "organisation",
            ("Input.OrganisationAr", "وزارة الاقتصاد"), ("Input.OrganisationType", "government"), ("Input.Level", "national"),
            ("Input.Sectors", "general-public-services"));
        await SaveOkAsync(client, id, "summary",
            ("Input.TitleAr", "منصة التراخيص الرقمية"), ("Input.SummaryAr", "تتيح المنصة طلب التراخيص عبر الإنترنت. وتختصر زمن الانتظار."),
            ("Input.YearLaunched", "2021"), ("Input.Website", "https://example.gov.lb/permits"), ("Input.InitiativeStatus", "operational"));
        await SaveOkAsync(client, id, "description",
            ("Input.ProblemAr", "كانت الطلبات ورقية وبطيئة."), ("Input.DescriptionAr", "بنت الوزارة منصة إلكترونية."),
            ("Input.Technologies", "blockchain"), ("Input.Dimensions", "trust"));
        await SaveOkAsync(client, id, "reflections", ("Input.ResultsAr", "انخفض زمن المعالجة بنسبة ٦٠٪."));
        await SaveOkAsync(client, id, "consent",
            ("Input.Consent", "true"), ("Input.ContactName", "سارة"), ("Input.ContactEmail", contactEmail));
    }

    /// <summary>Submits from the preview page.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(TestClient client, string id)
        => await client.SubmitFormAsync($"/{client.Culture}/case-studies/submissions/{id}/preview", [], "#submit-form");

    /// <summary>Posts the materials step's form as a browser does (multipart, every field), with a file attached.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(TestClient client, string id, string fileName, byte[] content, string? altAr = null, string? altEn = null)
    {
        var page = await client.GetPageAsync(StepPath(client, id, "materials"));
        var form = (IHtmlFormElement)page.QuerySelector("#step-form")!;
        Assert.Equal("multipart/form-data", form.Enctype);
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in FormValues(form))
        {
            if (name is "Input.UploadAltAr" or "Input.UploadAltEn")
            {
                continue;
            }
            body.Add(new StringContent(value), name);
        }
        body.Add(new StringContent("upload"), "Nav");
        if (altAr is not null)
        {
            body.Add(new StringContent(altAr), "Input.UploadAltAr");
        }
        if (altEn is not null)
        {
            body.Add(new StringContent(altEn), "Input.UploadAltEn");
        }
        var file = new ByteArrayContent(content);
        // What the browser claims is ignored: the content decides.
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        body.Add(file, "Upload", fileName);
        return await client.Http.PostAsync(form.Action, body);
    }

    public static IEnumerable<(string Name, string Value)> FormValues(IHtmlFormElement form)
    {
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is not ("checkbox" or "radio") || input.IsChecked)
                    {
                        yield return (input.Name, input.Value);
                    }
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        yield return (select.Name, option.Value);
                    }
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    yield return (area.Name, area.Value);
                    break;
            }
        }
    }

    public static Task<CaseStudy> CaseStudyAsync(EnactFactory app, string id)
        => app.WithDbAsync(db => db.CaseStudies.AsNoTracking().Include(c => c.Terms).ThenInclude(t => t.Term).SingleAsync(c => c.Id == id));

    /// <summary>Moves a case study to a state as the review helper would (through the workflow), for arranging tests.</summary>
    public static async Task MoveAsync(EnactFactory app, string id, params (CaseStudyStatus To, string? Reason)[] moves)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Enact.Core.Data.EnactDbContext>();
        var workflow = scope.ServiceProvider.GetRequiredService<CaseStudyWorkflow>();
        var caseStudy = await db.CaseStudies.SingleAsync(c => c.Id == id);
        foreach (var (to, reason) in moves)
        {
            workflow.Apply(caseStudy, to, Enact.Core.Audit.AuditActor.System, reason);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Submitted → published through every state, with reasons where the workflow asks for them.</summary>
    public static Task PublishAsync(EnactFactory app, string id)
        => MoveAsync(app, id, (CaseStudyStatus.Screening, null), (CaseStudyStatus.InReview, null), (CaseStudyStatus.Accepted, "good"), (CaseStudyStatus.Published, null));
}
