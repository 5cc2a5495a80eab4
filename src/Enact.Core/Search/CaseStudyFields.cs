namespace Enact.Core.Search;

/// <summary>Field names of the case-study index.</summary>
public static class CaseStudyFields
{
    public const string Id = "id";
    /// <summary>The record in the interchange format, UTF-8: a binary doc value (layout 2; a stored string in layout 1).</summary>
    public const string Json = "json";
    public const string Published = "published";

    public const string TitleAr = "title_ar";
    public const string SummaryAr = "summary_ar";
    public const string OrganisationAr = "organisation_ar";
    public const string BodyAr = "body_ar";
    public const string TitleEn = "title_en";
    public const string SummaryEn = "summary_en";
    public const string OrganisationEn = "organisation_en";
    public const string BodyEn = "body_en";

    public static readonly IReadOnlyList<string> ArabicText = [TitleAr, SummaryAr, OrganisationAr, BodyAr];
    public static readonly IReadOnlyList<string> EnglishText = [TitleEn, SummaryEn, OrganisationEn, BodyEn];

    /// <summary>How much a match in each text field counts.</summary>
    public static readonly IReadOnlyDictionary<string, float> Boosts = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        [TitleAr] = 4f, [TitleEn] = 4f,
        [SummaryAr] = 2f, [SummaryEn] = 2f,
        [OrganisationAr] = 1.5f, [OrganisationEn] = 1.5f,
        [BodyAr] = 1f, [BodyEn] = 1f,
    };

    public static string Title(string language) => language == "en" ? TitleEn : TitleAr;
    public static string Summary(string language) => language == "en" ? SummaryEn : SummaryAr;
    public static string Body(string language) => language == "en" ? BodyEn : BodyAr;
    public static string Organisation(string language) => language == "en" ? OrganisationEn : OrganisationAr;

    /// <summary>The facets, in the order of the API's "facets" object. Each is an indexed keyword field (filter) and a SortedSetDocValues field (counts) of the same name.</summary>
    public static readonly IReadOnlyList<string> Facets = ["country", "technology", "dimension", "sdg", "sector", "beneficiary", "year", "level"];

    public static string Facet(string facet) => "f_" + facet;
}
