using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Core.Events;
using Enact.Core.News;
using Enact.Core.Organisations;
using Enact.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Projects;

/// <summary>
/// Demo content of projects, news and organisations: the ENACT project as its launch page describes it (objectives,
/// the four dimensions, SDGs 16 and 17, partners) with its activities linked to the demo events and open call, a few
/// news items and two organisations of the directory.
/// </summary>
public static class ProjectDemoContent
{
    public const string EnactCode = "enact";
    public const string TrustWorkshopTitleEn = "Practical measures to improve trust in digital public services in the Arab region";
    public const string TrustWorkshopTitleAr = "تدابير عملية لتحسين الثقة في الخدمات العامة الرقمية في المنطقة العربية";
    public const string LaunchNewsSlug = "enact-launched";

    public static async Task<int> SeedAsync(EnactDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        if (await db.Projects.AnyAsync(p => p.Code == EnactCode, ct))
        {
            return 0;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var project = new Project
        {
            Code = EnactCode,
            NameAr = "مشروع ENACT",
            NameEn = "The ENACT project",
            LongTitleAr = "تسريع استخدام التكنولوجيا والابتكار لتعزيز العمليات في المؤسسات العامة العربية",
            LongTitleEn = "Accelerating the use of technology and innovation to enhance operations in Arab public institutions",
            ObjectivesAr = "- تسريع استخدام التكنولوجيا والابتكار في المؤسسات العامة العربية، مع مراعاة التحديات التي تواجهها البلدان ذات الدخل المتوسط والمنخفض.\n"
                + "- المساهمة في تسريع تحقيق أهداف التنمية المستدامة في المنطقة العربية، وخاصة الهدفان 16 و17.\n"
                + "- تجميع ممارسات جيدة ودراسات حالة ناجحة في استخدام التكنولوجيا بصورة مبتكرة في القطاع العام، ونشرها عبر بوابة الحكومة المفتوحة والابتكار في المنطقة العربية.\n"
                + "- دعم الدول الأعضاء والمنظمات الإقليمية والدولية في التعاون على تنفيذ أنشطة المشروع.",
            ObjectivesEn = "- Accelerate the use of technology and innovation in Arab public institutions, taking into account the challenges faced by middle- and low-income countries.\n"
                + "- Contribute to faster progress towards the Sustainable Development Goals in the Arab region, in particular Goals 16 and 17.\n"
                + "- Collect good practices and successful case studies of the innovative use of technology in the public sector, and publish them through the Open Government and Innovation Portal for the Arab Region.\n"
                + "- Support the member States and regional and international organisations in cooperating on the project's activities.",
            PartnersAr = "الدول الأعضاء في الإسكوا\nالمنظمات الإقليمية والدولية\nالمنظمات غير الحكومية\nالأوساط الأكاديمية\nشركات القطاع الخاص الاستشارية",
            PartnersEn = "ESCWA member States\nRegional and international organisations\nNon-governmental organisations\nAcademia\nPrivate consulting firms",
            Sdgs = "16,17",
            CreatedAt = now,
            UpdatedAt = now,
        };
        var dimensionIds = await db.TaxonomyTerms.Where(t => t.Taxonomy == Taxonomies.Dimension).OrderBy(t => t.SortOrder).Select(t => t.Id).ToListAsync(ct);
        project.Dimensions.AddRange(dimensionIds.Select(id => new ProjectDimension { TermId = id }));

        var launchEvent = await db.Events.Where(e => e.Slug == EventDemoContent.LaunchSlug).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        var workshopEvent = await db.Events.Where(e => e.Slug == EventDemoContent.WorkshopSlug).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        var openCall = await db.SubmissionCalls.Where(c => c.OpensAt <= now && now < c.ClosesAt).OrderBy(c => c.ClosesAt).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);

        ProjectActivity Activity(int position, string kind, string status, string titleAr, string titleEn, string descriptionAr, string descriptionEn, int? eventId = null, int? callId = null)
        {
            var activity = new ProjectActivity
            {
                Position = position, Kind = kind, Status = status, TitleAr = titleAr, TitleEn = titleEn,
                DescriptionAr = descriptionAr, DescriptionEn = descriptionEn, CreatedAt = now, UpdatedAt = now,
            };
            if (eventId is { } e)
            {
                activity.Events.Add(new ProjectActivityEvent { EventId = e });
            }
            if (callId is { } c)
            {
                activity.Calls.Add(new ProjectActivityCall { CallId = c });
            }
            project.Activities.Add(activity);
            return activity;
        }

        var launch = Activity(1, ActivityKinds.Other, ActivityStatuses.Completed,
            "نقاش عبر الويب لإطلاق مشروع ENACT", "Web discussion launching the ENACT project",
            "عرّفت الندوة بالمشروع وأهدافه وأنشطته ومنهجية تنفيذه على ضوء أولويات الدول الأعضاء، وقدّمت موجزًا حول استخدام التكنولوجيات الناشئة في القطاع العام.",
            "The webinar presented the project, its objectives, activities and methodology in the light of the member States' priorities, with a brief on emerging technologies in the public sector.",
            launchEvent);
        Activity(2, ActivityKinds.Study, ActivityStatuses.Ongoing,
            "دراسات حول استخدام التكنولوجيا والابتكار في المؤسسات العامة العربية", "Studies on the use of technology and innovation in Arab public institutions",
            "تعدّ الإسكوا دراسات المشروع مع التركيز على التمويل والاستدامة وثقافة الرقمنة وإدارة التغيير وبناء القدرات، كما اقترح المشاركون في الندوة الافتتاحية.",
            "ESCWA is preparing the project's studies, with attention to funding and sustainability, the culture of digitization, change management and capacity-building, as participants in the launch suggested.");
        var workshop = Activity(3, ActivityKinds.Workshop, ActivityStatuses.Planned, TrustWorkshopTitleAr, TrustWorkshopTitleEn,
            "ورشة عمل حول بُعد الثقة في الخدمات العامة الرقمية، أبدت منظمات إقليمية وعربية استعدادها للتعاون مع الإسكوا في تنفيذها. يمكن للمنظمات أن تعرض التعاون من هذه الصفحة.",
            "A workshop on the trust dimension of digital public services, which regional and Arab organisations said they were ready to carry out with ESCWA. Organisations can offer to collaborate from this page.",
            workshopEvent);
        Activity(4, ActivityKinds.GoodPracticeCollection, ActivityStatuses.Ongoing,
            "تجميع ممارسات جيدة حول استخدام التكنولوجيا في المؤسسات العامة", "Collection of good practices on the use of technology in public institutions",
            "ترسل الإسكوا نماذج واستمارات إلى الدول الأعضاء لتجميع ممارسات جيدة حول استخدام التكنولوجيا الرقمية والناشئة في القطاع العام، بالتنسيق مع المنظمات الإقليمية والدولية.",
            "ESCWA sends templates and forms to the member States to collect good practices on the use of digital and emerging technologies in the public sector, coordinating with regional and international organisations.");
        var call = Activity(5, ActivityKinds.CallForCaseStudies, ActivityStatuses.Ongoing,
            "دعوة لتقديم دراسات الحالة الناجحة", "Call for successful case studies",
            "دعوة الدول الأعضاء إلى تقديم دراسات الحالة الناجحة في استخدام التكنولوجيا بصورة مبتكرة في القطاع العام، لإثراء دراسات المشروع ونشرها عبر البوابة.",
            "The member States are invited to submit successful case studies of the innovative use of technology in the public sector, to enrich the project's studies and to be published on the portal.",
            callId: openCall);
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);

