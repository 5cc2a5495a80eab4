using System.Net;
using Enact.Core.Accounts;
using Enact.Core.CaseStudies;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Submissions.SubmissionSteps;

namespace Enact.Tests.Submissions;

/// <summary>"Propose an update" of a published case study: a revision copies everything and goes through review while the published text stays online.</summary>
public sealed class RevisionTests
{
    [Fact]
    public async Task Proposing_an_update_copies_the_case_study_into_a_draft_revision_and_the_published_text_stays_public()
    {
        await using var app = await StartAppAsync();
        using var owner = app.CreateTestClient();
        await owner.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(owner, await CreateCallAsync(app));
        await FillCompleteArabicAsync(owner, id);
        using (var r = await UploadAsync(owner, id, "report.pdf", SampleFiles.Pdf()))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        await SaveOkAsync(owner, id, "consent", ("Input.CoAuthorEmail", "colleague@test.example"), ("Nav", "invite"));
        using (var r = await SubmitAsync(owner, id))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        await PublishAsync(app, id);

        using var response = await owner.SubmitFormAsync("/ar/case-studies/submissions", [], $"#submission-{id} form[action$='handler=revise']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var revisionId = location.Split('/')[^2];
        Assert.Equal($"/ar/case-studies/submissions/{revisionId}/organisation", location);
        Assert.Matches("^[a-z0-9-]{3,100}$", revisionId);

        var published = await CaseStudyAsync(app, id);
        var revision = await CaseStudyAsync(app, revisionId);
        Assert.Equal(id, revision.RevisionOfId);
        Assert.Equal(CaseStudyStatus.Draft, revision.Status);
        Assert.Equal(published.OwnerId, revision.OwnerId);
        Assert.Equal(published.TitleAr, revision.TitleAr);
        Assert.Equal(published.ResultsAr, revision.ResultsAr);
        Assert.Equal(published.ContactEmail, revision.ContactEmail);
        Assert.Equal(published.YearLaunched, revision.YearLaunched);
        Assert.Equal(published.Terms.Select(t => t.TermId).Order(), revision.Terms.Select(t => t.TermId).Order());
        var files = await app.WithDbAsync(db => db.CaseStudyAttachments.Where(a => a.CaseStudyId == id || a.CaseStudyId == revisionId).Select(a => new { a.CaseStudyId, a.FileId }).ToListAsync());
        Assert.Equal(2, files.Count);
        Assert.Single(files.Select(f => f.FileId).Distinct());
        Assert.True(await app.WithDbAsync(db => db.CaseStudyCoAuthors.AnyAsync(a => a.CaseStudyId == revisionId && a.Email == "colleague@test.example")));

        // The revision is edited like a draft; the public page keeps the published text.
        await SaveOkAsync(owner, revisionId, "summary", ("Input.TitleAr", "منصة التراخيص الرقمية: الإصدار الثاني"));
        using var visitor = app.CreateTestClient();
        var page = await visitor.GetPageAsync($"/ar/case-studies/{id}");
        Assert.Contains("منصة التراخيص الرقمية", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("الإصدار الثاني", page.Body!.TextContent, StringComparison.Ordinal);
        await visitor.GetPageAsync($"/ar/case-studies/{revisionId}", HttpStatusCode.NotFound);
        Assert.Equal(CaseStudyStatus.Published, (await CaseStudyAsync(app, id)).Status);

        // Only one open revision at a time: proposing again opens the same one.
        var mine = await owner.GetPageAsync("/ar/case-studies/submissions");
        Assert.Null(mine.QuerySelector($"#submission-{id} form[action$='handler=revise']"));
        Assert.NotNull(mine.QuerySelector($"#submission-{revisionId}"));
        using var again = await owner.Http.PostAsync("/ar/case-studies/submissions?handler=revise",
            new FormUrlEncodedContent([new("Id", id), new("__RequestVerificationToken", mine.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!)]));
        Assert.Equal($"/ar/case-studies/submissions/{revisionId}/organisation", again.Headers.Location!.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseStudies.CountAsync(c => c.RevisionOfId == id)));

        // The revision is submitted like any draft (no call deadline applies).
        using (var r = await SubmitAsync(owner, revisionId))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        Assert.Equal(CaseStudyStatus.Submitted, (await CaseStudyAsync(app, revisionId)).Status);

        // A stranger cannot propose an update.
        using var stranger = app.CreateTestClient();
        await stranger.SignInAsAsync(Roles.Contributor);
        var theirs = await stranger.GetPageAsync("/ar/case-studies/submissions");
        using var refused = await stranger.Http.PostAsync("/ar/case-studies/submissions?handler=revise",
            new FormUrlEncodedContent([new("Id", id), new("__RequestVerificationToken", theirs.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!)]));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseStudies.CountAsync(c => c.RevisionOfId == id)));
    }
}
