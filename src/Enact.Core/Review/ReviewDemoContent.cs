using Enact.Core.Accounts;
using Enact.Core.CaseStudies;
using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Review;

/// <summary>
/// Demo records of the review desk: submissions of the demo contributor waiting for an editor (submitted), being
/// screened, and in review with the demo reviewer, so the queue and the reviewer's list show something.
/// </summary>
public static class ReviewDemoContent
{
    public const string SubmittedId = "demo-jo-e-health-records";
    public const string ScreeningId = "demo-lb-open-budget-portal";
    public const string InReviewId = "demo-tn-digital-school-enrolment";

    public static async Task SeedAsync(EnactDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.CaseStudies.AnyAsync(c => c.Id == SubmittedId || c.Id == ScreeningId || c.Id == InReviewId, cancellationToken))
        {
            return;
        }
        var contributor = await UserIdAsync(db, $"contributor@{Demo.DemoContentSeeder.DemoDomain}", cancellationToken);
        var reviewer = await UserIdAsync(db, $"reviewer@{Demo.DemoContentSeeder.DemoDomain}", cancellationToken);
        var editor = await UserIdAsync(db, $"editor@{Demo.DemoContentSeeder.DemoDomain}", cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        var submitted = New(SubmittedId, "JO", 2022, contributor, now.AddDays(-2),
            "السجلات الصحية الإلكترونية في المراكز الصحية", "Electronic health records in primary health centres",
            "ربطت وزارة الصحة المراكز الصحية بسجل إلكتروني موحد للمرضى.", "The ministry of health linked primary health centres through one electronic patient record.",
            "وزارة الصحة", "Ministry of Health");
        var screening = New(ScreeningId, "LB", 2021, contributor, now.AddDays(-5),
            "بوابة الموازنة المفتوحة", "Open budget portal",
            "تنشر وزارة المالية بيانات الموازنة بصيغ مفتوحة مع شروح مبسطة للمواطنين.", "The ministry of finance publishes budget data in open formats with plain-language explanations.",
            "وزارة المالية", "Ministry of Finance");
        var inReview = New(InReviewId, "TN", 2020, contributor, now.AddDays(-9),
            "التسجيل المدرسي الرقمي", "Digital school enrolment",
            "يسجّل الأولياء أبناءهم في المدارس عبر الإنترنت دون التنقل إلى الإدارات.", "Parents enrol their children in school online without visiting offices.",
            "وزارة التربية", "Ministry of Education");
        screening.Status = CaseStudyStatus.Screening;
        inReview.Status = CaseStudyStatus.InReview;
        db.CaseStudies.AddRange(submitted, screening, inReview);

        foreach (var (c, steps) in new[]
        {
            (submitted, new[] { CaseStudyStatus.Submitted }),
            (screening, new[] { CaseStudyStatus.Submitted, CaseStudyStatus.Screening }),
            (inReview, new[] { CaseStudyStatus.Submitted, CaseStudyStatus.Screening, CaseStudyStatus.InReview }),
        })
        {
            CaseStudyStatus? from = CaseStudyStatus.Draft;
            var at = c.SubmittedAt!.Value;
            foreach (var to in steps)
            {
                db.CaseStudyTransitions.Add(new CaseStudyTransition
                {
                    CaseStudyId = c.Id,
                    From = from,
                    To = to,
                    At = at,
                    ActorId = to == CaseStudyStatus.Submitted ? contributor : editor,
                });
                from = to;
                at = at.AddDays(1);
            }
        }
        if (reviewer is { } reviewerId)
        {
            db.ReviewAssignments.Add(new ReviewAssignment
            {
                Id = Guid.NewGuid(),
                CaseStudyId = InReviewId,
                ReviewerId = reviewerId,
                AssignedById = editor,
                AssignedAt = now.AddDays(-7),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Guid?> UserIdAsync(EnactDbContext db, string email, CancellationToken ct)
    {
        var normalized = email.ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
    }

    private static CaseStudy New(string id, string country, int year, Guid? owner, DateTime submittedAt,
        string titleAr, string titleEn, string summaryAr, string summaryEn, string organisationAr, string organisationEn) => new()
    {
        Id = id,
        CountryCode = country,
        YearLaunched = year,
        LevelOfGovernment = LevelOfGovernment.National,
        OrganisationType = OrganisationType.Government,
        OriginalLanguage = "ar",
        TitleAr = titleAr,
        TitleEn = titleEn,
        SummaryAr = summaryAr,
        SummaryEn = summaryEn,
        OrganisationAr = organisationAr,
        OrganisationEn = organisationEn,
        DescriptionAr = summaryAr,
        DescriptionEn = summaryEn,
        ResultsAr = "استفاد منها آلاف المواطنين في سنتها الأولى.",
        ResultsEn = "Thousands of citizens used it in its first year.",
        InitiativeStatus = InitiativeStatus.Operational,
        ConsentGivenAt = submittedAt,
        ContactName = "Demo contributor",
        ContactEmail = $"contributor@{Demo.DemoContentSeeder.DemoDomain}",
        Status = CaseStudyStatus.Submitted,
        SubmittedAt = submittedAt,
        CreatedAt = submittedAt.AddDays(-1),
        UpdatedAt = submittedAt,
        OwnerId = owner,
    };
}