        db.NewsItems.AddRange(
            new NewsItem
            {
                Slug = LaunchNewsSlug,
                TitleAr = "الإسكوا تطلق مشروع ENACT",
                TitleEn = "ESCWA launches the ENACT project",
                SummaryAr = "انطلق مشروع ENACT في نقاش عبر الويب شارك فيه موظفون عموميون وخبراء من المنظمات الإقليمية والدولية.",
                SummaryEn = "The ENACT project was launched in a web discussion with public servants and experts from regional and international organisations.",
                BodyAr = "نظمت الإسكوا في 20 آذار/مارس 2023 ندوة عبر الإنترنت لإطلاق مشروع ENACT حول **تسريع استخدام التكنولوجيا والابتكار لتعزيز العمليات في المؤسسات العامة العربية**.\n\nأبدت منظمات إقليمية استعدادها للتعاون في ورشة العمل حول الثقة وفي تجميع الممارسات الجيدة.",
                BodyEn = "On 20 March 2023 ESCWA held a webinar to launch the ENACT project on **accelerating the use of technology and innovation to enhance operations in Arab public institutions**.\n\nRegional organisations said they were ready to collaborate on the workshop on trust and on the collection of good practices.",
                PublishedAt = new DateTime(2023, 3, 21, 0, 0, 0, DateTimeKind.Utc),
                ProjectId = project.Id,
                ActivityId = launch.Id,
                EventId = launchEvent,
                CreatedAt = now,
                UpdatedAt = now,
            },
            new NewsItem
            {
                Slug = "trust-workshop-partners",
                TitleAr = "منظمات إقليمية تعرض التعاون في ورشة العمل حول الثقة",
                TitleEn = "Regional organisations offer to collaborate on the workshop on trust",
                SummaryAr = "يمكن للمنظمات المسجّلة في البوابة أن تعرض التعاون على أنشطة المشروع من صفحة كل نشاط.",
                SummaryEn = "Organisations registered on the portal can offer to collaborate on the project's activities from each activity's page.",
                BodyAr = "تستعد الإسكوا لورشة العمل حول **تدابير عملية لتحسين الثقة في الخدمات العامة الرقمية في المنطقة العربية**. سجّل منظمتك في الدليل ثم اعرض التعاون من صفحة النشاط.",
                BodyEn = "ESCWA is preparing the workshop on **practical measures to improve trust in digital public services in the Arab region**. Register your organisation in the directory, then offer to collaborate from the activity's page.",
                PublishedAt = now.Date,
                ProjectId = project.Id,
                ActivityId = workshop.Id,
                EventId = workshopEvent,
                CreatedAt = now,
                UpdatedAt = now,
            },
            new NewsItem
            {
                Slug = "call-for-case-studies-open",
                TitleAr = "الدعوة لتقديم دراسات الحالة مفتوحة",
                TitleEn = "The call for case studies is open",
                SummaryAr = "شارك تجربة مؤسستك في استخدام التكنولوجيا بصورة مبتكرة في القطاع العام.",
                SummaryEn = "Share your institution's experience of the innovative use of technology in the public sector.",
                BodyAr = "تدعو الإسكوا الدول الأعضاء والمنظمات إلى تقديم دراسات الحالة عبر البوابة قبل الموعد النهائي للدعوة.",
                BodyEn = "ESCWA invites the member States and organisations to submit case studies through the portal before the call's deadline.",
                PublishedAt = now.Date.AddDays(-7),
                ProjectId = project.Id,
                ActivityId = call.Id,
                CreatedAt = now,
                UpdatedAt = now,
            });

        db.Organisations.AddRange(
            new Organisation
            {
                NameAr = "المنظمة الإقليمية التجريبية للحكومة الرقمية",
                NameEn = "Demo Regional Digital Government Organisation",
                Type = OrganisationTypes.RegionalInternational,
                CountryCode = "LB",
                Website = "https://regional.demo.enact.example",
                Verified = true,
                VerifiedAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            },
            new Organisation
            {
                NameAr = "مركز الابتكار الحكومي التجريبي",
                NameEn = "Demo Government Innovation Centre",
                Type = OrganisationTypes.Government,
                CountryCode = "JO",
                CreatedAt = now,
                UpdatedAt = now,
            });
        new AuditTrail(db, clock).Record(AuditActor.System, "project.demo-created", nameof(Project), EnactCode);
        await db.SaveChangesAsync(ct);
        await MembershipDemoContent.SeedAsync(db, clock, ct);
        await News.NewsDemoContent.SeedAsync(db, ct);
        return 1;
    }
}
