using System.Net;
using System.Reflection;
using Enact.Core.Accounts;
using Enact.Core.CaseStudies;
using Enact.Core.Reference;
using Enact.Core.Review;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.CaseStudies.CaseStudyData;
using static Enact.Tests.Infrastructure.TestClient;
using static Enact.Tests.Review.ReviewSteps;

namespace Enact.Tests.Review;

/// <summary>Publishing makes a case study public and searchable; publishing a revision replaces the published text only then.</summary>
public sealed class PublicationTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_published_case_study_is_searchable_and_its_page_shows_the_publication_date(Provider provider)
    {
        await using var app = await EnactFactory.StartAsync(provider);
        var owner = await PersonAsync(app, "ar");
        var (editor, _) = await SignedInAsync(app, Roles.Editor);
        var id = await SubmissionAsync(app, owner.Id, titleAr: "بوابة الخدمات البلدية الموحدة", titleEn: "Unified municipal services portal");
        await AddTermsAsync(app, id, (Taxonomies.Technology, "cloud"));
        using var api = app.CreateClient();

        await TakeToAcceptedAsync(app, editor, id);
        await GetJsonAsync(api, $"/api/v1/case-studies/{id}", HttpStatusCode.NotFound);
        await editor.GetPageAsync($"/en/case-studies/{id}", HttpStatusCode.NotFound);

        await DecidedAsync(editor, id, "published");
        var one = await GetJsonAsync(api, $"/api/v1/case-studies/{id}");
        Assert.Equal("Unified municipal services portal", one.GetProperty("title").GetProperty("en").GetString());
        var found = await WaitForAsync(api, "/api/v1/case-studies?q=" + Uri.EscapeDataString("البلدية") + "&technology=cloud", r => Ids(r).Contains(id));
        Assert.Equal([id], Ids(found));

        var page = await editor.GetPageAsync($"/en/case-studies/{id}");
        var dates = page.QuerySelector(".publication-dates")!;
        Assert.Single(dates.QuerySelectorAll("time"));
        Assert.DoesNotContain("updated", dates.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_revision_keeps_the_published_text_online_until_it_is_published_then_replaces_it_with_two_publication_dates(Provider provider)
    {
        await using var app = await EnactFactory.StartAsync(provider);
        var owner = await PersonAsync(app, "en");
        var (editor, _) = await SignedInAsync(app, Roles.Editor, "en");
        using var api = app.CreateClient();

        // The original, published through the desk, with a technology and an attachment.
        var original = await SubmissionAsync(app, owner.Id, CaseStudyStatus.Accepted, titleAr: "التراخيص الرقمية", titleEn: "Digital permits first edition");
        await AddTermsAsync(app, original, (Taxonomies.Technology, "blockchain"));
        await AttachAsync(app, original, "old-report.pdf");
        await DecidedAsync(editor, original, "published");
        await WaitForAsync(api, "/api/v1/case-studies?q=edition&lang=en", r => Ids(r).Contains(original));

        // The owner's revision: another row pointing at the original, with new text, terms and attachment.
        var revision = await SubmissionAsync(app, owner.Id, revisionOf: original, titleAr: "التراخيص الرقمية المحدثة", titleEn: "Digital permits renewed platform");
        await AddTermsAsync(app, revision, (Taxonomies.Technology, "cloud"), (Taxonomies.Beneficiary, "women"));
        await AttachAsync(app, revision, "new-report.pdf");
        await app.WithDbAsync(async db =>
        {
            var r = await db.CaseStudies.SingleAsync(c => c.Id == revision);
            r.ResultsEn = "Processing time fell by 80% after the renewal.";
            return await db.SaveChangesAsync();
        });

        // Through review the published text stays as it was, and the revision appears nowhere public.
        await DecidedAsync(editor, revision, "screening");
        var reviewer = await CreateAccountAsync(app, Roles.Reviewer);
        await AssignedAsync(editor, revision, reviewer.Id);
        await DecidedAsync(editor, revision, "accepted", "The update is sound.");
        var queue = await editor.GetPageAsync("/en/review?state=accepted");
        Assert.Contains("revision", queue.QuerySelector("table.queue")!.TextContent, StringComparison.Ordinal);
        var revisionPage = await editor.GetPageAsync($"/en/review/{revision}");
        Assert.Equal("Publish the revision (replaces the published text)", revisionPage.QuerySelector("form#action-published button")!.TextContent.Trim());

        var before = await GetJsonAsync(api, $"/api/v1/case-studies/{original}");
        Assert.Equal("Digital permits first edition", before.GetProperty("title").GetProperty("en").GetString());
        await GetJsonAsync(api, $"/api/v1/case-studies/{revision}", HttpStatusCode.NotFound);
        await editor.GetPageAsync($"/en/case-studies/{revision}", HttpStatusCode.NotFound);
        Assert.Equal(0, Total(await GetJsonAsync(api, "/api/v1/case-studies?q=renewed&lang=en")));
        var publicPage = await editor.GetPageAsync($"/en/case-studies/{original}");
        Assert.Contains("Digital permits first edition", publicPage.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var originalBefore = await CaseStudyAsync(app, original);
        await DecidedAsync(editor, revision, "published");

        // The original now carries the revision's text, terms and attachments, still published, with a second publication.
        var merged = await CaseStudyAsync(app, original);
        Assert.Equal(CaseStudyStatus.Published, merged.Status);
        Assert.Equal("Digital permits renewed platform", merged.TitleEn);
        Assert.Equal("التراخيص الرقمية المحدثة", merged.TitleAr);
        Assert.Equal("Processing time fell by 80% after the renewal.", merged.ResultsEn);
        Assert.Equal(originalBefore.PublishedAt, merged.PublishedAt);
        Assert.True(merged.UpdatedAt > originalBefore.UpdatedAt);
        Assert.Equal(owner.Id, merged.OwnerId);
        var (terms, attachments, publications) = await app.WithDbAsync(async db => (
            await db.CaseStudyTerms.Where(t => t.CaseStudyId == original).Select(t => t.Term!.Code).OrderBy(c => c).ToListAsync(),
            await db.CaseStudyAttachments.Where(a => a.CaseStudyId == original).Select(a => a.FileName).ToListAsync(),
            await db.CaseStudyPublications.Where(p => p.CaseStudyId == original).OrderBy(p => p.Number).ToListAsync()));
        Assert.Equal(["cloud", "women"], terms);
        Assert.Equal(["new-report.pdf"], attachments);
        Assert.Equal([1, 2], publications.Select(p => p.Number));
        Assert.Null(publications[0].RevisionId);
        Assert.Equal(revision, publications[1].RevisionId);

        var mergedRevision = await CaseStudyAsync(app, revision);
        Assert.Equal(CaseStudyStatus.Archived, mergedRevision.Status);
        Assert.NotNull(mergedRevision.MergedAt);
        Assert.Contains(MailTo(app, owner.Email), m => m.Subject!.Contains("Published", StringComparison.Ordinal)
            && m.TextBody!.Contains($"/en/case-studies/submissions/{revision}", StringComparison.Ordinal));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == original || a.EntityId == revision).Select(a => a.Action).ToListAsync());
        Assert.Contains("case-study.revision-merged", audit);
        Assert.Equal(2, audit.Count(a => a == "case-study.published"));

        // Public: the new text, found by the index under the original's id only, and two publication dates.
        var after = await GetJsonAsync(api, $"/api/v1/case-studies/{original}");
        Assert.Equal("Digital permits renewed platform", after.GetProperty("title").GetProperty("en").GetString());
        var found = await WaitForAsync(api, "/api/v1/case-studies?q=renewed&lang=en", r => Total(r) == 1);
        Assert.Equal([original], Ids(found));
        Assert.Equal(0, Total(await GetJsonAsync(api, "/api/v1/case-studies?q=edition&lang=en")));
        Assert.Equal(1, Total(await GetJsonAsync(api, "/api/v1/case-studies")));
        await GetJsonAsync(api, $"/api/v1/case-studies/{revision}", HttpStatusCode.NotFound);

        publicPage = await editor.GetPageAsync($"/en/case-studies/{original}");
        Assert.Contains("Digital permits renewed platform", publicPage.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var dates = publicPage.QuerySelector(".publication-dates")!;
        Assert.Equal(2, dates.QuerySelectorAll("time").Length);
        Assert.Contains("updated", dates.TextContent, StringComparison.Ordinal);
        var arabic = await editor.GetPageAsync($"/ar/case-studies/{original}");
        Assert.Contains("حُدِّثت في", arabic.QuerySelector(".publication-dates")!.TextContent, StringComparison.Ordinal);

        // The revision cannot be published twice.
        Assert.Empty((await editor.GetPageAsync($"/en/review/{revision}")).QuerySelectorAll("form#action-published"));
    }

    [Fact]
    public async Task An_imported_case_study_shows_its_date_and_keeps_it_as_the_first_publication_when_a_revision_is_published()
    {
        await using var app = await EnactFactory.StartAsync();
        var record = Record("lb-imported-permits");
        record.PublishedAt = new DateTimeOffset(2024, 3, 3, 9, 0, 0, TimeSpan.Zero);
        await ImportAsync(app, record);
        var (editor, _) = await SignedInAsync(app, Roles.Editor);

        var page = await editor.GetPageAsync("/en/case-studies/lb-imported-permits");
        Assert.Equal("2024-03-03", page.QuerySelector(".publication-dates time")!.GetAttribute("datetime"));
        Assert.Contains("3 March 2024", page.QuerySelector(".publication-dates")!.TextContent, StringComparison.Ordinal);

        var revision = await SubmissionAsync(app, null, CaseStudyStatus.Accepted, revisionOf: "lb-imported-permits", titleEn: "Imported and revised");
        await DecidedAsync(editor, revision, "published");
        var publications = await app.WithDbAsync(db => db.CaseStudyPublications.Where(p => p.CaseStudyId == "lb-imported-permits").OrderBy(p => p.Number).ToListAsync());
        Assert.Equal([1, 2], publications.Select(p => p.Number));
        Assert.Equal(new DateTime(2024, 3, 3, 9, 0, 0, DateTimeKind.Utc), publications[0].PublishedAt);
        page = await editor.GetPageAsync("/en/case-studies/lb-imported-permits");
        Assert.Contains("3 March 2024", page.QuerySelector(".publication-dates")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("updated", page.QuerySelector(".publication-dates")!.TextContent, StringComparison.Ordinal);

        // Exports never carry revisions.
        var (exit, _, _) = await RunAsync(app, "export", "case-studies", Path.Combine(app.DataDirectory, "out.json"));
        Assert.Equal(0, exit);
        Assert.DoesNotContain(revision, await File.ReadAllTextAsync(Path.Combine(app.DataDirectory, "out.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Publishing_a_revision_copies_every_content_property_of_a_case_study()
    {
        var revision = new CaseStudy { Id = "rev", CountryCode = "JO" };
        var original = new CaseStudy { Id = "orig", CountryCode = "LB" };
        var copied = typeof(CaseStudy).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => !RevisionMerge.NotCopied.Contains(p.Name))
            .ToList();
        foreach (var p in copied)
        {
            p.SetValue(revision, SampleFor(p.PropertyType, p.Name));
        }
        RevisionMerge.CopyFields(revision, original);
        foreach (var p in copied)
        {
            Assert.True(Equals(p.GetValue(revision), p.GetValue(original)), $"{p.Name} is not copied onto the original (or add it to RevisionMerge.NotCopied).");
        }
        Assert.Equal("orig", original.Id);
    }

    private static object SampleFor(Type type, string name)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return name == nameof(CaseStudy.CountryCode) ? "JO" : name == nameof(CaseStudy.OriginalLanguage) ? "en" : "sample " + name;
        }
        if (t == typeof(int))
        {
            return 2019;
        }
        if (t == typeof(DateTime))
        {
            return new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        }
        if (t.IsEnum)
        {
            return Enum.GetValues(t).GetValue(1)!;
        }
        throw new InvalidOperationException($"No sample for {name} ({type}); teach the test.");
    }
}
