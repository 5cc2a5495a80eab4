using Enact.Core.Accounts;
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
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => new { c.Status, c.PublishedAt });
            e.HasMany(c => c.Terms).WithOne().HasForeignKey(t => t.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseStudyTerm>(e =>
        {
            e.HasKey(t => new { t.CaseStudyId, t.TermId });
            e.Property(t => t.CaseStudyId).HasMaxLength(CaseStudy.MaxIdLength);
            e.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.TermId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => t.TermId);
        });
    }
}
