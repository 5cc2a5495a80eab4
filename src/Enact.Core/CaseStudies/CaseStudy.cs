using Enact.Core.Data;
using Enact.Core.Reference;

namespace Enact.Core.CaseStudies;

/// <summary>
/// A good practice of innovative technology use in an Arab public institution: every field of the submission template
/// and of the interchange format. Text people write is stored per language; <see cref="OriginalLanguage"/> says which
/// one was written first. The slug <see cref="Id"/> is the public identifier (URLs, API, interchange files).
/// </summary>
public sealed class CaseStudy : IVersioned
{
    public const int MaxIdLength = 100;
    public const int MaxTitleLength = 300;
    public const int MaxShortTextLength = 300;
    public const int MaxWebsiteLength = 500;

    /// <summary>Slug, <c>[a-z0-9-]{3,100}</c>, unique.</summary>
    public required string Id { get; set; }

    public required string CountryCode { get; set; }
    public int YearLaunched { get; set; }
    public LevelOfGovernment? LevelOfGovernment { get; set; }
    public OrganisationType? OrganisationType { get; set; }

    /// <summary>"ar" or "en": the language the case study was written in first.</summary>
    public string OriginalLanguage { get; set; } = "ar";

    public string? OrganisationAr { get; set; }
    public string? OrganisationEn { get; set; }
    public string? TitleAr { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryAr { get; set; }
    public string? SummaryEn { get; set; }
    /// <summary>What was done (Markdown).</summary>
    public string? DescriptionAr { get; set; }
    public string? DescriptionEn { get; set; }
    public string? ProblemAr { get; set; }
    public string? ProblemEn { get; set; }
    public string? InnovationAr { get; set; }
    public string? InnovationEn { get; set; }
    public string? PartnersAr { get; set; }
    public string? PartnersEn { get; set; }
    public string? FundingAr { get; set; }
    public string? FundingEn { get; set; }
    public string? ChangeManagementAr { get; set; }
    public string? ChangeManagementEn { get; set; }
    public string? ResultsAr { get; set; }
    public string? ResultsEn { get; set; }
    public string? ChallengesAr { get; set; }
    public string? ChallengesEn { get; set; }
    public string? ConditionsForSuccessAr { get; set; }
    public string? ConditionsForSuccessEn { get; set; }
    public string? ReplicationAr { get; set; }
    public string? ReplicationEn { get; set; }
    public string? LessonsLearnedAr { get; set; }
    public string? LessonsLearnedEn { get; set; }

    public string? Website { get; set; }

    /// <summary>Where the initiative itself stands (pilot, operational...), not the submission.</summary>
    public InitiativeStatus? InitiativeStatus { get; set; }

    /// <summary>Video links (one absolute http(s) URL per line).</summary>
    public string? VideoLinks { get; set; }

    /// <summary>The submitter's contact for staff only: never public, never in the API or exports.</summary>
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    /// <summary>An optional contact shown on the public page.</summary>
    public string? PublicContactName { get; set; }
    public string? PublicContactEmail { get; set; }

    /// <summary>When the submitter consented to publication under CC BY 4.0 (required before submitting).</summary>
    public DateTime? ConsentGivenAt { get; set; }

    /// <summary>The call the submission answers (null for imported records and revisions).</summary>
    public int? CallId { get; set; }

    /// <summary>An extension an editor granted to this one submission: it may be submitted until then even after the call closed.</summary>
    public DateTime? ExtendedUntil { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>
    /// Set on a revision: a working copy of the published case study with this id. The published text stays online
    /// while the revision goes through review; publishing the revision copies it onto the original and sets
    /// <see cref="MergedAt"/>. Revisions never appear in the library, the API or the index themselves.
    /// </summary>
    public string? RevisionOfId { get; set; }
    public DateTime? MergedAt { get; set; }

    public CaseStudyStatus Status { get; set; } = CaseStudyStatus.Draft;

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>The account that owns the submission (null for imported records).</summary>
    public Guid? OwnerId { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Links to technologies, dimensions, SDG targets, sectors and beneficiary groups.</summary>
    public List<CaseStudyTerm> Terms { get; set; } = [];
}

public enum InitiativeStatus
{
    Planned,
    Pilot,
    Operational,
    Scaled,
    Completed,
    Discontinued,
}

/// <summary>A case study's link to a <see cref="TaxonomyTerm"/> of any taxonomy.</summary>
public sealed class CaseStudyTerm
{
    public required string CaseStudyId { get; set; }
    public int TermId { get; set; }
    public TaxonomyTerm? Term { get; set; }
}

/// <summary>Where a case study stands: draft → submitted → screening → in review ⇄ changes requested → accepted → published; also rejected, withdrawn, archived.</summary>
public enum CaseStudyStatus
{
    Draft,
    Submitted,
    Screening,
    InReview,
    ChangesRequested,
    Accepted,
    Published,
    Rejected,
    Withdrawn,
    Archived,
}

public enum LevelOfGovernment
{
    National,
    Regional,
    Local,
    Other,
}

public enum OrganisationType
{
    Government,
    Ngo,
    International,
    Academia,
    Private,
    Other,
}
