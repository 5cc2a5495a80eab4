using System.Net;
using System.Text.Json;
using Enact.Core.CaseStudies;
using Enact.Core.Accounts;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Submissions.SubmissionSteps;

namespace Enact.Tests.Submissions;

/// <summary>Each step saves as a draft even when incomplete; only format errors keep the person on the step, with their text.</summary>
public sealed class DraftStepTests
{
    [Fact]
    public async Task Each_step_is_saved_as_an_incomplete_draft_and_shown_again()
    {
        await using var app = await StartAppAsync();
        using var client = app.CreateTestClient();
        var owner = await client.SignInAsAsync(Roles.Contributor);
        var call = await CreateCallAsync(app);
        var id = await StartAsync(client, call, "JO", "ar");
        Assert.Matches("^[a-z0-9-]{3,100}$", id);
        Assert.StartsWith("jo-2025-", id, StringComparison.Ordinal);

        // Only the Arabic name: the draft is far from complete, yet every move saves it.
        using (var r = await SaveAsync(client, id, "organisation", [new("Input.OrganisationAr", "وزارة التخطيط"), new("Input.Sectors", "health")], nav: "summary"))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.EndsWith($"/ar/case-studies/submissions/{id}/summary", r.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        await SaveOkAsync(client, id, "summary", ("Input.TitleEn", "Open budget portal"), ("Input.YearLaunched", "٢٠١٩"));
        await SaveOkAsync(client, id, "description", ("Input.ProblemAr", "غياب الشفافية في الموازنة."), ("Input.Technologies", "open-data"), ("Input.SdgTargets", "16.6"));
        await SaveOkAsync(client, id, "development", ("Input.PartnersEn", "Civil society"), ("Input.Beneficiaries", "women"));
        await SaveOkAsync(client, id, "reflections", ("Input.LessonsLearnedAr", "البدء بمشروع تجريبي."));
        await SaveOkAsync(client, id, "materials", ("Input.VideoLinks", "https://video.example/a\r\n\r\nhttps://video.example/b"));
        await SaveOkAsync(client, id, "consent", ("Input.ContactName", "ليلى"), ("Input.PublicContactEmail", "info@example.org"));

        var saved = await CaseStudyAsync(app, id);
        Assert.Equal(CaseStudyStatus.Draft, saved.Status);
        Assert.Equal(owner.Id, saved.OwnerId);
        Assert.Equal("JO", saved.CountryCode);
        Assert.Equal("وزارة التخطيط", saved.OrganisationAr);
        Assert.Equal("Open budget portal", saved.TitleEn);
        Assert.Equal(2019, saved.YearLaunched);
        Assert.Equal("غياب الشفافية في الموازنة.", saved.ProblemAr);
        Assert.Equal("Civil society", saved.PartnersEn);
        Assert.Equal("البدء بمشروع تجريبي.", saved.LessonsLearnedAr);
        Assert.Equal("https://video.example/a\nhttps://video.example/b", saved.VideoLinks);
        Assert.Equal("ليلى", saved.ContactName);
        Assert.Null(saved.ConsentGivenAt);
        Assert.Equal(
            ["beneficiary:women", "sdg:16.6", "sector:health", "technology:open-data"],
            saved.Terms.Select(t => $"{t.Term!.Taxonomy}:{t.Term.Code}").Order(StringComparer.Ordinal));

        // Coming back to a step shows what was saved, each language in its own direction.
        var summary = await client.GetPageAsync(StepPath(client, id, "summary"));
        Assert.Equal("Open budget portal", summary.QuerySelector("#Input_TitleEn")!.GetAttribute("value"));
        Assert.Equal("ltr", summary.QuerySelector("#Input_TitleEn")!.GetAttribute("dir"));
        Assert.Equal("en", summary.QuerySelector("#Input_TitleEn")!.GetAttribute("lang"));
        Assert.Equal("rtl", summary.QuerySelector("#Input_TitleAr")!.GetAttribute("dir"));
        Assert.Equal("ar", summary.QuerySelector("#Input_SummaryAr")!.GetAttribute("lang"));
        var organisation = await client.GetPageAsync(StepPath(client, id, "organisation"));
        Assert.NotNull(organisation.QuerySelector("#Input_Sectors_health[checked]"));
        Assert.Equal("JO", organisation.QuerySelector("#Input_Country option[selected]")!.GetAttribute("value"));

        // The address in reminder and invitation e-mails opens the template at its first step.
        using (var open = await client.GetAsync($"/ar/case-studies/submissions/{id}"))
        {
            Assert.Equal($"/ar/case-studies/submissions/{id}/organisation", open.Headers.Location!.OriginalString);
        }

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id).Select(a => a.Action).ToListAsync());
        Assert.Contains("case-study.started", audit);
        Assert.Contains("case-study.draft-saved", audit);
    }

    [Theory]
    [InlineData("ar", "أدخل عنوانًا إلكترونيًا كاملًا", "أدخل سنة بين", "اكتب 3 جمل على الأكثر")]
    [InlineData("en", "enter a full web address", "enter a year between", "write 3 sentences at most")]
    public async Task Format_errors_are_shown_in_the_page_language_and_keep_what_was_typed(string culture, string urlError, string yearError, string summaryError)
    {
        await using var app = await StartAppAsync();
        using var client = app.CreateTestClient(culture);
        await client.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(client, await CreateCallAsync(app));
        var longSummary = "الجملة الأولى. الجملة الثانية! الجملة الثالثة؟ الجملة الرابعة.";

        using var response = await SaveAsync(client, id, "summary",
            ("Input.TitleAr", "عنوان محفوظ؟"), ("Input.SummaryAr", longSummary), ("Input.Website", "not a url"), ("Input.YearLaunched", "1850"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        var errors = Errors(page);
        Assert.Contains(urlError, errors, StringComparison.Ordinal);
        Assert.Contains(yearError, errors, StringComparison.Ordinal);
        Assert.Contains(summaryError, errors, StringComparison.Ordinal);
        // Each error links to its field, which is marked invalid.
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Input_Website']"));
        Assert.Equal("true", page.QuerySelector("#Input_Website")!.GetAttribute("aria-invalid"));
        // What was typed is still there.
        Assert.Equal("not a url", page.QuerySelector("#Input_Website")!.GetAttribute("value"));
        Assert.Equal(longSummary, page.QuerySelector("#Input_SummaryAr")!.TextContent);
        Assert.Equal("عنوان محفوظ؟", page.QuerySelector("#Input_TitleAr")!.GetAttribute("value"));
        // And nothing of the step was saved.
        Assert.Null((await CaseStudyAsync(app, id)).TitleAr);

        // Unknown codes are format errors too.
        using var codes = await SaveAsync(client, id, "organisation", ("Input.OrganisationType", "cartel"), ("Input.Sectors", "no-such-sector"));
        var codesPage = await TestClient.ParseAsync(codes);
        Assert.Contains("cartel", Errors(codesPage), StringComparison.Ordinal);
        Assert.Contains("no-such-sector", Errors(codesPage), StringComparison.Ordinal);

        using var links = await SaveAsync(client, id, "materials", ("Input.VideoLinks", "https://ok.example/v\njavascript:alert(1)"));
        Assert.Contains("javascript:alert(1)", Errors(await TestClient.ParseAsync(links)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_save_shows_a_conflict_with_the_saved_values_and_keeps_the_persons_text()
    {
        await using var app = await StartAppAsync();
        using var client = app.CreateTestClient();
        await client.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(client, await CreateCallAsync(app));

        // Two tabs open the same step; the first one saves.
        var first = await client.GetPageAsync(StepPath(client, id, "summary"));
        var second = await client.GetPageAsync(StepPath(client, id, "summary"));
        using (var r = await client.SubmitFormAsync(first, TestClient.Many(("Input.TitleAr", "عنوان من النافذة الأولى"), ("Nav", "stay")), "#step-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }

        using var stale = await client.SubmitFormAsync(second, TestClient.Many(("Input.TitleAr", "عنوان من النافذة الثانية"), ("Nav", "stay")), "#step-form");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await TestClient.ParseAsync(stale);
        Assert.NotNull(page.QuerySelector("#conflict"));
        Assert.Contains("عنوان من النافذة الأولى", page.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("عنوان من النافذة الثانية", page.QuerySelector("#Input_TitleAr")!.GetAttribute("value"));
        Assert.Equal("عنوان من النافذة الأولى", (await CaseStudyAsync(app, id)).TitleAr);

        // The page now carries the current version: saving again is a deliberate overwrite.
        using var again = await client.SubmitFormAsync(page, TestClient.Many(("Nav", "stay")), "#step-form");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("عنوان من النافذة الثانية", (await CaseStudyAsync(app, id)).TitleAr);
    }

    [Fact]
    public async Task Autosave_answers_the_new_version_and_refuses_a_stale_one()
    {
        await using var app = await StartAppAsync();
        using var client = app.CreateTestClient("en");
        await client.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(client, await CreateCallAsync(app));
        var page = await client.GetPageAsync(StepPath(client, id, "reflections"));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#step-form")!;
        var autosave = form.GetAttribute("data-autosave")!;
        Assert.Equal($"/en/case-studies/submissions/{id}/reflections?handler=autosave", autosave);
        Assert.NotNull(page.QuerySelector("#autosave-status[aria-live='polite'][role='status']"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/autosave.js']"));

        var values = FormValues(form).Where(v => v.Name != "Input.ResultsEn").Append((Name: "Input.ResultsEn", Value: "Queues fell by half.")).ToList();
        using var ok = await client.Http.PostAsync(autosave, new FormUrlEncodedContent(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var json = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement;
        var saved = await CaseStudyAsync(app, id);
        Assert.Equal(saved.Version, json.GetProperty("version").GetGuid());
        Assert.StartsWith("Saved at 09:00", json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Queues fell by half.", saved.ResultsEn);

        // The same (now stale) version again: a conflict, nothing saved.
        var stale = values.Where(v => v.Name != "Input.ResultsEn").Append((Name: "Input.ResultsEn", Value: "Overwritten")).Select(v => new KeyValuePair<string, string>(v.Name, v.Value));
        using var conflict = await client.Http.PostAsync(autosave, new FormUrlEncodedContent(stale));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("Queues fell by half.", (await CaseStudyAsync(app, id)).ResultsEn);

        // Without the antiforgery token the endpoint refuses.
        using var forged = await client.Http.PostAsync(autosave, new FormUrlEncodedContent([new("Input.Version", saved.Version.ToString()), new("Input.ResultsEn", "x")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
