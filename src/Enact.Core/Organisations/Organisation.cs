using Enact.Core.Accounts;
using Enact.Core.Data;
using Enact.Core.Projects;
using Enact.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Organisations;

/// <summary>
/// An organisation in the directory, kept by its registered members (<see cref="OrganisationMember"/>) and verified by
/// editors. Until verified, pages mark it as unverified.
/// </summary>
public sealed class Organisation : IVersioned
{
    public const int MaxNameLength = 300;
    public const int MaxWebsiteLength = 500;

    public int Id { get; set; }
    public required string NameAr { get; set; }
    public required string NameEn { get; set; }

    /// <summary>One of <see cref="OrganisationTypes"/>.</summary>
    public required string Type { get; set; }

    /// <summary>ISO 3166-1 alpha-2 of one of the portal's countries; null for a regional or international body without one.</summary>
    public string? CountryCode { get; set; }

    /// <summary>An absolute http(s) address.</summary>
    public string? Website { get; set; }

    public bool Verified { get; set; }
    public DateTime? VerifiedAt { get; set; }
    public Guid? VerifiedById { get; set; }

    public DateTime CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// When the membership last changed (a member joined, left or was removed). Written by a single UPDATE at the start of
    /// every membership change, which also locks the organisation's row, so concurrent leaves and removals queue and the
    /// last member check holds; it does not touch <see cref="Version"/>, so an open edit form stays valid.
    /// </summary>
    public DateTime? MembersChangedAt { get; set; }
}

/// <summary>A registered person who keeps an organisation's entry and may speak for it.</summary>
public sealed class OrganisationMember
{
    public int OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public DateTime JoinedAt { get; set; }
}

/// <summary>
/// An offer, made by a member on behalf of their organisation, to collaborate on a project activity; an editor accepts or
/// declines it with a message, which reaches the person by e-mail.
/// </summary>
public sealed class CollaborationOffer : IVersioned
{
    public const int MaxProposalLength = 4000;
    public const int MaxAnswerLength = 4000;

    public int Id { get; set; }
    public int ActivityId { get; set; }
    public int OrganisationId { get; set; }
    public Guid UserId { get; set; }

    /// <summary>What the organisation proposes, in the person's words.</summary>
    public required string Proposal { get; set; }

    /// <summary>One of <see cref="OfferStatuses"/>.</summary>
    public required string Status { get; set; }

    public string? Answer { get; set; }
    public Guid? AnsweredById { get; set; }
    public DateTime? AnsweredAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public static class OrganisationTypes
{
    public const string Government = "government";
    public const string RegionalInternational = "regional-international";
    public const string Ngo = "ngo";
    public const string Academia = "academia";
    public const string PrivateSector = "private-sector";

    public static readonly IReadOnlyList<string> All = [Government, RegionalInternational, Ngo, Academia, PrivateSector];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

public static class OfferStatuses
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
}

public static class OrganisationsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Organisation>(e =>
        {
            e.Property(x => x.NameAr).HasMaxLength(Organisation.MaxNameLength);
            e.Property(x => x.NameEn).HasMaxLength(Organisation.MaxNameLength);
            e.Property(x => x.Type).HasMaxLength(32);
            e.Property(x => x.CountryCode).HasMaxLength(2);
            e.Property(x => x.Website).HasMaxLength(Organisation.MaxWebsiteLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.Type, x.CountryCode });
            e.HasOne<Country>().WithMany().HasForeignKey(x => x.CountryCode).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<OrganisationMember>(e =>
        {
            e.HasKey(x => new { x.OrganisationId, x.UserId });
            e.HasIndex(x => x.UserId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<EnactUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        MembershipModel.Configure(builder);

        builder.Entity<CollaborationOffer>(e =>
        {
            e.Property(x => x.Proposal).HasMaxLength(CollaborationOffer.MaxProposalLength);
            e.Property(x => x.Answer).HasMaxLength(CollaborationOffer.MaxAnswerLength);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ActivityId, x.CreatedAt });
            e.HasIndex(x => x.UserId);
            e.HasOne<ProjectActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<EnactUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
