using System.Net;
using Enact.Core.Accounts;
using Enact.Core.CaseStudies;
using Enact.Tests.Infrastructure;
using static Enact.Tests.Submissions.SubmissionSteps;

namespace Enact.Tests.Submissions;

/// <summary>Who may open, edit and submit a draft: owner, co-authors, focal points of its country; nobody else.</summary>
public sealed class SubmissionAccessTests
{
    [Fact]
    public async Task Strangers_and_anonymous_visitors_cannot_open_a_draft()
    {
        await using var app = await StartAppAsync();
        using var owner = app.CreateTestClient();
        await owner.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(owner, await CreateCallAsync(app));

        using var anonymous = app.CreateTestClient();
        using (var r = await anonymous.GetAsync(StepPath(anonymous, id, "summary")))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Contains("/ar/account/sign-in", r.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        using (var r = await anonymous.GetAsync("/ar/case-studies/submit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }

        using var stranger = app.CreateTestClient();
        await stranger.SignInAsAsync(Roles.Contributor);
        await stranger.GetPageAsync(StepPath(stranger, id, "summary"), HttpStatusCode.NotFound);
        await stranger.GetPageAsync($"/ar/case-studies/submissions/{id}/preview", HttpStatusCode.NotFound);
        var mine = await stranger.GetPageAsync("/ar/case-studies/submissions");
        Assert.Null(mine.QuerySelector($"#submission-{id}"));
    }

    [Fact]
    public async Task A_co_author_signed_in_with_the_invited_address_edits_and_submits_but_cannot_invite_and_the_owner_can_remove_them()
    {
        await using var app = await StartAppAsync();
        using var owner = app.CreateTestClient();
        await owner.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(owner, await CreateCallAsync(app));
        await FillCompleteArabicAsync(owner, id);
        var invitee = $"co-author-{Guid.NewGuid():N}@test.example";
        await SaveOkAsync(owner, id, "consent", ("Input.CoAuthorEmail", invitee.ToUpperInvariant()), ("Nav", "invite"));
        var link = TestClient.LinkInMail(app, invitee, $"/case-studies/submissions/{id}/");

        // The invitee registers with that address later, then follows the link.
        using var coAuthor = app.CreateTestClient();
        var account = await TestClient.CreateAccountAsync(app, Roles.Contributor, email: invitee);
        await coAuthor.SignInAsync(account.Email, account.Password);
        var page = await coAuthor.GetPageAsync(link);
        Assert.Null(page.QuerySelector("#Input_CoAuthorEmail"));
        await SaveOkAsync(coAuthor, id, "summary", ("Input.TitleEn", "Digital permits"), ("Input.SummaryEn", "Permits online."));
        Assert.Equal("Digital permits", (await CaseStudyAsync(app, id)).TitleEn);
        using (var invite = await SaveAsync(coAuthor, id, "consent", ("Input.CoAuthorEmail", "third@test.example"), ("Nav", "invite")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, invite.StatusCode);
        }
        var mine = await coAuthor.GetPageAsync("/ar/case-studies/submissions");
        Assert.NotNull(mine.QuerySelector($"#submission-{id}"));
        Assert.Null(mine.QuerySelector($"#submission-{id} form[action$='handler=withdraw']"));

        using (var submitted = await SubmitAsync(coAuthor, id))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }
        Assert.Equal(CaseStudyStatus.Submitted, (await CaseStudyAsync(app, id)).Status);

        // The owner removes the co-author (of a new draft, which the co-author then no longer sees).
        var second = await StartAsync(owner, await CreateCallAsync(app));
        await SaveOkAsync(owner, second, "consent", ("Input.CoAuthorEmail", invitee), ("Nav", "invite"));
        await coAuthor.GetPageAsync(StepPath(coAuthor, second, "consent"));
        await SaveOkAsync(owner, second, "consent", ("RemoveCoAuthor", invitee));
        await coAuthor.GetPageAsync(StepPath(coAuthor, second, "consent"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Focal_points_submit_only_for_their_countries_and_edit_the_drafts_of_their_countries()
    {
        await using var app = await StartAppAsync();
        var call = await CreateCallAsync(app);
        using var focal = app.CreateTestClient();
        await focal.SignInAsAsync(Roles.FocalPoint, "LB");

        // The country list holds only Lebanon, and another country is refused.
        var start = await focal.GetPageAsync($"/ar/case-studies/submit?call={call}");
        Assert.Equal(["", "LB"], start.QuerySelectorAll("#Country option").Select(o => o.GetAttribute("value")));
        using (var refused = await focal.SubmitFormAsync($"/ar/case-studies/submit?call={call}", TestClient.Many(("Country", "JO"), ("OriginalLanguage", "ar"))))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("المسندة إليك", Errors(await TestClient.ParseAsync(refused)), StringComparison.Ordinal);
        }
        var own = await StartAsync(focal, call, "LB");
        using (var moved = await SaveAsync(focal, own, "organisation", ("Input.Country", "JO")))
        {
            Assert.Contains("المسندة إليك", Errors(await TestClient.ParseAsync(moved)), StringComparison.Ordinal);
        }
        Assert.Equal("LB", (await CaseStudyAsync(app, own)).CountryCode);

        // Drafts others started: Lebanon's are theirs to see and edit; Jordan's are forbidden.
        using var contributor = app.CreateTestClient();
        await contributor.SignInAsAsync(Roles.Contributor);
        var lebanese = await StartAsync(contributor, call, "LB");
        var jordanian = await StartAsync(contributor, call, "JO");
        var mine = await focal.GetPageAsync("/ar/case-studies/submissions");
        Assert.NotNull(mine.QuerySelector($"#submission-{lebanese}"));
        Assert.Null(mine.QuerySelector($"#submission-{jordanian}"));
        await SaveOkAsync(focal, lebanese, "summary", ("Input.TitleAr", "عنوان أضافته جهة الاتصال"));
        Assert.Equal("عنوان أضافته جهة الاتصال", (await CaseStudyAsync(app, lebanese)).TitleAr);
        await focal.GetPageAsync(StepPath(focal, jordanian, "summary"), HttpStatusCode.Forbidden);
        await focal.GetPageAsync($"/ar/case-studies/submissions/{jordanian}/preview", HttpStatusCode.Forbidden);
    }
}
