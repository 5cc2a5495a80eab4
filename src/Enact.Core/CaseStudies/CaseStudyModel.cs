using Enact.Core.Accounts;
using Enact.Core.Calls;
using Enact.Core.Files;
using Enact.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.CaseStudies;

/// <summary>EF Core configuration of the case-study tables, applied from <c>EnactDbContext.OnModelCreating</c>.</summary>
public static class CaseStudyModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<CaseStudy>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(CaseStudy.MaxIdLength);
            e.Property(c => c.CountryCode).HasMaxLength(2);
            e.HasOne<Country>().WithMany().HasForeignKey(c => c.CountryCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<EnactUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.SetNull);
            e.Property(c => c.LevelOfGovernment).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.OrganisationType).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
            e.Property(c => c.OriginalLanguage).HasMaxLength(2);
            e.Property(c => c.TitleAr).HasMaxLength(CaseStudy.MaxTitleLength);
            e.Property(c => c.TitleEn).HasMaxLength(CaseStudy.MaxTitleLength);
            e.Property(c => c.OrganisationAr).HasMaxLength(CaseStudy.MaxShortTextLength);
            e.Property(c => c.OrganisationEn).HasMaxLength(CaseStudy.MaxShortTextLength);
            e.Property(c => c.Website).HasMaxLength(CaseStudy.MaxWebsiteLength);
            e.Property(c => c.InitiativeStatus).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.ContactName).HasMaxLength(200);
            e.Property(c => c.ContactEmail).HasMaxLength(256);
            e.Property(c => c.ContactPhone).HasMaxLength(50);
            e.Property(c => c.PublicContactName).HasMaxLength(200);
            e.Property(c => c.PublicContactEmail).HasMaxLength(256);
            e.Property(c => c.RevisionOfId).HasMaxLength(CaseStudy.MaxIdLength);
            e.HasOne<CaseStudy>().WithMany().HasForeignKey(c => c.RevisionOfId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<SubmissionCall>().WithMany().HasForeignKey(c => c.CallId).OnDelete(DeleteBehavior.Restrict);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => new { c.Status, c.PublishedAt });
            e.HasIndex(c => c.OwnerId);
            e.HasMany(c => c.Terms).WithOne().HasForeignKey(t => t.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseStudyTerm>(e =>
        {
            e.HasKey(t => new { t.CaseStudyId, t.TermId });
            e.Property(t => t.CaseStudyId).HasMaxLength(CaseStudy.MaxIdLength);
            e.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.TermId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => t.TermId);
        });

        builder.Entity<CaseStudyAttachment>(e =>
        {
            e.Property(a => a.CaseStudyId).HasMaxLength(CaseStudy.MaxIdLength);
            e.Property(a => a.FileName).HasMaxLength(CaseStudyAttachment.MaxFileNameLength);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.AltTextAr).HasMaxLength(CaseStudyAttachment.MaxAltTextLength);
            e.Property(a => a.AltTextEn).HasMaxLength(CaseStudyAttachment.MaxAltTextLength);
            e.HasIndex(a => a.CaseStudyId);
            e.HasOne<CaseStudy>().WithMany().HasForeignKey(a => a.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CaseStudyCoAuthor>(e =>
        {
            e.HasKey(a => new { a.CaseStudyId, a.NormalizedEmail });
            e.Property(a => a.CaseStudyId).HasMaxLength(CaseStudy.MaxIdLength);
            e.Property(a => a.NormalizedEmail).HasMaxLength(256);
            e.Property(a => a.Email).HasMaxLength(256);
            e.HasIndex(a => a.NormalizedEmail);
            e.HasOne<CaseStudy>().WithMany().HasForeignKey(a => a.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseStudyTransition>(e =>
        {
            e.Property(t => t.CaseStudyId).HasMaxLength(CaseStudy.MaxIdLength);
            e.Property(t => t.From).HasConversion<string>().HasMaxLength(24);
            e.Property(t => t.To).HasConversion<string>().HasMaxLength(24);
            e.HasIndex(t => new { t.CaseStudyId, t.At });
            e.HasOne<CaseStudy>().WithMany().HasForeignKey(t => t.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseStudyPublication>(e =>
        {
            e.Property(p => p.CaseStudyId).HasMaxLength(CaseStudy.MaxIdLength);
            e.Property(p => p.RevisionId).HasMaxLength(CaseStudy.MaxIdLength);
            e.HasIndex(p => new { p.CaseStudyId, p.Number }).IsUnique();
            e.HasOne<CaseStudy>().WithMany().HasForeignKey(p => p.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
