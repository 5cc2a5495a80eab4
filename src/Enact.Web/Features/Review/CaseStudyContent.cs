using Enact.Core.CaseStudies;

namespace Enact.Web.Features.Review;

/// <summary>
/// What <c>_CaseStudyContent</c> shows: every field of a case study in both languages and its attachments.
/// The submitter's private contact only for staff.
/// </summary>
public sealed record CaseStudyContent(CaseStudy CaseStudy, IReadOnlyList<CaseStudyAttachment> Attachments, bool ShowPrivate)
{
    /// <summary>The template's texts: resource key suffix, Arabic, English, whether the text is Markdown.</summary>
    public IEnumerable<(string Key, string? Ar, string? En, bool Markdown)> Texts()
    {
        var c = CaseStudy;
        yield return ("Title", c.TitleAr, c.TitleEn, false);
        yield return ("Summary", c.SummaryAr, c.SummaryEn, false);
        yield return ("Organisation", c.OrganisationAr, c.OrganisationEn, false);
        yield return ("Problem", c.ProblemAr, c.ProblemEn, true);
        yield return ("Description", c.DescriptionAr, c.DescriptionEn, true);
        yield return ("Innovation", c.InnovationAr, c.InnovationEn, true);
        yield return ("Partners", c.PartnersAr, c.PartnersEn, true);
        yield return ("Funding", c.FundingAr, c.FundingEn, true);
        yield return ("ChangeManagement", c.ChangeManagementAr, c.ChangeManagementEn, true);
        yield return ("Results", c.ResultsAr, c.ResultsEn, true);
        yield return ("Challenges", c.ChallengesAr, c.ChallengesEn, true);
        yield return ("ConditionsForSuccess", c.ConditionsForSuccessAr, c.ConditionsForSuccessEn, true);
        yield return ("Replication", c.ReplicationAr, c.ReplicationEn, true);
        yield return ("LessonsLearned", c.LessonsLearnedAr, c.LessonsLearnedEn, true);
    }
}
