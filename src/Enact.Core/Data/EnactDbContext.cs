using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.Calls;
using Enact.Core.Events;
using Enact.Core.Files;
using Enact.Core.News;
using Enact.Core.Organisations;
using Enact.Core.Projects;
using Enact.Core.Review;
using Enact.Core.CaseStudies;
using Enact.Core.Reference;
using Enact.Core.Search;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Data;

public sealed class EnactDbContext(DbContextOptions<EnactDbContext> options, TimeProvider? clock = null)
    : IdentityDbContext<EnactUser, EnactRole, Guid>(options), IDataProtectionKeyContext
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public DbSet<Country> Countries => Set<Country>();
    public DbSet<TaxonomyTerm> TaxonomyTerms => Set<TaxonomyTerm>();
    public DbSet<UserCountry> UserCountries => Set<UserCountry>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CaseStudy> CaseStudies => Set<CaseStudy>();
    public DbSet<CaseStudyTerm> CaseStudyTerms => Set<CaseStudyTerm>();
    public DbSet<IndexingTask> IndexingTasks => Set<IndexingTask>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<SubmissionCall> SubmissionCalls => Set<SubmissionCall>();
    public DbSet<SubmissionReminder> SubmissionReminders => Set<SubmissionReminder>();
    public DbSet<CaseStudyAttachment> CaseStudyAttachments => Set<CaseStudyAttachment>();
    public DbSet<CaseStudyCoAuthor> CaseStudyCoAuthors => Set<CaseStudyCoAuthor>();
    public DbSet<CaseStudyTransition> CaseStudyTransitions => Set<CaseStudyTransition>();
    public DbSet<CaseStudyPublication> CaseStudyPublications => Set<CaseStudyPublication>();
    public DbSet<ReviewAssignment> ReviewAssignments => Set<ReviewAssignment>();
    public DbSet<PortalEvent> Events => Set<PortalEvent>();
    public DbSet<EventOutcomePoint> EventOutcomePoints => Set<EventOutcomePoint>();
    public DbSet<EventPresentation> EventPresentations => Set<EventPresentation>();
    public DbSet<EventDocument> EventDocuments => Set<EventDocument>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<EventRating> EventRatings => Set<EventRating>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectDimension> ProjectDimensions => Set<ProjectDimension>();
    public DbSet<ProjectActivity> ProjectActivities => Set<ProjectActivity>();
    public DbSet<ProjectActivityEvent> ProjectActivityEvents => Set<ProjectActivityEvent>();
    public DbSet<ProjectActivityCall> ProjectActivityCalls => Set<ProjectActivityCall>();
    public DbSet<NewsItem> NewsItems => Set<NewsItem>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationMember> OrganisationMembers => Set<OrganisationMember>();
    public DbSet<OrganisationMembershipRequest> OrganisationMembershipRequests => Set<OrganisationMembershipRequest>();
    public DbSet<CollaborationOffer> CollaborationOffers => Set<CollaborationOffer>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<EnactUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.PreferredLanguage).HasMaxLength(2);
            e.Property(u => u.OrganisationName).HasMaxLength(300);
            e.HasMany(u => u.Countries).WithOne().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<UserCountry>(e =>
        {
            e.HasKey(c => new { c.UserId, c.CountryCode });
            e.Property(c => c.CountryCode).HasMaxLength(2);
            e.HasOne<Country>().WithMany().HasForeignKey(c => c.CountryCode).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Country>(e =>
        {
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(2);
            e.Property(c => c.NameAr).HasMaxLength(100);
            e.Property(c => c.NameEn).HasMaxLength(100);
            e.Property(c => c.Version).IsConcurrencyToken();
        });

        builder.Entity<TaxonomyTerm>(e =>
        {
            e.Property(t => t.Taxonomy).HasMaxLength(32);
            e.Property(t => t.Code).HasMaxLength(64);
            e.Property(t => t.LabelAr).HasMaxLength(300);
            e.Property(t => t.LabelEn).HasMaxLength(300);
            e.HasIndex(t => new { t.Taxonomy, t.Code }).IsUnique();
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(200);
            e.Property(a => a.ActorEmail).HasMaxLength(256);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.ActorId);
        });

        CaseStudyModel.Configure(builder);
        IndexingModel.Configure(builder);
        FilesModel.Configure(builder);
        CallsModel.Configure(builder);
        ReviewModel.Configure(builder);
        EventsModel.Configure(builder);
        ProjectsModel.Configure(builder);
        NewsModel.Configure(builder);
        OrganisationsModel.Configure(builder);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RenewVersions()
    {
        // Every change to a case study writes its indexing task in the same transaction (the search outbox).
        IndexingOutbox.Capture(ChangeTracker, IndexingTasks, _clock.GetUtcNow().UtcDateTime);

        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                // Through the tracker, so the new token is saved even when automatic change detection is off (bulk imports).
                entry.Property(e => e.Version).CurrentValue = Guid.NewGuid();
            }
        }
    }
}
