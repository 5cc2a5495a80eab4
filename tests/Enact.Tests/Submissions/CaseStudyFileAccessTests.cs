using System.Net;
using Enact.Core.Accounts;
using Enact.Core.Review;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Submissions.SubmissionSteps;

namespace Enact.Tests.Submissions;

/// <summary>
/// A case study's files have one address, <c>/case-studies/files/{id}</c>, and one rule: the people who may see the case
/// study (owner, co-authors, focal points of its country, editors and administrators, assigned reviewers), and everyone
/// once it is published. The reviewers' former address redirects there.
/// </summary>
public sealed class CaseStudyFileAccessTests
{
    [Fact]
    public async Task Each_kind_of_person_gets_a_submitted_case_study_s_file_or_is_refused()
    {
        await using var app = await StartAppAsync();
        using var owner = app.CreateTestClient();
        await owner.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(owner, await CreateCallAsync(app), country: "LB");
        var coAuthorEmail = $"co-author-{Guid.NewGuid():N}@test.example";
        await SaveOkAsync(owner, id, "consent", ("Input.CoAuthorEmail", coAuthorEmail), ("Nav", "invite"));
        var path = await UploadedFileAsync(app, owner, id);
        await MoveAsync(app, id, (Core.CaseStudies.CaseStudyStatus.Submitted, null), (Core.CaseStudies.CaseStudyStatus.Screening, null));

        using var coAuthor = app.CreateTestClient();
        var coAuthorAccount = await TestClient.CreateAccountAsync(app, Roles.Contributor, email: coAuthorEmail);
        await coAuthor.SignInAsync(coAuthorAccount.Email, coAuthorAccount.Password);
        using var focalPoint = app.CreateTestClient();
        await focalPoint.SignInAsAsync(Roles.FocalPoint, "LB");
        using var editor = app.CreateTestClient();
        await editor.SignInAsAsync(Roles.Editor);
        using var administrator = app.CreateTestClient();
        await administrator.SignInAsAsync(Roles.Administrator);
        using var assignedReviewer = app.CreateTestClient();
        var assigned = await assignedReviewer.SignInAsAsync(Roles.Reviewer);
        await AssignAsync(app, id, assigned.Id);
        foreach (var (who, client) in new[]
                 {
                     ("owner", owner), ("co-author", coAuthor), ("focal point of Lebanon", focalPoint), ("editor", editor),
                     ("administrator", administrator), ("assigned reviewer", assignedReviewer),
                 })
        {
            using var allowed = await client.GetAsync(path);
            Assert.True(allowed.StatusCode == HttpStatusCode.OK, $"{who}: {(int)allowed.StatusCode}");
            Assert.Equal(SampleFiles.Pdf(), await allowed.Content.ReadAsByteArrayAsync());
        }

        using var otherReviewer = app.CreateTestClient();
        await otherReviewer.SignInAsAsync(Roles.Reviewer);
        using var stranger = app.CreateTestClient();
        await stranger.SignInAsAsync(Roles.Contributor);
        using var otherFocalPoint = app.CreateTestClient();
        await otherFocalPoint.SignInAsAsync(Roles.FocalPoint, "TN");
        using var anonymous = app.CreateTestClient();
        Assert.Equal(HttpStatusCode.NotFound, (await otherReviewer.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherFocalPoint.GetAsync(path)).StatusCode);
        using (var r = await anonymous.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Contains("/account/sign-in", r.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // A withdrawn reviewer loses the file with the assignment.
        await app.WithDbAsync(async db =>
        {
            (await db.ReviewAssignments.SingleAsync(a => a.CaseStudyId == id && a.ReviewerId == assigned.Id)).WithdrawnAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await assignedReviewer.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Editors_get_a_draft_s_file_as_they_see_its_preview_and_everyone_gets_a_published_one()
    {
        await using var app = await StartAppAsync();
        using var owner = app.CreateTestClient();
        await owner.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(owner, await CreateCallAsync(app));
        var path = await UploadedFileAsync(app, owner, id);

        using var editor = app.CreateTestClient();
        await editor.SignInAsAsync(Roles.Editor);
        var preview = await editor.GetPageAsync($"/ar/case-studies/submissions/{id}/preview");
        Assert.NotNull(preview.QuerySelector($"a[href='{path}']"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(path)).StatusCode);

        using var anonymous = app.CreateTestClient();
        using var stranger = app.CreateTestClient();
        await stranger.SignInAsAsync(Roles.Contributor);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
        await MoveAsync(app, id, (Core.CaseStudies.CaseStudyStatus.Submitted, null));
        await PublishAsync(app, id);
        foreach (var client in new[] { anonymous, stranger })
        {
            using var published = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            Assert.Equal(SampleFiles.Pdf(), await published.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task The_reviewers_former_address_redirects_to_the_one_address_where_the_rule_applies()
    {
        await using var app = await StartAppAsync();
        using var owner = app.CreateTestClient();
        await owner.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(owner, await CreateCallAsync(app));
        var path = await UploadedFileAsync(app, owner, id);
        var attachmentId = path.Split('/')[^1];

        using var anonymous = app.CreateTestClient();
        foreach (var culture in new[] { "ar", "en" })
        {
            using var old = await anonymous.GetAsync($"/{culture}/review/attachments/{attachmentId}");
            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            Assert.Equal(path, old.Headers.Location!.OriginalString);
        }
        // Following it, the rule still decides: a draft's file is not for an anonymous visitor.
        using (var r = await anonymous.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
    }

    private static async Task<string> UploadedFileAsync(EnactFactory app, TestClient owner, string id)
    {
        using (var r = await UploadAsync(owner, id, "report.pdf", SampleFiles.Pdf()))
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        var attachment = await app.WithDbAsync(db => db.CaseStudyAttachments.SingleAsync(a => a.CaseStudyId == id));
        return $"/case-studies/files/{attachment.Id:D}";
    }

    private static Task<int> AssignAsync(EnactFactory app, string id, Guid reviewerId)
        => app.WithDbAsync(db =>
        {
            db.ReviewAssignments.Add(new ReviewAssignment { Id = Guid.NewGuid(), CaseStudyId = id, ReviewerId = reviewerId, AssignedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
}
