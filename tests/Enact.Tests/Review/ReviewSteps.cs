using System.Net;
using AngleSharp.Dom;
using Enact.Core.Accounts;
using Enact.Core.CaseStudies;
using Enact.Core.Files;
using Enact.Core.Review;
using Enact.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Enact.Tests.Infrastructure.TestClient;

namespace Enact.Tests.Review;

/// <summary>Intent helpers for the review desk: submissions written straight to the database, people, decisions through the pages.</summary>
public static class ReviewSteps
{
    /// <summary>A contributor (the owner of submissions) who reads e-mail in <paramref name="language"/>.</summary>
    public static async Task<TestAccount> PersonAsync(EnactFactory app, string language, string role = Roles.Contributor)
    {
        var account = await CreateAccountAsync(app, role);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnactUser>>();
        var user = await users.FindByIdAsync(account.Id.ToString());
        user!.PreferredLanguage = language;
        user.DisplayName = language == "ar" ? "صاحبة الطلب" : "Submission owner";
        await users.UpdateAsync(user);
        return account;
    }

    /// <summary>A case study as the submission template leaves it, already in <paramref name="status"/> (Submitted by default).</summary>
    public static async Task<string> SubmissionAsync(
        EnactFactory app,
        Guid? ownerId,
        CaseStudyStatus status = CaseStudyStatus.Submitted,
        string? id = null,
        string titleAr = "منصة رقمية لتراخيص البناء",
        string titleEn = "Digital building permits",
        string? revisionOf = null,
        string country = "LB",
        params string[] coAuthors)
    {
        id ??= "sub-" + Guid.NewGuid().ToString("N")[..12];
        await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.CaseStudies.Add(new CaseStudy
            {
                Id = id,
                CountryCode = country,
                YearLaunched = 2022,
                LevelOfGovernment = LevelOfGovernment.National,
                OrganisationType = OrganisationType.Government,
                OriginalLanguage = "ar",
                TitleAr = titleAr,
                TitleEn = titleEn,
                SummaryAr = "تتيح الحكومة تقديم طلبات التراخيص عبر الإنترنت.",
                SummaryEn = "The government takes permit applications online.",
                OrganisationAr = "وزارة الأشغال العامة",
                OrganisationEn = "Ministry of Public Works",
                DescriptionAr = "قامت الوزارة بتطوير منصة إلكترونية.",
                DescriptionEn = "The ministry built an online platform.",
                ResultsAr = "انخفض زمن المعالجة بنسبة ٦٠٪.",
                ResultsEn = "Processing time fell by 60%.",
                ContactName = "Private Contact",
                ContactEmail = "private.contact@test.example",
                ConsentGivenAt = now,
                Status = status,
                SubmittedAt = now,
                CreatedAt = now,
                UpdatedAt = now,
                OwnerId = ownerId,
                RevisionOfId = revisionOf,
            });
            foreach (var email in coAuthors)
            {
                db.CaseStudyCoAuthors.Add(new CaseStudyCoAuthor { CaseStudyId = id, Email = email, NormalizedEmail = email.ToUpperInvariant(), InvitedAt = now });
            }
            return await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>Links taxonomy terms (by taxonomy and code) to a case study.</summary>
    public static Task AddTermsAsync(EnactFactory app, string id, params (string Taxonomy, string Code)[] terms)
        => app.WithDbAsync(async db =>
        {
            foreach (var (taxonomy, code) in terms)
            {
                var term = await db.TaxonomyTerms.SingleAsync(t => t.Taxonomy == taxonomy && t.Code == code);
                db.CaseStudyTerms.Add(new CaseStudyTerm { CaseStudyId = id, TermId = term.Id });
            }
            return await db.SaveChangesAsync();
        });

    /// <summary>Attaches a small PDF to a case study; answers the attachment's id.</summary>
    public static Task<Guid> AttachAsync(EnactFactory app, string id, string fileName = "report.pdf")
        => app.WithDbAsync(async db =>
        {
            var bytes = "%PDF-1.4\n% review test\n"u8.ToArray();
            var file = new StoredFile { Id = Guid.NewGuid(), ContentType = "application/pdf", Length = bytes.Length, Sha256 = new string('0', 64), Content = bytes, CreatedAt = DateTime.UtcNow };
            db.StoredFiles.Add(file);
            var attachment = new CaseStudyAttachment
            {
                Id = Guid.NewGuid(), CaseStudyId = id, FileId = file.Id, FileName = fileName, ContentType = "application/pdf", Length = bytes.Length, UploadedAt = DateTime.UtcNow,
            };
            db.CaseStudyAttachments.Add(attachment);
            await db.SaveChangesAsync();
            return attachment.Id;
        });

    /// <summary>A signed-in client (two-factor satisfied) in a role.</summary>
    public static async Task<(TestClient Client, TestAccount Account)> SignedInAsync(EnactFactory app, string role, string culture = "en", params string[] countries)
    {
        var client = app.CreateTestClient(culture);
        var account = await TestAuth.SignInDirectlyAsync(app, client, role, countries);
        return (client, account);
    }

    public static Task<CaseStudy> CaseStudyAsync(EnactFactory app, string id)
        => app.WithDbAsync(db => db.CaseStudies.AsNoTracking().Include(c => c.Terms).SingleAsync(c => c.Id == id));

    public static async Task<CaseStudyStatus> StatusAsync(EnactFactory app, string id) => (await CaseStudyAsync(app, id)).Status;

    /// <summary>Submits a decision form on the case page ("screening", "accepted"...), with a reason when given.</summary>
    public static Task<HttpResponseMessage> DecideAsync(TestClient client, string id, string decision, string? reason = null)
        => client.SubmitFormAsync($"/{client.Culture}/review/{id}", Many(("Input.Reason", reason)), $"form#action-{decision}");

    /// <summary>Same, with a page loaded earlier (a form that may have gone stale).</summary>
    public static Task<HttpResponseMessage> DecideAsync(TestClient client, IDocument page, string decision, string? reason = null)
        => client.SubmitFormAsync(page, Many(("Input.Reason", reason)), $"form#action-{decision}");

    public static async Task DecidedAsync(TestClient client, string id, string decision, string? reason = null)
    {
        using var response = await DecideAsync(client, id, decision, reason);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{decision} on {id}: {(int)response.StatusCode} {await Body(response)}");
    }

    public static Task<HttpResponseMessage> AssignAsync(TestClient client, string id, Guid reviewerId)
        => client.SubmitFormAsync($"/{client.Culture}/review/{id}", Many(("Input.ReviewerId", reviewerId.ToString())), "form#assign-form");

    public static async Task AssignedAsync(TestClient client, string id, Guid reviewerId)
    {
        using var response = await AssignAsync(client, id, reviewerId);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"assign on {id}: {(int)response.StatusCode} {await Body(response)}");
    }

