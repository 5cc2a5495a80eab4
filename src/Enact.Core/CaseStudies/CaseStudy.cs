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
