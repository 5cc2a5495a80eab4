using System.ComponentModel.DataAnnotations;
using Enact.Core.Organisations;
using Enact.Core.Reference;
using Enact.Web.Localization;

namespace Enact.Web.Features.Organisations;

/// <summary>The create and edit pages, which share the form's fields.</summary>
public interface IOrganisationFormPage
{
    OrganisationFormInput Input { get; }
    IReadOnlyList<Country> Countries { get; }
}

[FeatureTexts(typeof(OrganisationText))]
public sealed class OrganisationFormInput
{
    [Required(ErrorMessage = "Required")]
    [MaxLength(Organisation.MaxNameLength, ErrorMessage = "MaxLength")]
    [Display(Name = "NameAr")]
    public string? NameAr { get; set; }

    [Required(ErrorMessage = "Required")]
    [MaxLength(Organisation.MaxNameLength, ErrorMessage = "MaxLength")]
    [Display(Name = "NameEn")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Required")]
    [Display(Name = "Type")]
    public string? Type { get; set; }

    [MaxLength(2)]
    [Display(Name = "CountryCode")]
    public string? CountryCode { get; set; }

    [MaxLength(Organisation.MaxWebsiteLength, ErrorMessage = "MaxLength")]
    [Display(Name = "Website")]
    public string? Website { get; set; }

    [MaxLength(100)]
    public string? Version { get; set; }

    public static OrganisationFormInput From(Organisation o) => new()
    {
        NameAr = o.NameAr, NameEn = o.NameEn, Type = o.Type, CountryCode = o.CountryCode, Website = o.Website,
        Version = o.Version.ToString("D"),
    };

    public OrganisationInput ToInput() => new(NameAr, NameEn, Type, CountryCode, Website);
}

public static class OrganisationLabels
{
    public static string Country(IReadOnlyList<Country> countries, string? code, string culture)
        => code is null ? "" : countries.FirstOrDefault(c => c.Code == code) is { } country ? (culture == Cultures.English ? country.NameEn : country.NameAr) : code;
}
