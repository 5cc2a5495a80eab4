using Enact.Core.Audit;
using Enact.Core.Calls;
using Enact.Core.CaseStudies;
using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Submissions;

/// <summary>Demo content of the submission template: an open call (when there is none) and one draft of the demo contributor.</summary>
public static class SubmissionDemo
{
    public const string DraftId = "lb-demo-draft-permits";

    public static async Task SeedAsync(EnactDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var contributor = await db.Users.Where(u => u.Email == "contributor@" + Demo.DemoContentSeeder.DemoDomain).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (contributor is null || await db.CaseStudies.AnyAsync(c => c.Id == DraftId, ct))
        {
            return;
        }
        var call = await db.SubmissionCalls.Where(c => c.OpensAt <= now && now < c.ClosesAt).OrderBy(c => c.ClosesAt).FirstOrDefaultAsync(ct);
        if (call is null)
        {
            call = new SubmissionCall
            {
                TitleAr = "دعوة تجريبية: الابتكار الرقمي في الخدمات العامة",
                TitleEn = "Demo call: digital innovation in public services",
                DescriptionAr = "دعوة تجريبية لتقديم دراسات حالة عن استخدام التقنيات المبتكرة في المؤسسات العامة العربية.",
                DescriptionEn = "A demo call for case studies of innovative technology use in Arab public institutions.",
                OpensAt = now.AddDays(-1),
                ClosesAt = now.AddDays(180),
                TimeZone = "Asia/Beirut",
                CreatedAt = now,
            };
            db.SubmissionCalls.Add(call);
            await db.SaveChangesAsync(ct);
        }
        var sector = await db.TaxonomyTerms.Where(t => t.Taxonomy == Reference.Taxonomies.Sector && t.Code == "general-public-services").Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        db.CaseStudies.Add(new CaseStudy
        {
            Id = DraftId,
            CountryCode = "LB",
            OriginalLanguage = "ar",
            OrganisationAr = "بلدية تجريبية",
            OrganisationEn = "A demo municipality",
            OrganisationType = OrganisationType.Government,
            LevelOfGovernment = LevelOfGovernment.Local,
            TitleAr = "تراخيص البناء عبر الإنترنت (مسودة تجريبية)",
            SummaryAr = "تتيح البلدية تقديم طلبات تراخيص البناء ومتابعتها عبر الإنترنت.",
            CallId = call.Id,
            OwnerId = contributor,
            Status = CaseStudyStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            Terms = sector is { } id ? [new CaseStudyTerm { CaseStudyId = DraftId, TermId = id }] : [],
        });
        db.CaseStudyTransitions.Add(new CaseStudyTransition { CaseStudyId = DraftId, To = CaseStudyStatus.Draft, At = now, ActorId = contributor });
        new AuditTrail(db, clock).Record(AuditActor.System, "case-study.demo-created", "CaseStudy", DraftId, after: new { status = "draft" });
        await db.SaveChangesAsync(ct);
    }
}
