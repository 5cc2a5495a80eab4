using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Calls;

/// <summary>
/// A call for case-study submissions. Opening and closing are instants (stored in UTC) chosen in the call's IANA
/// <see cref="TimeZone"/> (for example <c>Asia/Beirut</c>), in which the public page shows them.
/// </summary>
public sealed class SubmissionCall : IVersioned
{
    public const int MaxTitleLength = 300;

    public int Id { get; set; }
    public required string TitleAr { get; set; }
    public required string TitleEn { get; set; }
    /// <summary>Markdown.</summary>
    public string? DescriptionAr { get; set; }
    public string? DescriptionEn { get; set; }

    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }

    /// <summary>IANA time zone identifier.</summary>
    public required string TimeZone { get; set; }

    public DateTime CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpenAt(DateTime utcNow) => OpensAt <= utcNow && utcNow < ClosesAt;
}

/// <summary>A deadline reminder sent to the owner of an unfinished draft; the unique key makes each reminder go once, whichever instance sends it.</summary>
public sealed class SubmissionReminder
{
    public const string WeekBefore = "week";
    public const string DayBefore = "day";

    public long Id { get; set; }
    public required string CaseStudyId { get; set; }
    public int CallId { get; set; }
    /// <summary><see cref="WeekBefore"/> or <see cref="DayBefore"/>.</summary>
    public required string Kind { get; set; }
    public DateTime SentAt { get; set; }
}

public static class CallsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<SubmissionCall>(e =>
        {
            e.Property(c => c.TitleAr).HasMaxLength(SubmissionCall.MaxTitleLength);
            e.Property(c => c.TitleEn).HasMaxLength(SubmissionCall.MaxTitleLength);
            e.Property(c => c.TimeZone).HasMaxLength(64);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.ClosesAt);
        });

        builder.Entity<SubmissionReminder>(e =>
        {
            e.Property(r => r.CaseStudyId).HasMaxLength(CaseStudies.CaseStudy.MaxIdLength);
            e.Property(r => r.Kind).HasMaxLength(8);
            e.HasIndex(r => new { r.CaseStudyId, r.CallId, r.Kind }).IsUnique();
            e.HasOne<CaseStudies.CaseStudy>().WithMany().HasForeignKey(r => r.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<SubmissionCall>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