    public static Task<Guid> AssignmentIdAsync(EnactFactory app, string id, Guid reviewerId)
        => app.WithDbAsync(db => db.ReviewAssignments.Where(a => a.CaseStudyId == id && a.ReviewerId == reviewerId).Select(a => a.Id).SingleAsync());

    /// <summary>The reviewer scores every criterion and submits (or saves a draft).</summary>
    public static Task<HttpResponseMessage> ReviewAsync(TestClient reviewer, Guid assignmentId, int?[] scores, string intent = "submit", string comment = "Solid and replicable.")
    {
        var fields = new List<(string, string?)> { ("Intent", intent), ("Input.Comment", comment) };
        for (var i = 0; i < Rubric.Criteria.Count; i++)
        {
            fields.Add(("Input." + Rubric.Criteria[i], scores[i]?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(("Input." + Rubric.Criteria[i] + "Comment", $"About {Rubric.Criteria[i]}"));
        }
        return reviewer.SubmitFormAsync($"/{reviewer.Culture}/review/assignments/{assignmentId}", Many([.. fields]), "form#rubric-form");
    }

    /// <summary>Screens, assigns a fresh reviewer, and accepts: the case study ends Accepted.</summary>
    public static async Task TakeToAcceptedAsync(EnactFactory app, TestClient editor, string id)
    {
        await DecidedAsync(editor, id, "screening");
        var reviewer = await CreateAccountAsync(app, Roles.Reviewer);
        await AssignedAsync(editor, id, reviewer.Id);
        await DecidedAsync(editor, id, "accepted", "Meets every criterion.");
    }

    public static async Task<string> Body(HttpResponseMessage response) => Truncate(await response.Content.ReadAsStringAsync());

    /// <summary>The newest message to an address, which must exist.</summary>
    public static MimeMessage LastMailTo(EnactFactory app, string address)
    {
        var messages = MailTo(app, address);
        Assert.True(messages.Count > 0, $"No mail to {address}");
        return messages[0];
    }

    /// <summary>The error summary's text on a page (empty when none).</summary>
    public static string Errors(IDocument page) => page.QuerySelector(".error-summary")?.TextContent ?? "";

    private static string Truncate(string text) => text.Length > 3000 ? text[..3000] : text;
}
