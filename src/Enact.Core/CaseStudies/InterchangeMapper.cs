using Enact.Core.Reference;

namespace Enact.Core.CaseStudies;

/// <summary>Maps between the entity and the interchange record (both ways), with no I/O.</summary>
public static class InterchangeMapper
{
    public static CaseStudyRecord ToRecord(CaseStudy c, IReadOnlyDictionary<int, TaxonomyTerm> terms)
    {
        var linked = c.Terms.Select(t => terms.TryGetValue(t.TermId, out var term) ? term : t.Term).OfType<TaxonomyTerm>()
            .OrderBy(t => t.SortOrder).ToList();
        IReadOnlyList<string>? Of(string taxonomy)
        {
            var codes = linked.Where(t => string.Equals(t.Taxonomy, taxonomy, StringComparison.Ordinal)).Select(t => t.Code).ToArray();
            return codes.Length == 0 ? null : codes;
        }
        return new CaseStudyRecord
        {
            Id = c.Id,
            Country = c.CountryCode,
            YearLaunched = c.YearLaunched,
            LevelOfGovernment = c.LevelOfGovernment is { } level ? Codes.Of(level) : null,
            OrganisationType = c.OrganisationType is { } type ? Codes.Of(type) : null,
            OriginalLanguage = c.OriginalLanguage,
            Organisation = LocalizedText.Of(c.OrganisationAr, c.OrganisationEn),
            Title = LocalizedText.Of(c.TitleAr, c.TitleEn),
            Summary = LocalizedText.Of(c.SummaryAr, c.SummaryEn),
            Description = LocalizedText.Of(c.DescriptionAr, c.DescriptionEn),
            Problem = LocalizedText.Of(c.ProblemAr, c.ProblemEn),
            Innovation = LocalizedText.Of(c.InnovationAr, c.InnovationEn),
            Partners = LocalizedText.Of(c.PartnersAr, c.PartnersEn),
            FundingAndSustainability = LocalizedText.Of(c.FundingAr, c.FundingEn),
            ChangeManagement = LocalizedText.Of(c.ChangeManagementAr, c.ChangeManagementEn),
            Results = LocalizedText.Of(c.ResultsAr, c.ResultsEn),
            Challenges = LocalizedText.Of(c.ChallengesAr, c.ChallengesEn),
            ConditionsForSuccess = LocalizedText.Of(c.ConditionsForSuccessAr, c.ConditionsForSuccessEn),
            Replication = LocalizedText.Of(c.ReplicationAr, c.ReplicationEn),
            LessonsLearned = LocalizedText.Of(c.LessonsLearnedAr, c.LessonsLearnedEn),
            Technologies = Of(Taxonomies.Technology),
            Dimensions = Of(Taxonomies.Dimension),
            SdgTargets = Of(Taxonomies.SdgTarget),
            Sectors = Of(Taxonomies.Sector),
            Beneficiaries = Of(Taxonomies.Beneficiary),
            Website = c.Website,
            Status = c.Status == CaseStudyStatus.Published ? Codes.Published : Codes.Of(c.Status),
            PublishedAt = c.PublishedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
        };
    }

    /// <summary>Copies a validated record onto the entity (new or existing). Taxonomy links are replaced by <paramref name="termIds"/>.</summary>
    public static void Apply(CaseStudyRecord r, CaseStudy c)
    {
        c.CountryCode = r.Country!;
        c.YearLaunched = r.YearLaunched!.Value;
        c.LevelOfGovernment = Codes.TryParse<LevelOfGovernment>(r.LevelOfGovernment, out var level) ? level : null;
        c.OrganisationType = Codes.TryParse<OrganisationType>(r.OrganisationType, out var type) ? type : null;
        c.OriginalLanguage = r.OriginalLanguage ?? (LocalizedText.NullIfBlank(r.Title?.Ar) is null ? "en" : "ar");
        (c.OrganisationAr, c.OrganisationEn) = Split(r.Organisation);
        (c.TitleAr, c.TitleEn) = Split(r.Title);
        (c.SummaryAr, c.SummaryEn) = Split(r.Summary);
        (c.DescriptionAr, c.DescriptionEn) = Split(r.Description);
        (c.ProblemAr, c.ProblemEn) = Split(r.Problem);
        (c.InnovationAr, c.InnovationEn) = Split(r.Innovation);
        (c.PartnersAr, c.PartnersEn) = Split(r.Partners);
        (c.FundingAr, c.FundingEn) = Split(r.FundingAndSustainability);
        (c.ChangeManagementAr, c.ChangeManagementEn) = Split(r.ChangeManagement);
        (c.ResultsAr, c.ResultsEn) = Split(r.Results);
        (c.ChallengesAr, c.ChallengesEn) = Split(r.Challenges);
        (c.ConditionsForSuccessAr, c.ConditionsForSuccessEn) = Split(r.ConditionsForSuccess);
        (c.ReplicationAr, c.ReplicationEn) = Split(r.Replication);
        (c.LessonsLearnedAr, c.LessonsLearnedEn) = Split(r.LessonsLearned);
        c.Website = LocalizedText.NullIfBlank(r.Website);
        c.Status = string.Equals(r.Status, Codes.Draft, StringComparison.Ordinal) ? CaseStudyStatus.Draft : CaseStudyStatus.Published;
    }

    /// <summary>The (taxonomy, code) pairs of a record's taxonomy lists.</summary>
    public static IEnumerable<(string Taxonomy, string Code)> TermCodes(CaseStudyRecord r)
    {
        foreach (var code in r.Technologies ?? [])
        {
            yield return (Taxonomies.Technology, code);
        }
        foreach (var code in r.Dimensions ?? [])
        {
            yield return (Taxonomies.Dimension, code);
        }
        foreach (var code in r.SdgTargets ?? [])
        {
            yield return (Taxonomies.SdgTarget, code);
        }
        foreach (var code in r.Sectors ?? [])
        {
            yield return (Taxonomies.Sector, code);
        }
        foreach (var code in r.Beneficiaries ?? [])
        {
            yield return (Taxonomies.Beneficiary, code);
        }
    }

    private static (string?, string?) Split(LocalizedText? text)
        => (LocalizedText.NullIfBlank(text?.Ar), LocalizedText.NullIfBlank(text?.En));
}
