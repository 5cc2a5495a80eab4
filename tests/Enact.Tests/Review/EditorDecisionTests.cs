using System.Net;
using Enact.Core.Accounts;
using Enact.Core.CaseStudies;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Infrastructure.TestClient;
using static Enact.Tests.Review.ReviewSteps;

namespace Enact.Tests.Review;

/// <summary>Editors take submissions through screening, review and decisions; owners and co-authors are told in their language.</summary>
public sealed class EditorDecisionTests
{
    private static readonly string[] FlowAudit =
        ["case-study.screening", "review.assigned", "case-study.in-review", "case-study.changes-requested", "case-study.accepted", "case-study.published"];

    [Fact]
    public async Task Editor_screens_assigns_accepts_and_publishes_and_the_owner_and_co_author_are_told_each_step_in_their_language()
    {
        await using var app = await EnactFactory.StartAsync();
        var owner = await PersonAsync(app, "ar");
        var coAuthor = await PersonAsync(app, "en");
        var id = await SubmissionAsync(app, owner.Id, coAuthors: [coAuthor.Email]);
        var (editor, editorAccount) = await SignedInAsync(app, Roles.Editor);
        var reviewer = await PersonAsync(app, "en", Roles.Reviewer);

        // The queue lists it among the submitted, with counts.
        var queue = await editor.GetPageAsync("/en/review");
        Assert.Contains(queue.QuerySelectorAll("table.queue a"), a => a.GetAttribute("href") == $"/en/review/{id}");
        Assert.Equal("1", queue.QuerySelector("td[data-state='submitted']")!.TextContent.Trim());

        // The case page shows every field in both languages, the private contact, and the decisions allowed now.
        var page = await editor.GetPageAsync($"/en/review/{id}");
        Assert.Equal("submitted", page.QuerySelector("#current-state")!.GetAttribute("data-state"));
        Assert.Contains("منصة رقمية لتراخيص البناء", page.QuerySelector("dl[data-field='Title']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Digital building permits", page.QuerySelector("dl[data-field='Title']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("private.contact@test.example", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["action-screening"], page.QuerySelectorAll("form.decision").Select(f => f.Id!));

        await DecidedAsync(editor, id, "screening");
        Assert.Equal(CaseStudyStatus.Screening, await StatusAsync(app, id));
        AssertToldAbout(app, owner.Email, "قيد الفرز", $"/ar/case-studies/submissions/{id}");
        AssertToldAbout(app, coAuthor.Email, "Screening", $"/en/case-studies/submissions/{id}");

        // Assigning the first reviewer starts the review and tells the reviewer where to go.
        await AssignedAsync(editor, id, reviewer.Id);
        Assert.Equal(CaseStudyStatus.InReview, await StatusAsync(app, id));
        var assignmentId = await AssignmentIdAsync(app, id, reviewer.Id);
        var invitation = LastMailTo(app, reviewer.Email);
        Assert.Contains("Review request", invitation.Subject, StringComparison.Ordinal);
        Assert.Equal($"/en/review/assignments/{assignmentId}", LinkInMail(app, reviewer.Email, "/review/assignments/"));
        AssertToldAbout(app, owner.Email, "قيد المراجعة", $"/ar/case-studies/submissions/{id}");
        AssertToldAbout(app, coAuthor.Email, "In review", $"/en/case-studies/submissions/{id}");

        await DecidedAsync(editor, id, "changes-requested", "Add figures on results.");
        AssertToldAbout(app, owner.Email, "مطلوب إجراء تعديلات", $"/ar/case-studies/submissions/{id}", "Add figures on results.");
        AssertToldAbout(app, coAuthor.Email, "Changes requested", $"/en/case-studies/submissions/{id}", "Add figures on results.");

        // The owner answers (their own page does this through the workflow); the editor accepts, then publishes.
        await app.WithDbAsync(async db =>
        {
            var c = await db.CaseStudies.SingleAsync(x => x.Id == id);
            c.Status = CaseStudyStatus.InReview;
            return await db.SaveChangesAsync();
        });
        await DecidedAsync(editor, id, "accepted", "Clear results and a strong case.");
        AssertToldAbout(app, owner.Email, "مقبولة", $"/ar/case-studies/submissions/{id}", "Clear results and a strong case.");
        AssertToldAbout(app, coAuthor.Email, "Accepted", $"/en/case-studies/submissions/{id}", "Clear results and a strong case.");

        await DecidedAsync(editor, id, "published");
        var published = await CaseStudyAsync(app, id);
        Assert.Equal(CaseStudyStatus.Published, published.Status);
        Assert.NotNull(published.PublishedAt);
        AssertToldAbout(app, owner.Email, "منشورة", $"/ar/case-studies/submissions/{id}");
        AssertToldAbout(app, coAuthor.Email, "Published", $"/en/case-studies/submissions/{id}");

        var publications = await app.WithDbAsync(db => db.CaseStudyPublications.Where(p => p.CaseStudyId == id).ToListAsync());
        Assert.Equal(1, Assert.Single(publications).Number);

        // Every step is in the transition history and the audit trail, by the editor.
        var (transitions, audit) = await app.WithDbAsync(async db => (
            await db.CaseStudyTransitions.Where(t => t.CaseStudyId == id).OrderBy(t => t.Id).Select(t => t.To).ToListAsync(),
            await db.AuditEntries.Where(a => a.EntityType == "CaseStudy" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync()));
        Assert.Equal([CaseStudyStatus.Screening, CaseStudyStatus.InReview, CaseStudyStatus.ChangesRequested, CaseStudyStatus.Accepted, CaseStudyStatus.Published], transitions);
        Assert.Equal(FlowAudit.Order(StringComparer.Ordinal), audit.Select(a => a.Action).Order(StringComparer.Ordinal));
        Assert.All(audit, a => Assert.Equal(editorAccount.Id, a.ActorId));
        Assert.Contains(audit, a => a.Action == "case-study.accepted" && a.After!.Contains("Clear results and a strong case.", StringComparison.Ordinal));

        // Published: the page offers archiving only; the history is listed.
        page = await editor.GetPageAsync($"/en/review/{id}");
        Assert.Equal(["action-archived"], page.QuerySelectorAll("form.decision").Select(f => f.Id!));
        Assert.Equal(5, page.QuerySelectorAll("table.history tbody tr").Length);
    }

    [Fact]
    public async Task Editor_rejects_in_screening_and_archives_then_republishes_a_published_one_with_reasons()
    {
        await using var app = await EnactFactory.StartAsync();
        var owner = await PersonAsync(app, "en");
        var (editor, _) = await SignedInAsync(app, Roles.Editor, "ar");

        var rejected = await SubmissionAsync(app, owner.Id, CaseStudyStatus.Screening);
        await DecidedAsync(editor, rejected, "rejected", "خارج نطاق المكتبة.");
        Assert.Equal(CaseStudyStatus.Rejected, await StatusAsync(app, rejected));
        AssertToldAbout(app, owner.Email, "Rejected", $"/en/case-studies/submissions/{rejected}", "خارج نطاق المكتبة.");
        var page = await editor.GetPageAsync($"/ar/review/{rejected}");
        Assert.Empty(page.QuerySelectorAll("form.decision"));

        var screened = await SubmissionAsync(app, owner.Id, CaseStudyStatus.Screening);
        await DecidedAsync(editor, screened, "changes-requested", "أكملوا النص الإنجليزي.");
        Assert.Equal(CaseStudyStatus.ChangesRequested, await StatusAsync(app, screened));

        var published = await SubmissionAsync(app, owner.Id, CaseStudyStatus.Accepted);
        await DecidedAsync(editor, published, "published");
        await DecidedAsync(editor, published, "archived", "The initiative ended.");
        Assert.Equal(CaseStudyStatus.Archived, await StatusAsync(app, published));
        AssertToldAbout(app, owner.Email, "Archived", $"/en/case-studies/submissions/{published}", "The initiative ended.");

        // Bringing it back publishes it again without counting a new publication.
        await DecidedAsync(editor, published, "published");
        Assert.Equal(CaseStudyStatus.Published, await StatusAsync(app, published));
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseStudyPublications.CountAsync(p => p.CaseStudyId == published)));
    }

    [Fact]
    public async Task Moves_the_workflow_does_not_allow_or_without_a_reason_are_refused_and_change_nothing()
    {
        await using var app = await EnactFactory.StartAsync();
        var owner = await PersonAsync(app, "en");
        var (editor, _) = await SignedInAsync(app, Roles.Editor);
        var reviewer = await CreateAccountAsync(app, Roles.Reviewer);
        var id = await SubmissionAsync(app, owner.Id);

        // Forms for moves not offered in this state, posted anyway (a stale page): publish, accept, reject from Submitted.
        var page = await editor.GetPageAsync($"/en/review/{id}");
        var version = page.QuerySelector("form#action-screening input[name='Input.Version']")!.GetAttribute("value")!;
        foreach (var handler in new[] { "publish", "accept", "reject", "archive", "changes" })
        {
            using var response = await PostAsync(editor, page, $"/en/review/{id}?handler={handler}", ("Input.Version", version), ("Input.Reason", "Because."));
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{handler} from submitted: {(int)response.StatusCode}");
            Assert.Contains("not possible in the current state", Errors(await ParseAsync(response)), StringComparison.Ordinal);
        }
        // Reviewers cannot be assigned before screening.
        using (var response = await PostAsync(editor, page, $"/en/review/{id}?handler=assign", ("Input.Version", version), ("Input.ReviewerId", reviewer.Id.ToString())))
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        }
        Assert.Equal(CaseStudyStatus.Submitted, await StatusAsync(app, id));

        // A decision that needs a reason, without one: the form comes back with the error linked to its field.
        await DecidedAsync(editor, id, "screening");
        await AssignedAsync(editor, id, reviewer.Id);
        foreach (var decision in new[] { "changes-requested", "accepted", "rejected" })
        {
            using var response = await DecideAsync(editor, id, decision, "  ");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var shown = await ParseAsync(response);
            Assert.Contains("Give a reason for this decision.", Errors(shown), StringComparison.Ordinal);
            Assert.NotNull(shown.QuerySelector($".error-summary a[href='#reason-{decision}']"));
            Assert.Equal("true", shown.QuerySelector($"#reason-{decision}")!.GetAttribute("aria-invalid"));
        }
        // Not a reviewer, and already assigned.
        var contributor = await CreateAccountAsync(app, Roles.Contributor);
        using (var response = await AssignAsync(editor, id, contributor.Id))
        {
            Assert.Contains("Reviewer role", Errors(await ParseAsync(response)), StringComparison.Ordinal);
        }
        using (var response = await AssignAsync(editor, id, reviewer.Id))
        {
            Assert.Contains("already assigned", Errors(await ParseAsync(response)), StringComparison.Ordinal);
        }
        // The owner cannot review their own case study, even with the role.
        await app.WithDbAsync(async db =>
        {
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.Reviewer);
            db.UserRoles.Add(new() { UserId = owner.Id, RoleId = role.Id });
            return await db.SaveChangesAsync();
        });
        using (var response = await AssignAsync(editor, id, owner.Id))
        {
            Assert.Contains("owner of a case study cannot review it", Errors(await ParseAsync(response)), StringComparison.Ordinal);
        }

        Assert.Equal(CaseStudyStatus.InReview, await StatusAsync(app, id));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["case-study.in-review", "case-study.screening", "review.assigned"], audit.Order(StringComparer.Ordinal));

