using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Enact.Core.CaseStudies;

/// <summary>
/// One case study in the interchange format: the open data API's items, and the records of <c>import</c>/<c>export</c>
/// files. Enumerations are lower-case codes (see <see cref="Codes"/>); texts are per language.
/// </summary>
public sealed class CaseStudyRecord
{
    public string? Id { get; set; }
    public string? Country { get; set; }
    public int? YearLaunched { get; set; }
    public string? LevelOfGovernment { get; set; }
    public string? OrganisationType { get; set; }
    public string? OriginalLanguage { get; set; }
    public LocalizedText? Organisation { get; set; }
    public LocalizedText? Title { get; set; }
    public LocalizedText? Summary { get; set; }
    public LocalizedText? Description { get; set; }
    public LocalizedText? Problem { get; set; }
    public LocalizedText? Innovation { get; set; }
    public LocalizedText? Partners { get; set; }
    public LocalizedText? FundingAndSustainability { get; set; }
    public LocalizedText? ChangeManagement { get; set; }
    public LocalizedText? Results { get; set; }
    public LocalizedText? Challenges { get; set; }
    public LocalizedText? ConditionsForSuccess { get; set; }
    public LocalizedText? Replication { get; set; }
    public LocalizedText? LessonsLearned { get; set; }
    public IReadOnlyList<string>? Technologies { get; set; }
    public IReadOnlyList<string>? Dimensions { get; set; }
    public IReadOnlyList<string>? SdgTargets { get; set; }
    public IReadOnlyList<string>? Sectors { get; set; }
    public IReadOnlyList<string>? Beneficiaries { get; set; }
    public string? Website { get; set; }
    public string? Status { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Search results only: the matches of the query, HTML-encoded with &lt;mark&gt; around each match.</summary>
    public SearchHighlight? Highlight { get; set; }

    /// <summary>Every localized text of the record, with its interchange name, for validation and indexing.</summary>
    public IEnumerable<(string Name, LocalizedText? Text)> Texts()
    {
        yield return ("organisation", Organisation);
        yield return ("title", Title);
        yield return ("summary", Summary);
        yield return ("description", Description);
        yield return ("problem", Problem);
        yield return ("innovation", Innovation);
        yield return ("partners", Partners);
        yield return ("fundingAndSustainability", FundingAndSustainability);
        yield return ("changeManagement", ChangeManagement);
        yield return ("results", Results);
        yield return ("challenges", Challenges);
        yield return ("conditionsForSuccess", ConditionsForSuccess);
        yield return ("replication", Replication);
        yield return ("lessonsLearned", LessonsLearned);
    }
}

/// <summary>A text in Arabic and/or English.</summary>
public sealed class LocalizedText
{
    public string? Ar { get; set; }
    public string? En { get; set; }

    public static LocalizedText? Of(string? ar, string? en)
        => string.IsNullOrEmpty(ar) && string.IsNullOrEmpty(en) ? null : new LocalizedText { Ar = NullIfBlank(ar), En = NullIfBlank(en) };

    public string? In(string language) => string.Equals(language, "en", StringComparison.Ordinal) ? En : Ar;

    internal static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

public sealed class SearchHighlight
{
    public string? Title { get; set; }
    public string? Snippet { get; set; }
}

public static class InterchangeJson
{
    /// <summary>camelCase, nulls left out, Arabic written as characters; unknown properties are errors.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}

/// <summary>The lower-case codes of the enumerations in the interchange format and the API.</summary>
public static class Codes
{
    public const string Published = "published";
    public const string Draft = "draft";

    public static readonly IReadOnlyList<string> Levels = Enum.GetValues<LevelOfGovernment>().Select(Of).ToArray();
    public static readonly IReadOnlyList<string> OrganisationTypes = Enum.GetValues<OrganisationType>().Select(Of).ToArray();
    public static readonly IReadOnlyList<string> Languages = ["ar", "en"];

    /// <summary>InReview → "in-review".</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('-');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    public static bool TryParse<TEnum>(string? code, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), code, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
