using Enact.Core.Data;

namespace Enact.Core.Reference;

/// <summary>An Arab state, keyed by its ISO 3166-1 alpha-2 code.</summary>
public sealed class Country : IVersioned
{
    public required string Code { get; set; }
    public required string NameAr { get; set; }
    public required string NameEn { get; set; }
    public bool IsEscwaMember { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public string Name(bool arabic) => arabic ? NameAr : NameEn;
}

/// <summary>A term of a controlled vocabulary (technology, dimension, SDG target, sector, beneficiary group).</summary>
public sealed class TaxonomyTerm
{
    public int Id { get; set; }
    public required string Taxonomy { get; set; }
    public required string Code { get; set; }
    public required string LabelAr { get; set; }
    public required string LabelEn { get; set; }
    public int SortOrder { get; set; }

    public string Label(bool arabic) => arabic ? LabelAr : LabelEn;
}

public static class Taxonomies
{
    public const string Technology = "technology";
    public const string Dimension = "dimension";
    public const string SdgTarget = "sdg";
    public const string Sector = "sector";
    public const string Beneficiary = "beneficiary";

    public static readonly IReadOnlyList<string> All = [Technology, Dimension, SdgTarget, Sector, Beneficiary];
}
