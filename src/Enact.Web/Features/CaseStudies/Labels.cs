using System.Globalization;
using Enact.Core.Reference;
using Enact.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.CaseStudies;

/// <summary>What a reader sees for codes: country names and taxonomy labels in the page's language (reference data, no query).</summary>
public static class Labels
{
    private static readonly Dictionary<string, CountrySeed> Countries = ReferenceData.Countries.ToDictionary(c => c.Code, StringComparer.Ordinal);
    private static readonly Dictionary<(string, string), TermSeed> Terms = ReferenceData.Terms.ToDictionary(t => (t.Taxonomy, t.Code));

    public static readonly IReadOnlyDictionary<string, string> FacetKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["country"] = "FacetCountry",
        ["technology"] = "FacetTechnology",
        ["dimension"] = "FacetDimension",
        ["sdg"] = "FacetSdg",
        ["sector"] = "FacetSector",
        ["beneficiary"] = "FacetBeneficiary",
        ["year"] = "FacetYear",
        ["level"] = "FacetLevel",
    };

    public static bool Arabic => Cultures.Current == Cultures.Arabic;

    public static string Country(string? code)
        => code is not null && Countries.TryGetValue(code, out var c) ? (Arabic ? c.NameAr : c.NameEn) : code ?? "";

    public static string Term(string taxonomy, string code)
        => Terms.TryGetValue((taxonomy, code), out var t) ? (Arabic ? t.LabelAr : t.LabelEn) : code;

    /// <summary>A facet value as shown in its checkbox.</summary>
    public static string Facet(string facet, string value, IStringLocalizer<CaseStudyText> text) => facet switch
    {
        "country" => Country(value),
        "year" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year.ToString("D", CultureInfo.CurrentCulture) : value,
        "level" => Level(value, text),
        _ => Term(facet, value),
    };

    public static string Level(string? code, IStringLocalizer<CaseStudyText> text)
        => code is null ? "" : text["Level" + Pascal(code)] is { ResourceNotFound: false } s ? s.Value : code;

    public static string OrganisationType(string? code, IStringLocalizer<CaseStudyText> text)
        => code is null ? "" : text["OrgType" + Pascal(code)] is { ResourceNotFound: false } s ? s.Value : code;

    private static string Pascal(string code) => string.Concat(code.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A text in the page's language, else in the other one; <c>Lang</c> is set only when it is the other one.</summary>
    public static (string? Text, string? Lang) Pick(Enact.Core.CaseStudies.LocalizedText? text)
    {
        var here = Cultures.Current;
        var there = here == Cultures.Arabic ? Cultures.English : Cultures.Arabic;
        var mine = text?.In(here);
        if (!string.IsNullOrEmpty(mine))
        {
            return (mine, null);
        }
        var other = text?.In(there);
        return string.IsNullOrEmpty(other) ? (null, null) : (other, there);
    }

    public static string? Dir(string? lang) => lang is null ? null : lang == Cultures.Arabic ? "rtl" : "ltr";
}
