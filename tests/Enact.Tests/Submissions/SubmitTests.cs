using System.Net;
using Enact.Core.Accounts;
using Enact.Core.CaseStudies;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Submissions.SubmissionSteps;

namespace Enact.Tests.Submissions;

/// <summary>The final submit: completeness, the move through the workflow with its record and e-mails, and the call's window.</summary>
public sealed class SubmitTests
{
    [Fact]
    public async Task The_preview_lists_what_is_missing_each_linked_to_its_step_and_submit_is_refused()
    {
        await using var app = await StartAppAsync();
        using var client = app.CreateTestClient();
        await client.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(client, await CreateCallAsync(app));
        await SaveOkAsync(client, id, "summary", ("Input.TitleAr", "عنوان"), ("Input.YearLaunched", "2020"));

        var preview = await client.GetPageAsync($"/ar/case-studies/submissions/{id}/preview");
        var links = preview.QuerySelectorAll(".missing-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/ar/case-studies/submissions/{id}/organisation#Input_OrganisationAr", links);
        Assert.Contains($"/ar/case-studies/submissions/{id}/summary#Input_SummaryAr", links);
        Assert.Contains($"/ar/case-studies/submissions/{id}/description#Input_Technologies", links);
        Assert.Contains($"/ar/case-studies/submissions/{id}/description#Input_Dimensions", links);
        Assert.Contains($"/ar/case-studies/submissions/{id}/consent#Input_Consent", links);
        Assert.Contains($"/ar/case-studies/submissions/{id}/consent#Input_ContactEmail", links);
        Assert.DoesNotContain($"/ar/case-studies/submissions/{id}/summary#Input_TitleAr", links);
        Assert.DoesNotContain($"/ar/case-studies/submissions/{id}/summary#Input_YearLaunched", links);
        Assert.Contains("الملخص: ملخص قصير (العربية)", preview.QuerySelector(".missing-list")!.TextContent, StringComparison.Ordinal);

        using var response = await SubmitAsync(client, id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("غير مكتملة", Errors(await TestClient.ParseAsync(response)), StringComparison.Ordinal);
        Assert.Equal(CaseStudyStatus.Draft, (await CaseStudyAsync(app, id)).Status);
    }

    [Fact]
    public async Task Submitting_a_complete_draft_records_the_transition_and_audit_and_emails_owner_and_co_author()
    {
        await using var app = await StartAppAsync();
        using var client = app.CreateTestClient();
        var owner = await client.SignInAsAsync(Roles.Contributor);
        var coAuthor = await TestClient.CreateAccountAsync(app, Roles.Contributor);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == coAuthor.Id)).PreferredLanguage = "en";
            return await db.SaveChangesAsync();
        });
        var id = await StartAsync(client, await CreateCallAsync(app));
        await FillCompleteArabicAsync(client, id);
        await SaveOkAsync(client, id, "consent", ("Input.CoAuthorEmail", coAuthor.Email), ("Nav", "invite"));

        var preview = await client.GetPageAsync($"/ar/case-studies/submissions/{id}/preview");
        Assert.Empty(preview.QuerySelectorAll(".missing-list li"));
        using var response = await SubmitAsync(client, id);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/ar/case-studies/submissions?submitted={id}", response.Headers.Location!.OriginalString);

        var saved = await CaseStudyAsync(app, id);
        Assert.Equal(CaseStudyStatus.Submitted, saved.Status);
        Assert.Equal(app.Clock!.GetUtcNow().UtcDateTime, saved.SubmittedAt);
        Assert.NotNull(saved.ConsentGivenAt);
        var transitions = await app.WithDbAsync(db => db.CaseStudyTransitions.Where(t => t.CaseStudyId == id).OrderBy(t => t.Id).ToListAsync());
        Assert.Equal([CaseStudyStatus.Draft, CaseStudyStatus.Submitted], transitions.Select(t => t.To));
        Assert.Equal(owner.Id, transitions[^1].ActorId);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == id && a.Action == "case-study.submitted" && a.ActorId == owner.Id)));

        var ownerMail = Assert.Single(TestClient.MailTo(app, owner.Email));
        Assert.Contains("تم إرسال دراسة الحالة", ownerMail.Subject, StringComparison.Ordinal);
        Assert.Contains("/ar/case-studies/submissions", TestClient.LinkInMail(app, owner.Email, "/case-studies/submissions"), StringComparison.Ordinal);
        var coAuthorMails = TestClient.MailTo(app, coAuthor.Email);
        Assert.Equal(2, coAuthorMails.Count); // the invitation, then the confirmation in English
        Assert.Contains(coAuthorMails, m => (m.Subject ?? "").StartsWith("Case study submitted", StringComparison.Ordinal));
        Assert.Contains(coAuthorMails, m => (m.Subject ?? "").Contains("invites you to co-author", StringComparison.Ordinal));

        // My submissions shows where it stands, with its history.
        var mine = await client.GetPageAsync("/ar/case-studies/submissions?submitted=" + id);
        Assert.NotNull(mine.QuerySelector("#submitted-notice"));
        var row = mine.QuerySelector($"#submission-{id}")!;
        Assert.Equal("مُرسَلة", row.QuerySelector(".status")!.TextContent.Trim());
        Assert.Equal(2, row.QuerySelectorAll(".history li").Length);

        // A submitted case study is no longer editable: its steps lead to the read-only preview.
        using var step = await client.GetAsync(StepPath(client, id, "summary"));
        Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
        Assert.EndsWith("/preview", step.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_call_refuses_new_submissions_and_final_submits_until_an_extension_is_granted()
    {
        var clock = NewClock();
        await using var app = await StartAppAsync(clock);
        using var client = app.CreateTestClient();
        var owner = await client.SignInAsAsync(Roles.Contributor);
        var call = await CreateCallAsync(app, closesIn: TimeSpan.FromDays(2));
        var id = await StartAsync(client, call);
        await FillCompleteArabicAsync(client, id);

        clock.Advance(TimeSpan.FromDays(3));
        await client.SignInAsync(owner.Email, owner.Password); // the sign-in of three days ago has expired

        // Starting: the page explains, and a post is refused.
        var start = await client.GetPageAsync($"/ar/case-studies/submit?call={call}");
        Assert.NotNull(start.QuerySelector("#call-closed"));
        Assert.Null(start.QuerySelector("main form"));
        using (var post = await client.Http.PostAsync($"/ar/case-studies/submit?call={call}", new FormUrlEncodedContent([new("Country", "LB")])))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseStudies.CountAsync()));

        // The draft can still be saved, but not submitted.
        await SaveOkAsync(client, id, "reflections", ("Input.ChallengesAr", "ضيق الوقت."));
        var preview = await client.GetPageAsync($"/ar/case-studies/submissions/{id}/preview");
        Assert.NotNull(preview.QuerySelector("#call-closed"));
        Assert.Null(preview.QuerySelector("#submit-form"));
        var version = (await CaseStudyAsync(app, id)).Version;
        using (var forced = await client.Http.PostAsync($"/ar/case-studies/submissions/{id}/preview",
                   new FormUrlEncodedContent([new("Version", version.ToString()), new("__RequestVerificationToken", Token(preview))])))
        {
            Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
            Assert.Contains("مغلق", Errors(await TestClient.ParseAsync(forced)), StringComparison.Ordinal);
        }
        Assert.Equal(CaseStudyStatus.Draft, (await CaseStudyAsync(app, id)).Status);

        // An editor grants this one submission an extension: now it goes through.
        await app.WithDbAsync(async db =>
        {
            (await db.CaseStudies.SingleAsync(c => c.Id == id)).ExtendedUntil = clock.GetUtcNow().UtcDateTime.AddDays(1);
            return await db.SaveChangesAsync();
        });
        using var submitted = await SubmitAsync(client, id);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(CaseStudyStatus.Submitted, (await CaseStudyAsync(app, id)).Status);
    }

    [Fact]
    public async Task The_owner_answers_a_change_request_seeing_the_editors_reason_and_it_goes_back_in_review()
    {
        await using var app = await StartAppAsync();
        using var client = app.CreateTestClient();
        await client.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(client, await CreateCallAsync(app));
        await FillCompleteArabicAsync(client, id);
        using (var r = await SubmitAsync(client, id))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        await MoveAsync(app, id, (CaseStudyStatus.Screening, null), (CaseStudyStatus.ChangesRequested, "أضيفوا أرقامًا عن عدد المستفيدين."));

        var step = await client.GetPageAsync(StepPath(client, id, "reflections"));
        Assert.Contains("أضيفوا أرقامًا عن عدد المستفيدين.", step.QuerySelector("#change-request")!.TextContent, StringComparison.Ordinal);
        await SaveOkAsync(client, id, "reflections", ("Input.ResultsAr", "استفاد ١٢٠٠٠ مواطن."));
        var mine = await client.GetPageAsync("/ar/case-studies/submissions");
        Assert.Contains("أضيفوا أرقامًا عن عدد المستفيدين.", mine.QuerySelector($"#submission-{id} .history")!.TextContent, StringComparison.Ordinal);

        using var answer = await SubmitAsync(client, id);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var saved = await CaseStudyAsync(app, id);
        Assert.Equal(CaseStudyStatus.InReview, saved.Status);
        Assert.Equal("استفاد ١٢٠٠٠ مواطن.", saved.ResultsAr);
    }

    [Fact]
    public async Task The_owner_withdraws_a_submission_before_acceptance()
    {
        await using var app = await StartAppAsync();
        using var client = app.CreateTestClient();
        await client.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(client, await CreateCallAsync(app));
        using var response = await client.SubmitFormAsync("/ar/case-studies/submissions", [], $"#submission-{id} form[action$='handler=withdraw']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CaseStudyStatus.Withdrawn, (await CaseStudyAsync(app, id)).Status);
        var mine = await client.GetPageAsync("/ar/case-studies/submissions");
        Assert.Null(mine.QuerySelector($"#submission-{id} form[action$='handler=withdraw']"));
    }

    [Fact]
    public async Task On_postgresql_a_draft_is_filled_with_an_attachment_submitted_and_listed()
    {
        await using var app = await StartAppAsync(provider: Provider.Postgres);
        using var client = app.CreateTestClient();
        await client.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(client, await CreateCallAsync(app));
        await FillCompleteArabicAsync(client, id);
        using (var upload = await UploadAsync(client, id, "report.docx", SampleFiles.Docx()))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }
        using (var r = await SubmitAsync(client, id))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        Assert.Equal(CaseStudyStatus.Submitted, (await CaseStudyAsync(app, id)).Status);
        var mine = await client.GetPageAsync("/ar/case-studies/submissions");
        Assert.Equal(2, mine.QuerySelectorAll($"#submission-{id} .history li").Length);
    }

    private static string Token(AngleSharp.Dom.IDocument page)
        => page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
}
