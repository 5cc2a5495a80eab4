using Enact.Core.CaseStudies;

namespace Enact.Core.Review;

/// <summary>
/// What publishing a revision copies onto the published case study: every template field (both languages), the
/// taxonomy terms and the attachment links. Identity, workflow state and bookkeeping stay the original's.
/// </summary>
public static class RevisionMerge
{
    /// <summary>Properties of <see cref="CaseStudy"/> that are not content and stay the original's (a unit test checks every other property is copied).</summary>
    public static readonly IReadOnlySet<string> NotCopied = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(CaseStudy.Id),
        nameof(CaseStudy.RevisionOfId),
        nameof(CaseStudy.MergedAt),
        nameof(CaseStudy.Status),
        nameof(CaseStudy.CreatedAt),
        nameof(CaseStudy.UpdatedAt),
        nameof(CaseStudy.PublishedAt),
        nameof(CaseStudy.SubmittedAt),
        nameof(CaseStudy.OwnerId),
        nameof(CaseStudy.Version),
        nameof(CaseStudy.CallId),
        nameof(CaseStudy.ExtendedUntil),
        nameof(CaseStudy.Terms),
    };

    /// <summary>Copies the content fields of <paramref name="revision"/> onto <paramref name="original"/>.</summary>
    public static void CopyFields(CaseStudy revision, CaseStudy original)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(original);
        original.CountryCode = revision.CountryCode;
        original.YearLaunched = revision.YearLaunched;
        original.LevelOfGovernment = revision.LevelOfGovernment;
        original.OrganisationType = revision.OrganisationType;
        original.OriginalLanguage = revision.OriginalLanguage;
        original.OrganisationAr = revision.OrganisationAr;
        original.OrganisationEn = revision.OrganisationEn;
        original.TitleAr = revision.TitleAr;
        original.TitleEn = revision.TitleEn;
        original.SummaryAr = revision.SummaryAr;
        original.SummaryEn = revision.SummaryEn;
        original.DescriptionAr = revision.DescriptionAr;
        original.DescriptionEn = revision.DescriptionEn;
        original.ProblemAr = revision.ProblemAr;
        original.ProblemEn = revision.ProblemEn;
        original.InnovationAr = revision.InnovationAr;
        original.InnovationEn = revision.InnovationEn;
        original.PartnersAr = revision.PartnersAr;
        original.PartnersEn = revision.PartnersEn;
        original.FundingAr = revision.FundingAr;
        original.FundingEn = revision.FundingEn;
        original.ChangeManagementAr = revision.ChangeManagementAr;
        original.ChangeManagementEn = revision.ChangeManagementEn;
        original.ResultsAr = revision.ResultsAr;
        original.ResultsEn = revision.ResultsEn;
        original.ChallengesAr = revision.ChallengesAr;
        original.ChallengesEn = revision.ChallengesEn;
        original.ConditionsForSuccessAr = revision.ConditionsForSuccessAr;
        original.ConditionsForSuccessEn = revision.ConditionsForSuccessEn;
        original.ReplicationAr = revision.ReplicationAr;
        original.ReplicationEn = revision.ReplicationEn;
        original.LessonsLearnedAr = revision.LessonsLearnedAr;
        original.LessonsLearnedEn = revision.LessonsLearnedEn;
        original.Website = revision.Website;
        original.InitiativeStatus = revision.InitiativeStatus;
        original.VideoLinks = revision.VideoLinks;
        original.ContactName = revision.ContactName;
        original.ContactEmail = revision.ContactEmail;
        original.ContactPhone = revision.ContactPhone;
        original.PublicContactName = revision.PublicContactName;
        original.PublicContactEmail = revision.PublicContactEmail;
        original.ConsentGivenAt = revision.ConsentGivenAt;
    }

    /// <summary>The original's attachment rows after the merge: the revision's files, in its order and with its texts.</summary>
    public static CaseStudyAttachment CopyAttachment(CaseStudyAttachment a, string originalId) => new()
    {
        Id = Guid.NewGuid(),
        CaseStudyId = originalId,
        FileId = a.FileId,
        FileName = a.FileName,
        ContentType = a.ContentType,
        Length = a.Length,
        IsImage = a.IsImage,
        AltTextAr = a.AltTextAr,
        AltTextEn = a.AltTextEn,
        Position = a.Position,
        UploadedAt = a.UploadedAt,
        UploadedById = a.UploadedById,
    };
}
