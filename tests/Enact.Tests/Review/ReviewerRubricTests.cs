using System.Net;
using Enact.Core.Accounts;
using Enact.Core.CaseStudies;
using Enact.Core.Review;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Infrastructure.TestClient;
using static Enact.Tests.Review.ReviewSteps;

namespace Enact.Tests.Review;

/// <summary>Reviewers see only what is assigned to them and score it on the rubric; editors see every review.</summary>
public sealed class ReviewerRubricTests
{
    [Fact]
    public async Task A_reviewer_sees_only_their_assignments_and_is_refused_everything_else()
    {
        await using var app = await EnactFactory.StartAsync();
        var (editor, _) = await SignedInAsync(app, Roles.Editor);
        var (reviewer, me) = await SignedInAsync(app, Roles.Reviewer);
        var other = await CreateAccountAsync(app, Roles.Reviewer);
        var mine = await SubmissionAsync(app, null, CaseStudyStatus.Screening, titleEn: "Assigned to me");
        var theirs = await SubmissionAsync(app, null, CaseStudyStatus.Screening, titleEn: "Assigned to someone else");
        var attachment = await AttachAsync(app, mine);
        var otherAttachment = await AttachAsync(app, theirs);
        await AssignedAsync(editor, mine, me.Id);
        await AssignedAsync(editor, theirs, other.Id);
        var myAssignment = await AssignmentIdAsync(app, mine, me.Id);
        var theirAssignment = await AssignmentIdAsync(app, theirs, other.Id);

        var list = await reviewer.GetPageAsync("/en/review/assignments");
        Assert.Equal([$"/en/review/assignments/{myAssignment}"], list.QuerySelectorAll("table.my-assignments tbody a").Select(a => a.GetAttribute("href")!));
        Assert.DoesNotContain("Assigned to someone else", list.Body!.TextContent, StringComparison.Ordinal);

        // The assignment page shows the case study read-only, with attachments, without the private contact.
        var page = await reviewer.GetPageAsync($"/en/review/assignments/{myAssignment}");
        Assert.Contains("Assigned to me", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("منصة رقمية لتراخيص البناء", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("private.contact@test.example", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("form.decision"));
        Assert.NotNull(page.QuerySelector($"a[href='/case-studies/files/{attachment}']"));
        using (var download = await reviewer.GetAsync($"/case-studies/files/{attachment}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        }

        // Everything else: someone else's assignment (page and post), the editors' pages, another case study's file.
        await reviewer.GetPageAsync($"/en/review/assignments/{theirAssignment}", HttpStatusCode.Forbidden);
        using (var post = await ReviewAsync(reviewer, myAssignment, [1, 2, 3, 4, 5], "draft"))
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        }
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using (var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Novelty", "5"), new("Intent", "submit")]))
        using (var post = await reviewer.Http.PostAsync($"/en/review/assignments/{theirAssignment}", content))
        {
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        await reviewer.GetPageAsync("/en/review", HttpStatusCode.Forbidden);
        await reviewer.GetPageAsync($"/en/review/{mine}", HttpStatusCode.Forbidden);
        await reviewer.GetPageAsync($"/en/review/{theirs}", HttpStatusCode.Forbidden);
        await reviewer.GetPageAsync($"/case-studies/files/{otherAttachment}", HttpStatusCode.NotFound);
        await reviewer.GetPageAsync($"/en/review/assignments/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        Assert.Null(await app.WithDbAsync(db => db.ReviewAssignments.Where(a => a.Id == theirAssignment).Select(a => a.Novelty).SingleAsync()));

        // Contributors cannot open reviewers' pages at all.
        var (contributor, _) = await SignedInAsync(app, Roles.Contributor);
        await contributor.GetPageAsync("/en/review/assignments", HttpStatusCode.Forbidden);
        await contributor.GetPageAsync($"/en/review/assignments/{myAssignment}", HttpStatusCode.Forbidden);

        // Withdrawn: the case study leaves the reviewer's list and their pages.
        var editorPage = await editor.GetPageAsync($"/en/review/{mine}");
        using (var withdrawn = await editor.SubmitFormAsync(editorPage, [], $"form#withdraw-{myAssignment}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }
        list = await reviewer.GetPageAsync("/en/review/assignments");
        Assert.Empty(list.QuerySelectorAll("table.my-assignments tbody a"));
        await reviewer.GetPageAsync($"/en/review/assignments/{myAssignment}", HttpStatusCode.NotFound);
        await reviewer.GetPageAsync($"/case-studies/files/{attachment}", HttpStatusCode.NotFound);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == mine).Select(a => a.Action).ToListAsync()), a => a == "review.withdrawn");
    }

    [Fact]
    public async Task The_rubric_takes_scores_from_1_to_5_needs_all_five_to_submit_and_is_final_once_submitted()
    {
        await using var app = await EnactFactory.StartAsync();
        var (editor, _) = await SignedInAsync(app, Roles.Editor);
        var (reviewer, me) = await SignedInAsync(app, Roles.Reviewer, "ar");
        var id = await SubmissionAsync(app, null, CaseStudyStatus.Screening);
        await AssignedAsync(editor, id, me.Id);
        var assignment = await AssignmentIdAsync(app, id, me.Id);
        var path = $"/ar/review/assignments/{assignment}";

        // Five fieldsets with a legend and five labelled radios each.
        var form = await reviewer.GetPageAsync(path);
        var fieldsets = form.QuerySelectorAll("form#rubric-form fieldset");
        Assert.Equal(5, fieldsets.Length);
        Assert.All(fieldsets, f =>
        {
            Assert.NotNull(f.QuerySelector("legend"));
            var radios = f.QuerySelectorAll("input[type=radio]");
            Assert.Equal(["1", "2", "3", "4", "5"], radios.Select(r => r.GetAttribute("value")!));
            Assert.All(radios, r => Assert.NotNull(form.QuerySelector($"label[for='{r.Id}']")));
        });

        // Out of range: refused, nothing saved.
        foreach (var bad in new[] { 0, 6 })
        {
            using var response = await ReviewAsync(reviewer, assignment, [bad, 3, 3, 3, 3], "draft");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("من 1 إلى 5", Errors(await ParseAsync(response)), StringComparison.Ordinal);
        }
        Assert.Null(await app.WithDbAsync(db => db.ReviewAssignments.Where(a => a.Id == assignment).Select(a => a.Novelty).SingleAsync()));

        // A draft may be incomplete; submitting needs every score, each missing one named and linked.
        using (var draft = await ReviewAsync(reviewer, assignment, [4, null, 3, null, 5], "draft"))
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }
        var saved = await reviewer.GetPageAsync(path);
        Assert.Equal("4", saved.QuerySelector("input[name='Input.Novelty']:checked")!.GetAttribute("value"));
        Assert.Null(saved.QuerySelector("input[name='Input.Results']:checked"));
        using (var incomplete = await ReviewAsync(reviewer, assignment, [4, null, 3, null, 5]))
        {
            Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
            var shown = await ParseAsync(incomplete);
            Assert.Contains("النتائج", Errors(shown), StringComparison.Ordinal);
            Assert.Contains("الشمول", Errors(shown), StringComparison.Ordinal);
            Assert.NotNull(shown.QuerySelector(".error-summary a[href='#Input_Results']"));
            Assert.NotNull(shown.QuerySelector("#Input_Results"));
            // What was typed stays.
            Assert.Equal("4", shown.QuerySelector("input[name='Input.Novelty']:checked")!.GetAttribute("value"));
        }
        Assert.Null(await app.WithDbAsync(db => db.ReviewAssignments.Where(a => a.Id == assignment).Select(a => a.SubmittedAt).SingleAsync()));

        using (var submitted = await ReviewAsync(reviewer, assignment, [4, 2, 3, 5, 5], comment: "مبادرة واعدة."))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }
        var final = await reviewer.GetPageAsync(path);
        Assert.Null(final.QuerySelector("form#rubric-form"));
        Assert.Contains("لم يعد بالإمكان تعديلها", final.Body!.TextContent, StringComparison.Ordinal);
        var review = await app.WithDbAsync(db => db.ReviewAssignments.SingleAsync(a => a.Id == assignment));
        Assert.Equal([4, 2, 3, 5, 5], Rubric.Scores(review).Select(s => s!.Value));
        Assert.Equal(3.8, Rubric.Average(review));

        // Posting again (an old tab) changes nothing.
        using (var again = await reviewer.SubmitFormAsync(form, Many(("Intent", "submit"), ("Input.Novelty", "1"), ("Input.Results", "1"), ("Input.Replicability", "1"), ("Input.Inclusion", "1"), ("Input.Sustainability", "1")), "form#rubric-form"))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, again.StatusCode);
        }
        Assert.Equal(4, await app.WithDbAsync(db => db.ReviewAssignments.Where(a => a.Id == assignment).Select(a => a.Novelty).SingleAsync()));
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id).Select(a => a.Action).ToListAsync()), a => a == "review.submitted");

        // Editors see every submitted review with its scores and average.
        var editorPage = await editor.GetPageAsync($"/en/review/{id}");
        var shownReview = editorPage.QuerySelector($"#review-{assignment}")!;
        Assert.Equal("2", shownReview.QuerySelector("td[data-criterion='Results']")!.TextContent.Trim());
        Assert.Equal("3.8", shownReview.QuerySelector("td.average")!.TextContent.Trim());
        Assert.Contains("مبادرة واعدة.", shownReview.TextContent, StringComparison.Ordinal);
        Assert.Contains("About Novelty", shownReview.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_saved_from_two_windows_shows_a_conflict_to_the_older_one()
    {
        await using var app = await EnactFactory.StartAsync();
        var (editor, _) = await SignedInAsync(app, Roles.Editor);
        var (reviewer, me) = await SignedInAsync(app, Roles.Reviewer);
        var id = await SubmissionAsync(app, null, CaseStudyStatus.Screening);
        await AssignedAsync(editor, id, me.Id);
        var assignment = await AssignmentIdAsync(app, id, me.Id);
        var path = $"/en/review/assignments/{assignment}";

        var first = await reviewer.GetPageAsync(path);
        var second = await reviewer.GetPageAsync(path);
        using (var saved = await reviewer.SubmitFormAsync(first, Many(("Intent", "draft"), ("Input.Novelty", "5")), "form#rubric-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using var stale = await reviewer.SubmitFormAsync(second, Many(("Intent", "draft"), ("Input.Novelty", "1")), "form#rubric-form");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var shown = await ParseAsync(stale);
        Assert.Contains("saved from another window", Errors(shown), StringComparison.Ordinal);
        Assert.Equal("5", shown.QuerySelector("input[name='Input.Novelty']:checked")!.GetAttribute("value"));
    }
}
