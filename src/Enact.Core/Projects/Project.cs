using Enact.Core.Calls;
using Enact.Core.Data;
using Enact.Core.Events;
using Enact.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Projects;

/// <summary>
/// A project of the portal (ENACT first): its short name and long title, objectives (Markdown), the dimensions it works
/// on (terms of the <c>dimension</c> taxonomy), the SDGs it serves, its partners and its activities. Texts per language.
/// </summary>
public sealed class Project : IVersioned
{
    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxLongTitleLength = 500;
    public const int MaxLongText = 20_000;

    public int Id { get; set; }

    /// <summary>The address of the public page (<c>/projects/enact</c>): lower-case letters, digits and hyphens.</summary>
    public required string Code { get; set; }

    public required string NameAr { get; set; }
    public required string NameEn { get; set; }
    public required string LongTitleAr { get; set; }
    public required string LongTitleEn { get; set; }

    /// <summary>Markdown.</summary>
    public string? ObjectivesAr { get; set; }
    public string? ObjectivesEn { get; set; }

    /// <summary>The partners, one per line.</summary>
    public string? PartnersAr { get; set; }
    public string? PartnersEn { get; set; }

    /// <summary>The Sustainable Development Goals served, as their numbers separated by commas ("16,17").</summary>
    public string Sdgs { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ProjectDimension> Dimensions { get; set; } = [];
    public List<ProjectActivity> Activities { get; set; } = [];

    public IReadOnlyList<int> SdgNumbers => Sdgs
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
        .Where(n => n is >= 1 and <= 17)
        .ToList();

    public static IReadOnlyList<string> Lines(string? text)
        => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A dimension a project works on: a term of the <c>dimension</c> taxonomy.</summary>
public sealed class ProjectDimension
{
    public int ProjectId { get; set; }
    public int TermId { get; set; }
}

/// <summary>
/// One activity of a project: a study, a workshop, the collection of good practices, a call for case studies… with its
/// status. It links to its events and calls; news items and offers to collaborate point to it.
/// </summary>
public sealed class ProjectActivity : IVersioned
{
    public const int MaxTitleLength = 300;

    public int Id { get; set; }
    public int ProjectId { get; set; }

    /// <summary>One of <see cref="ActivityKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>One of <see cref="ActivityStatuses"/>.</summary>
    public required string Status { get; set; }

    /// <summary>Order on the project's page.</summary>
    public int Position { get; set; }

    public required string TitleAr { get; set; }
    public required string TitleEn { get; set; }

    /// <summary>Markdown.</summary>
    public string? DescriptionAr { get; set; }
    public string? DescriptionEn { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ProjectActivityEvent> Events { get; set; } = [];
    public List<ProjectActivityCall> Calls { get; set; } = [];
}

/// <summary>An event that belongs to an activity (the launch web discussion, the workshop itself…).</summary>
public sealed class ProjectActivityEvent
{
    public int ActivityId { get; set; }
    public int EventId { get; set; }
}

/// <summary>A call for submissions that belongs to an activity (the call for case studies).</summary>
public sealed class ProjectActivityCall
{
    public int ActivityId { get; set; }
    public int CallId { get; set; }
}

public static class ActivityKinds
{
    public const string Study = "study";
    public const string Workshop = "workshop";
    public const string GoodPracticeCollection = "good-practice-collection";
    public const string CallForCaseStudies = "call-for-case-studies";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Study, Workshop, GoodPracticeCollection, CallForCaseStudies, Other];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

public static class ActivityStatuses
{
    public const string Planned = "planned";
    public const string Ongoing = "ongoing";
    public const string Completed = "completed";

    public static readonly IReadOnlyList<string> All = [Planned, Ongoing, Completed];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

public static class ProjectsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Project>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(Project.MaxCodeLength);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.NameAr).HasMaxLength(Project.MaxNameLength);
            e.Property(x => x.NameEn).HasMaxLength(Project.MaxNameLength);
            e.Property(x => x.LongTitleAr).HasMaxLength(Project.MaxLongTitleLength);
            e.Property(x => x.LongTitleEn).HasMaxLength(Project.MaxLongTitleLength);
            e.Property(x => x.Sdgs).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Dimensions).WithOne().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Activities).WithOne().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ProjectDimension>(e =>
        {
            e.HasKey(x => new { x.ProjectId, x.TermId });
            e.HasOne<TaxonomyTerm>().WithMany().HasForeignKey(x => x.TermId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ProjectActivity>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.TitleAr).HasMaxLength(ProjectActivity.MaxTitleLength);
            e.Property(x => x.TitleEn).HasMaxLength(ProjectActivity.MaxTitleLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ProjectId, x.Position });
            e.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Calls).WithOne().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ProjectActivityEvent>(e =>
        {
            e.HasKey(x => new { x.ActivityId, x.EventId });
            e.HasIndex(x => x.EventId);
            e.HasOne<PortalEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ProjectActivityCall>(e =>
        {
            e.HasKey(x => new { x.ActivityId, x.CallId });
            e.HasIndex(x => x.CallId);
            e.HasOne<SubmissionCall>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
