using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Enact.Core.Reference;
using Enact.Core.Submissions;
using Enact.Web.Localization;

namespace Enact.Web.Features.Submissions;

/// <summary>
/// The fields of every step as the forms post them (each step posts its own). Format rules live in
/// <see cref="SubmissionService"/>, so that a step is saved even when incomplete and the same rules serve autosave.
/// </summary>
[FeatureTexts(typeof(SubmissionText))]
public sealed class StepInput
{
    [Required(ErrorMessage = "Required")]
    [MaxLength(100, ErrorMessage = "MaxLength")]
    public string Version { get; set; } = "";

    public string? OriginalLanguage { get; set; }
    public string? OrganisationAr { get; set; }
    public string? OrganisationEn { get; set; }
    public string? OrganisationType { get; set; }
    public string? Country { get; set; }
    public string? Level { get; set; }
    public List<string> Sectors { get; set; } = [];

    public string? TitleAr { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryAr { get; set; }
    public string? SummaryEn { get; set; }
    public string? Website { get; set; }
    public string? YearLaunched { get; set; }
    public string? InitiativeStatus { get; set; }

    public string? ProblemAr { get; set; }
    public string? ProblemEn { get; set; }
    public string? DescriptionAr { get; set; }
    public string? DescriptionEn { get; set; }
    public string? InnovationAr { get; set; }
    public string? InnovationEn { get; set; }
    public List<string> Technologies { get; set; } = [];
    public List<string> Dimensions { get; set; } = [];
    public List<string> SdgTargets { get; set; } = [];

    public string? PartnersAr { get; set; }
    public string? PartnersEn { get; set; }
    public List<string> Beneficiaries { get; set; } = [];
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

    public string? VideoLinks { get; set; }
    public List<AltTextInput> AltTexts { get; set; } = [];
    public string? UploadAltAr { get; set; }
    public string? UploadAltEn { get; set; }

    public bool Consent { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? PublicContactName { get; set; }
    public string? PublicContactEmail { get; set; }
    public string? CoAuthorEmail { get; set; }

    private static readonly PropertyInfo[] Shared = typeof(DraftInput).GetProperties()
        .Where(p => p.Name != nameof(DraftInput.AltTexts) && typeof(StepInput).GetProperty(p.Name) is not null)
        .ToArray();

    public DraftInput ToDraft()
    {
        var draft = new DraftInput();
        foreach (var p in Shared)
        {
            var value = typeof(StepInput).GetProperty(p.Name)!.GetValue(this);
            p.SetValue(draft, value is List<string> list ? new List<string>(list) : value);
        }
        foreach (var alt in AltTexts)
        {
            draft.AltTexts[alt.Id] = (alt.Ar, alt.En);
        }
        return draft;
    }

    public static StepInput From(DraftInput draft, Guid version)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var input = new StepInput { Version = version.ToString("D", CultureInfo.InvariantCulture) };
        foreach (var p in Shared)
        {
            var value = p.GetValue(draft);
            typeof(StepInput).GetProperty(p.Name)!.SetValue(input, value is List<string> list ? new List<string>(list) : value);
        }
        input.AltTexts = draft.AltTexts.Select(kv => new AltTextInput { Id = kv.Key, Ar = kv.Value.Ar, En = kv.Value.En }).ToList();
        return input;
    }

    /// <summary>The value of a text field by name ("TitleAr").</summary>
    public string? Text(string field) => typeof(StepInput).GetProperty(field)?.GetValue(this) as string;

    public List<string> Codes(string field) => typeof(StepInput).GetProperty(field)?.GetValue(this) as List<string> ?? [];
}

public sealed class AltTextInput
{
    public Guid Id { get; set; }
    public string? Ar { get; set; }
    public string? En { get; set; }
}

/// <summary>One bilingual text field, rendered by <c>_Bilingual.cshtml</c>: the two languages side by side, the original one first.</summary>
public sealed record BilingualField(string Name, string Label, string? Hint, bool Multiline, string? ValueAr, string? ValueEn, string? ErrorAr, string? ErrorEn, string First, int MaxLength);

/// <summary>A group of taxonomy checkboxes rendered by <c>_Terms.cshtml</c>.</summary>
public sealed record TermGroup(string Field, string Legend, string? Hint, IReadOnlyList<(string Code, string Label)> Options, IReadOnlyList<string> Selected, string? Error);

public static class TermOptions
{
    public static IReadOnlyList<(string Code, string Label)> Of(string taxonomy, bool arabic)
        => ReferenceData.Terms.Where(t => t.Taxonomy == taxonomy).Select(t => (t.Code, arabic ? t.LabelAr : t.LabelEn)).ToList();
}
