using Enact.Core.Accounts;
using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Organisations;

/// <summary>
/// A registered person's request to join an organisation, with an optional message to its members. The organisation's
/// members (or an editor) approve it, which makes the person a member, or decline it. A person has at most one pending
/// request per organisation (a unique index on pending rows); decided requests stay as the record of who decided.
/// </summary>
public sealed class OrganisationMembershipRequest : IVersioned
{
    public const int MaxMessageLength = 2000;

    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Guid UserId { get; set; }

    /// <summary>What the person tells the members, in their words; optional.</summary>
    public string? Message { get; set; }

    /// <summary>One of <see cref="MembershipRequestStatuses"/>.</summary>
    public required string Status { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedById { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public static class MembershipRequestStatuses
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Declined = "declined";
}

public static class MembershipModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<OrganisationMembershipRequest>(e =>
        {
            e.Property(x => x.Message).HasMaxLength(OrganisationMembershipRequest.MaxMessageLength);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            // One pending request per person and organisation, enforced by the database (both providers quote identifiers alike).
            e.HasIndex(x => new { x.OrganisationId, x.UserId }).IsUnique().HasFilter("\"Status\" = 'pending'");
            e.HasIndex(x => new { x.OrganisationId, x.Status });
            e.HasIndex(x => x.UserId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<EnactUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
