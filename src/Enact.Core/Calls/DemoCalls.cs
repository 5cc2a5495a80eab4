using Enact.Core.Audit;
using Enact.Core.Data;

namespace Enact.Core.Calls;

/// <summary>Demo calls: one open (closing a few months from today, Beirut time) and one closed.</summary>
public static class DemoCalls
{
    public const string Zone = "Asia/Beirut";

    public static void Add(EnactDbContext db, TimeProvider clock, AuditTrail audit)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(audit);
        var zone = CallTime.FindZone(Zone) ?? TimeZoneInfo.Utc;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = CallTime.ToLocal(now, zone).Date;

        var open = new SubmissionCall
        {
            TitleAr = "دعوة لتقديم دراسات حالة: الخدمات الحكومية الرقمية الشاملة",
            TitleEn = "Call for case studies: inclusive digital government services",
            DescriptionAr = "تدعو الإسكوا المؤسسات العامة والمنظمات والخبراء في المنطقة العربية إلى مشاركة تجاربهم في استخدام التكنولوجيا لجعل الخدمات الحكومية **أسهل وصولًا للجميع**، ولا سيما النساء والشباب والأشخاص ذوو الإعاقة.\n\n- صف المشكلة وما الذي تغيّر\n- شارك النتائج بالأرقام\n- اذكر الدروس المستفادة",
            DescriptionEn = "ESCWA invites public institutions, organisations and experts in the Arab region to share how they used technology to make government services **easier to reach for everyone**, especially women, young people and persons with disabilities.\n\n- Describe the problem and what changed\n- Share results with figures\n- Tell us the lessons learned",
            OpensAt = Utc(today.AddMonths(-1), zone),
            ClosesAt = Utc(today.AddMonths(3).AddHours(23).AddMinutes(59), zone),
            TimeZone = zone.Id,
            CreatedAt = now,
        };
        var closed = new SubmissionCall
        {
            TitleAr = "دعوة لتقديم دراسات حالة: البيانات المفتوحة في البلديات",
            TitleEn = "Call for case studies: open data in municipalities",
            DescriptionAr = "جمعت هذه الدعوة تجارب البلديات العربية في نشر البيانات المفتوحة وإعادة استخدامها.",
            DescriptionEn = "This call gathered the experience of Arab municipalities in publishing and reusing open data.",
            OpensAt = Utc(today.AddMonths(-12), zone),
            ClosesAt = Utc(today.AddMonths(-9).AddHours(23).AddMinutes(59), zone),
            TimeZone = zone.Id,
            CreatedAt = now,
        };
        db.SubmissionCalls.AddRange(open, closed);
        audit.Record(AuditActor.System, "call.demo-created", nameof(SubmissionCall), "demo", after: new { open = open.TitleEn, closed = closed.TitleEn });
    }

    private static DateTime Utc(DateTime local, TimeZoneInfo zone)
        => CallTime.TryToUtc(local, zone, AmbiguousTime.Later, out var utc) ? utc : Utc(local.AddHours(1), zone);
}
