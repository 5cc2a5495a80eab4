using Enact.Core.CaseStudies;

namespace Enact.Core.Submissions;

/// <summary>The steps of the submission template, in order; <see cref="Preview"/> is the last page, where the person submits.</summary>
public enum SubmissionStep
{
    Organisation,
    Summary,
    Description,
    Development,
    Reflections,
    Materials,
    Consent,
    Preview,
}

public static class SubmissionSteps
{
    /// <summary>The steps that hold fields (every step but the preview).</summary>
    public static readonly IReadOnlyList<SubmissionStep> Editable =
    [
        SubmissionStep.Organisation, SubmissionStep.Summary, SubmissionStep.Description, SubmissionStep.Development,
        SubmissionStep.Reflections, SubmissionStep.Materials, SubmissionStep.Consent,
    ];

    public static readonly IReadOnlyList<SubmissionStep> All = [.. Editable, SubmissionStep.Preview];

    /// <summary>The step as written in URLs: "organisation", "consent", "preview".</summary>
    public static string Slug(SubmissionStep step) => step.ToString().ToLowerInvariant();

    public static SubmissionStep? Parse(string? slug)
        => All.Cast<SubmissionStep?>().FirstOrDefault(s => string.Equals(Slug(s!.Value), slug, StringComparison.Ordinal));

    public static SubmissionStep? Next(SubmissionStep step) => (int)step + 1 < All.Count ? All[(int)step + 1] : null;

    public static SubmissionStep? Previous(SubmissionStep step) => step > 0 ? All[(int)step - 1] : null;

    /// <summary>The step that holds a field of <see cref="DraftInput"/>.</summary>
    public static SubmissionStep StepOf(string field) => field switch
    {
        nameof(DraftInput.OrganisationAr) or nameof(DraftInput.OrganisationEn) or nameof(DraftInput.OrganisationType)
            or nameof(DraftInput.Country) or nameof(DraftInput.Level) or nameof(DraftInput.Sectors) or nameof(DraftInput.OriginalLanguage) => SubmissionStep.Organisation,
        nameof(DraftInput.TitleAr) or nameof(DraftInput.TitleEn) or nameof(DraftInput.SummaryAr) or nameof(DraftInput.SummaryEn)
            or nameof(DraftInput.Website) or nameof(DraftInput.YearLaunched) or nameof(DraftInput.InitiativeStatus) => SubmissionStep.Summary,
        nameof(DraftInput.ProblemAr) or nameof(DraftInput.ProblemEn) or nameof(DraftInput.DescriptionAr) or nameof(DraftInput.DescriptionEn)
            or nameof(DraftInput.InnovationAr) or nameof(DraftInput.InnovationEn) or nameof(DraftInput.Technologies)
            or nameof(DraftInput.Dimensions) or nameof(DraftInput.SdgTargets) => SubmissionStep.Description,
        nameof(DraftInput.PartnersAr) or nameof(DraftInput.PartnersEn) or nameof(DraftInput.Beneficiaries) or nameof(DraftInput.FundingAr)
            or nameof(DraftInput.FundingEn) or nameof(DraftInput.ChangeManagementAr) or nameof(DraftInput.ChangeManagementEn) => SubmissionStep.Development,
        nameof(DraftInput.ResultsAr) or nameof(DraftInput.ResultsEn) or nameof(DraftInput.ChallengesAr) or nameof(DraftInput.ChallengesEn)
            or nameof(DraftInput.ConditionsForSuccessAr) or nameof(DraftInput.ConditionsForSuccessEn) or nameof(DraftInput.ReplicationAr)
            or nameof(DraftInput.ReplicationEn) or nameof(DraftInput.LessonsLearnedAr) or nameof(DraftInput.LessonsLearnedEn) => SubmissionStep.Reflections,
        nameof(DraftInput.VideoLinks) or "Attachments" => SubmissionStep.Materials,
        _ => SubmissionStep.Consent,
    };
}

/// <summary>
/// What a person typed on one step. Only the fields of the step being saved are read; the rest are ignored, so each
/// step's form posts its own fields. Texts are kept as typed (trimmed); codes are checked against the reference data.
/// </summary>
public sealed class DraftInput
{
    // Organisation
    public string? OriginalLanguage { get; set; }
    public string? OrganisationAr { get; set; }
    public string? OrganisationEn { get; set; }
    public string? OrganisationType { get; set; }
    public string? Country { get; set; }
    public string? Level { get; set; }
    public List<string> Sectors { get; set; } = [];