        // Drafts belong to their owners: editors do not see them.
        var draft = await SubmissionAsync(app, owner.Id, CaseStudyStatus.Draft);
        await editor.GetPageAsync($"/en/review/{draft}", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Contributor)]
    [InlineData(Roles.FocalPoint)]
    [InlineData(Roles.Reviewer)]
    public async Task People_who_are_not_editors_cannot_open_the_queue_or_decide(string role)
    {
        await using var app = await EnactFactory.StartAsync();
        var id = await SubmissionAsync(app, null);
        var (editor, _) = await SignedInAsync(app, Roles.Editor);
        var page = await editor.GetPageAsync($"/en/review/{id}");
        var version = page.QuerySelector("form#action-screening input[name='Input.Version']")!.GetAttribute("value")!;

        var (someone, _) = await SignedInAsync(app, role, "en", role == Roles.FocalPoint ? ["LB"] : []);
        await someone.GetPageAsync("/en/review", HttpStatusCode.Forbidden);
        await someone.GetPageAsync($"/en/review/{id}", HttpStatusCode.Forbidden);
        // Even with the editor's form (and its antiforgery token, which is bound to the editor anyway).
        using var response = await PostAsync(someone, page, $"/en/review/{id}?handler=screen", ("Input.Version", version));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{role}: {(int)response.StatusCode}");
        Assert.Equal(CaseStudyStatus.Submitted, await StatusAsync(app, id));

        // Anonymous people are sent to sign in.
        using var anonymous = app.CreateTestClient("en");
        using var anon = await anonymous.GetAsync($"/en/review/{id}");
        Assert.Equal(HttpStatusCode.Redirect, anon.StatusCode);
    }

    [Fact]
    public async Task Two_editors_deciding_at_once_the_second_sees_a_conflict_and_the_first_decision_stands()
    {
        await using var app = await EnactFactory.StartAsync();
        var owner = await PersonAsync(app, "en");
        var id = await SubmissionAsync(app, owner.Id, CaseStudyStatus.InReview);
        var (first, _) = await SignedInAsync(app, Roles.Editor);
        var (second, _) = await SignedInAsync(app, Roles.Editor);

        var firstPage = await first.GetPageAsync($"/en/review/{id}");
        var secondPage = await second.GetPageAsync($"/en/review/{id}");
        using (var accepted = await DecideAsync(first, firstPage, "accepted", "Strong results."))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }
        using var rejected = await DecideAsync(second, secondPage, "rejected", "Out of scope.");
        Assert.Equal(HttpStatusCode.Conflict, rejected.StatusCode);
        var shown = await ParseAsync(rejected);
        Assert.Contains("Someone else changed this case study", Errors(shown), StringComparison.Ordinal);
        // The page now shows the current state, and what the second editor typed is still there.
        Assert.Equal("accepted", shown.QuerySelector("#current-state")!.GetAttribute("data-state"));
        Assert.Equal(CaseStudyStatus.Accepted, await StatusAsync(app, id));
        Assert.Single(MailTo(app, owner.Email));

        // Same version posted twice by the same editor (a double click): the second is a conflict too.
        var page = await first.GetPageAsync($"/en/review/{id}");
        using (var once = await DecideAsync(first, page, "published"))
        {
            Assert.Equal(HttpStatusCode.Redirect, once.StatusCode);
        }
        using var twice = await DecideAsync(first, page, "published");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseStudyPublications.CountAsync(p => p.CaseStudyId == id)));
    }

    [Fact]
    public async Task The_queue_filters_by_state_call_and_country_with_counts()
    {
        await using var app = await EnactFactory.StartAsync();
        var callId = await app.WithDbAsync(async db =>
        {
            var call = new Enact.Core.Calls.SubmissionCall { TitleAr = "دعوة ٢٠٢٦", TitleEn = "Call 2026", TimeZone = "Asia/Beirut", OpensAt = DateTime.UtcNow.AddDays(-10), ClosesAt = DateTime.UtcNow.AddDays(10) };
            db.SubmissionCalls.Add(call);
            await db.SaveChangesAsync();
            return call.Id;
        });
        var lebanon = await SubmissionAsync(app, null, CaseStudyStatus.Submitted, country: "LB");
        var jordan = await SubmissionAsync(app, null, CaseStudyStatus.InReview, country: "JO");
        var inCall = await SubmissionAsync(app, null, CaseStudyStatus.Screening, country: "JO");
        await app.WithDbAsync(async db => { (await db.CaseStudies.SingleAsync(c => c.Id == inCall)).CallId = callId; return await db.SaveChangesAsync(); });
        var published = await SubmissionAsync(app, null, CaseStudyStatus.Published);
        var draft = await SubmissionAsync(app, null, CaseStudyStatus.Draft);
        var (editor, _) = await SignedInAsync(app, Roles.Editor);

        static List<string> Listed(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("table.queue tbody a").Select(a => a.GetAttribute("href")!.Split('/')[^1]).Order(StringComparer.Ordinal).ToList();

        var all = await editor.GetPageAsync("/en/review");
        Assert.Equal(new[] { lebanon, jordan, inCall }.Order(StringComparer.Ordinal), Listed(all));
        Assert.DoesNotContain(draft, all.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("1", all.QuerySelector("td[data-state='published']")!.TextContent.Trim());

        Assert.Equal([published], Listed(await editor.GetPageAsync("/en/review?state=published")));
        Assert.Equal(new[] { jordan, inCall }.Order(StringComparer.Ordinal), Listed(await editor.GetPageAsync("/en/review?country=JO")));
        var byCall = await editor.GetPageAsync($"/en/review?call={callId}");
        Assert.Equal([inCall], Listed(byCall));
        Assert.Equal("0", byCall.QuerySelector("td[data-state='submitted']")!.TextContent.Trim());
        Assert.Equal([jordan], Listed(await editor.GetPageAsync("/en/review?state=in-review&country=JO")));
    }

    /// <summary>Some message to the address is about <paramref name="state"/> (subject and body), links to <paramref name="link"/> and carries the reason.</summary>
    private static void AssertToldAbout(EnactFactory app, string address, string state, string link, string? reason = null)
    {
        var messages = MailTo(app, address).Where(m => (m.Subject ?? "").Contains(state, StringComparison.Ordinal)).ToList();
        Assert.True(messages.Count == 1, $"Expected one mail about '{state}' to {address}; subjects: {string.Join(" | ", MailTo(app, address).Select(m => m.Subject))}");
        var m = messages[0];
        Assert.Contains(state, m.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("http://localhost" + link, m.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains(link, m.HtmlBody ?? "", StringComparison.Ordinal);
        if (reason is not null)
        {
            Assert.Contains(reason, m.TextBody ?? "", StringComparison.Ordinal);
        }
        var arabic = link.StartsWith("/ar/", StringComparison.Ordinal);
        Assert.Contains(arabic ? "lang=\"ar\" dir=\"rtl\"" : "lang=\"en\" dir=\"ltr\"", m.HtmlBody ?? "", StringComparison.Ordinal);
    }

    /// <summary>Posts fields to an address with the antiforgery token of a page the client loaded.</summary>
    private static async Task<HttpResponseMessage> PostAsync(TestClient client, AngleSharp.Dom.IDocument page, string path, params (string Key, string? Value)[] fields)
    {
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "";
        var values = fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)).Append(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(values);
        return await client.Http.PostAsync(path, content);
    }
}