    // Summary
    public string? TitleAr { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryAr { get; set; }
    public string? SummaryEn { get; set; }
    public string? Website { get; set; }
    public string? YearLaunched { get; set; }
    public string? InitiativeStatus { get; set; }

    // Description
    public string? ProblemAr { get; set; }
    public string? ProblemEn { get; set; }
    public string? DescriptionAr { get; set; }
    public string? DescriptionEn { get; set; }
    public string? InnovationAr { get; set; }
    public string? InnovationEn { get; set; }
    public List<string> Technologies { get; set; } = [];
    public List<string> Dimensions { get; set; } = [];
    public List<string> SdgTargets { get; set; } = [];

    // Development
    public string? PartnersAr { get; set; }
    public string? PartnersEn { get; set; }
    public List<string> Beneficiaries { get; set; } = [];
    public string? FundingAr { get; set; }
    public string? FundingEn { get; set; }
    public string? ChangeManagementAr { get; set; }
    public string? ChangeManagementEn { get; set; }

    // Reflections
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

    // Materials
    public string? VideoLinks { get; set; }
    /// <summary>Alternative texts of the attachments already uploaded, by attachment id.</summary>
    public Dictionary<Guid, (string? Ar, string? En)> AltTexts { get; set; } = [];

    // Consent and contact
    public bool Consent { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? PublicContactName { get; set; }
    public string? PublicContactEmail { get; set; }

    /// <summary>The values of a case study as the form shows them.</summary>
    public static DraftInput From(CaseStudy c, IEnumerable<(string Taxonomy, string Code)> terms, IEnumerable<CaseStudyAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(c);
        var t = terms.ToList();
        List<string> Codes(string taxonomy) => t.Where(x => x.Taxonomy == taxonomy).Select(x => x.Code).ToList();
        return new DraftInput
        {
            OriginalLanguage = c.OriginalLanguage,
            OrganisationAr = c.OrganisationAr,
            OrganisationEn = c.OrganisationEn,
            OrganisationType = c.OrganisationType is { } ot ? CaseStudies.Codes.Of(ot) : null,
            Country = c.CountryCode,
            Level = c.LevelOfGovernment is { } l ? CaseStudies.Codes.Of(l) : null,
            Sectors = Codes(Reference.Taxonomies.Sector),
            TitleAr = c.TitleAr,
            TitleEn = c.TitleEn,
            SummaryAr = c.SummaryAr,
            SummaryEn = c.SummaryEn,
            Website = c.Website,
            YearLaunched = c.YearLaunched > 0 ? c.YearLaunched.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            InitiativeStatus = c.InitiativeStatus is { } s ? CaseStudies.Codes.Of(s) : null,
            ProblemAr = c.ProblemAr,
            ProblemEn = c.ProblemEn,
            DescriptionAr = c.DescriptionAr,
            DescriptionEn = c.DescriptionEn,
            InnovationAr = c.InnovationAr,
            InnovationEn = c.InnovationEn,
            Technologies = Codes(Reference.Taxonomies.Technology),
            Dimensions = Codes(Reference.Taxonomies.Dimension),
            SdgTargets = Codes(Reference.Taxonomies.SdgTarget),
            PartnersAr = c.PartnersAr,
            PartnersEn = c.PartnersEn,
            Beneficiaries = Codes(Reference.Taxonomies.Beneficiary),
            FundingAr = c.FundingAr,
            FundingEn = c.FundingEn,
            ChangeManagementAr = c.ChangeManagementAr,
            ChangeManagementEn = c.ChangeManagementEn,
            ResultsAr = c.ResultsAr,
            ResultsEn = c.ResultsEn,
            ChallengesAr = c.ChallengesAr,
            ChallengesEn = c.ChallengesEn,
            ConditionsForSuccessAr = c.ConditionsForSuccessAr,
            ConditionsForSuccessEn = c.ConditionsForSuccessEn,
            ReplicationAr = c.ReplicationAr,
            ReplicationEn = c.ReplicationEn,
            LessonsLearnedAr = c.LessonsLearnedAr,
            LessonsLearnedEn = c.LessonsLearnedEn,
            VideoLinks = c.VideoLinks,
            AltTexts = attachments.ToDictionary(a => a.Id, a => (a.AltTextAr, a.AltTextEn)),
            Consent = c.ConsentGivenAt is not null,
            ContactName = c.ContactName,
            ContactEmail = c.ContactEmail,
            ContactPhone = c.ContactPhone,
            PublicContactName = c.PublicContactName,
            PublicContactEmail = c.PublicContactEmail,
        };
    }
}

/// <summary>A problem with one field: <see cref="Field"/> is a <see cref="DraftInput"/> property name (or "Upload", "CoAuthorEmail"), <see cref="Code"/> a text key.</summary>
public sealed record FieldError(string Field, string Code, params object[] Arguments);

/// <summary>A field the final submit still needs, with the step that holds it.</summary>
public sealed record MissingField(SubmissionStep Step, string Field, string Code);

public enum SubmissionResult
{
    Ok,
    Invalid,
    Conflict,
    NotFound,
    Forbidden,
    /// <summary>The call is closed (or not open yet) and no extension applies.</summary>
    Closed,
    /// <summary>The case study is not in a state the person may edit or submit.</summary>
    NotEditable,
    /// <summary>The final submit found required fields missing (see <see cref="SubmissionOutcome.Missing"/>).</summary>
    Incomplete,
}

/// <summary>The outcome of a submission operation.</summary>
public sealed record SubmissionOutcome(SubmissionResult Result)
{
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
    public IReadOnlyList<MissingField> Missing { get; init; } = [];
    public string? Id { get; init; }
    public Guid? Version { get; init; }
    public DateTime? SavedAt { get; init; }
    /// <summary>People to tell (a submitted case study's owner and co-authors; an invited co-author).</summary>
    public IReadOnlyList<Recipient> Recipients { get; init; } = [];

    public bool Succeeded => Result == SubmissionResult.Ok;

    public static SubmissionOutcome Of(SubmissionResult result) => new(result);

    public static SubmissionOutcome Invalid(IReadOnlyList<FieldError> errors) => new(SubmissionResult.Invalid) { Errors = errors };

    public static SubmissionOutcome Invalid(string field, string code, params object[] arguments) => Invalid([new FieldError(field, code, arguments)]);
}

/// <summary>Someone to e-mail, in their language (Arabic when they have no account yet).</summary>
public sealed record Recipient(string Email, string Language, string? Name);

/// <summary>Who is acting, as the submission rules need it (built from the signed-in person's claims).</summary>
public sealed record Submitter(Guid UserId, string? Email, bool IsStaff, bool IsFocalPoint, IReadOnlySet<string> Countries)
{
    public bool MayActFor(string country) => IsStaff || (IsFocalPoint && Countries.Contains(country));
}

/// <summary>What a person may do with a case study.</summary>
public enum SubmissionAccess
{
    None,
    /// <summary>See it (and its files): staff, assigned reviewers.</summary>
    View,
    /// <summary>Edit and submit: co-authors, focal points of its country.</summary>
    Edit,
    /// <summary>Edit, submit, invite and remove co-authors, withdraw.</summary>
    Owner,
}

/// <summary>One case study of the person's "My submissions" list, with its history.</summary>
public sealed record MySubmission(
    string Id,
    string? TitleAr,
    string? TitleEn,
    string OriginalLanguage,
    string CountryCode,
    CaseStudyStatus Status,
    DateTime UpdatedAt,
    DateTime? SubmittedAt,
    bool IsOwner,
    string? RevisionOfId,
    bool HasOpenRevision,
    IReadOnlyList<CaseStudyTransition> History)
{
    public bool IsEditable => SubmissionService.EditableStates.Contains(Status);
    public bool CanWithdraw => IsOwner && Review.CaseStudyWorkflow.IsAllowed(Status, CaseStudyStatus.Withdrawn);
    public bool CanProposeUpdate => Status == CaseStudyStatus.Published && RevisionOfId is null && !HasOpenRevision;
}

/// <summary>A case study opened in the template, with what the page needs around it.</summary>
public sealed record SubmissionDraft(
    CaseStudy CaseStudy,
    SubmissionAccess Access,
    IReadOnlyList<(string Taxonomy, string Code)> Terms,
    IReadOnlyList<CaseStudyAttachment> Attachments,
    IReadOnlyList<CaseStudyCoAuthor> CoAuthors,
    Calls.SubmissionCall? Call,
    /// <summary>The editor's reason of the last "changes requested" decision, shown while the owner answers it.</summary>
    string? ChangeRequest)
{
    public bool IsEditable => SubmissionService.EditableStates.Contains(CaseStudy.Status) && Access >= SubmissionAccess.Edit;

    /// <summary>The languages the case study has (those with a title; the original language when none has one yet).</summary>
    public IReadOnlyList<string> Languages => SubmissionService.LanguagesOf(CaseStudy);
}

/// <summary>A stored file to serve.</summary>
public sealed record FileDownload(string FileName, string ContentType, bool IsImage, byte[] Content);

/// <summary>A call open for submissions, as the start page lists it.</summary>
public sealed record OpenCall(int Id, string TitleAr, string TitleEn, DateTime ClosesAt, string TimeZone);
